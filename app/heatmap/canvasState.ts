/**
 * Setting `font` or a colour string makes the canvas parse CSS, which dominates painting
 * thousands of tiles; these remember what was last set per context and skip repeats.
 */
import { cssRgb } from '../color/rgb.ts';
import type { Canvas2D } from './canvas2d.ts';

const lastSet = new WeakMap<Canvas2D, { font: string; fill: string | CanvasPattern }>();

function state(ctx: Canvas2D) {
  let s = lastSet.get(ctx);
  if (!s) lastSet.set(ctx, (s = { font: '', fill: '' }));
  return s;
}

export function setFill(ctx: Canvas2D, fill: string | CanvasPattern): void {
  const s = state(ctx);
  if (s.fill === fill) return;
  ctx.fillStyle = fill;
  s.fill = fill;
}

export function setFont(ctx: Canvas2D, font: string): void {
  const s = state(ctx);
  if (s.font === font) return;
  ctx.font = font;
  s.font = font;
}

const hexCache = new Map<number, string>();

/** `#rrggbb` for a packed colour, memoised (transitions revisit the same colours constantly). */
export function hex(c: number): string {
  let h = hexCache.get(c);
  if (h === undefined) {
    if (hexCache.size > 8192) hexCache.clear();
    h = cssRgb(c);
    hexCache.set(c, h);
  }
  return h;
}

/** Forget what was set (a resize resets the context's state behind our back). */
export function resetCanvasState(ctx: Canvas2D): void {
  lastSet.delete(ctx);
}
