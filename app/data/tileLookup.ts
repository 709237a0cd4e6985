/** Lookups into a frame by symbol, for the overlays, tooltip, keyboard model and table. */
import type { FrameLayout } from '../../engine/api.ts';
import type { Sector } from '../../relay/protocol.ts';
import type { RenderFrame } from './frameStore.ts';

const indexes = new WeakMap<FrameLayout, Map<string, number>>();

/** symbol → position in the layout's arrays, built once per layout. */
export function layoutIndex(layout: FrameLayout): Map<string, number> {
  let index = indexes.get(layout);
  if (!index) {
    index = new Map(layout.symbols.map((s, i) => [s, i]));
    indexes.set(layout, index);
  }
  return index;
}

export interface TileInfo {
  symbol: string;
  name: string;
  pct: number;
  price: number;
  stale: boolean;
  x: number;
  y: number;
  w: number;
  h: number;
}

export function tileInfo(frame: RenderFrame | null, symbol: string | null): TileInfo | null {
  if (!frame || symbol === null) return null;
  const i = layoutIndex(frame.layout).get(symbol);
  if (i === undefined) return null;
  const l = frame.layout;
  return {
    symbol,
    name: l.names[i] ?? symbol,
    pct: frame.values[i]!,
    price: frame.prices[i]!,
    stale: frame.stale[i] === 1,
    x: l.x[i]!,
    y: l.y[i]!,
    w: l.w[i]!,
    h: l.h[i]!,
  };
}

/** The sector whose group box holds the tile's centre, or null. */
export function tileSector(layout: FrameLayout, i: number): Sector | null {
  const cx = layout.x[i]! + layout.w[i]! / 2;
  const cy = layout.y[i]! + layout.h[i]! / 2;
  for (const g of layout.groups) {
    if (g.kind === 'sector' && cx >= g.x && cx < g.x + g.w && cy >= g.y && cy < g.y + g.h) return g.sector;
  }
  return null;
}
