/**
 * The latest engine frame, held outside React so the canvas can paint every frame without a React
 * render, while components subscribe to the small slices they show (status, stats, …).
 *
 * The engine sends `layout` only when geometry changed; the store keeps the last one so every
 * RenderFrame is complete. A frame whose arrays do not match its layout is dropped and counted.
 * A frame whose status is stale has every tile marked stale.
 */
import type { Frame, FrameLayout } from '../../engine/api.ts';

export interface RenderFrame extends Omit<Frame, 'layout'> {
  layout: FrameLayout;
  /** True when this frame brought a new layout (geometry may have changed). */
  layoutChanged: boolean;
}

export interface FrameStore {
  push(frame: Frame): void;
  get(): RenderFrame | null;
  subscribe(listener: () => void): () => void;
  /** Frames dropped because their arrays did not match the layout. */
  rejected(): number;
}

/** The frame's per-tile arrays are as long as the layout has tiles. */
export function fitsLayout(frame: Pick<Frame, 'values' | 'prices' | 'stale'>, layout: Pick<FrameLayout, 'symbols'>): boolean {
  const n = layout.symbols.length;
  return frame.values.length === n && frame.prices.length === n && frame.stale.length === n;
}

/** Two frames show the same tiles: the same layout, and every tile's value, price and staleness. */
export function sameTiles(a: RenderFrame, b: RenderFrame): boolean {
  return !b.layoutChanged && a.layout === b.layout && sameArray(a.values, b.values) && sameArray(a.prices, b.prices) && sameArray(a.stale, b.stale);
}

function sameArray(a: Float32Array | Uint8Array, b: Float32Array | Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !(Number.isNaN(a[i]) && Number.isNaN(b[i]))) return false;
  return true;
}

export function createFrameStore(): FrameStore {
  let current: RenderFrame | null = null;
  let rejected = 0;
  const listeners = new Set<() => void>();
  return {
    push(frame) {
      const layout = frame.layout ?? current?.layout;
      if (!layout || !fitsLayout(frame, layout)) {
        rejected++;
        if (rejected === 1 || rejected % 100 === 0) console.warn(`dropped ${rejected} frame(s) not matching their layout`);
        return;
      }
      // When the whole feed is stale (offline, from cache, or no update for 3 intervals) every tile
      // is as old as the feed, whatever the relay last said about each symbol. The arrays are this
      // frame's own (transferred from the worker), so marking them in place is safe.
      if (frame.status.stale) frame.stale.fill(1);
      current = { ...frame, layout, layoutChanged: frame.layout !== null };
      for (const listener of listeners) listener();
    },
    get: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    rejected: () => rejected,
  };
}
