/**
 * A view's live numbers kept in typed arrays, so a delta costs work per changed quote rather than
 * per tile: sizes and pct_change by input index (the layout's share check and the stats read
 * them), and the packed colour value, price and stale flag by tile (layout order), reached through
 * a quote → input index map and the layout's order.
 */
import type { Quote } from '../relay/protocol.ts';
import type { ColorMetric, SizeMetric } from './api.ts';
import { packTiles, type PackedTiles } from './frame.ts';
import { tileSize } from './layout.ts';

export interface TileColumns extends PackedTiles {
  /** The view's quotes (input order); the columns are valid for this array only. */
  quotes: readonly Quote[];
  sizeBy: SizeMetric;
  colorBy: ColorMetric;
  indexOf: Map<Quote, number>;
  sizes: Float64Array;
  pct: Float64Array;
  /** The layout order the tile arrays follow (null until `arrangeTiles`), and its inverse. */
  order: Int32Array | null;
  tileOf: Int32Array;
}

export function createColumns(quotes: readonly Quote[], metrics: { sizeBy: SizeMetric; colorBy: ColorMetric }): TileColumns {
  const n = quotes.length;
  const columns: TileColumns = {
    quotes, ...metrics, indexOf: new Map(), sizes: new Float64Array(n), pct: new Float64Array(n),
    order: null, tileOf: new Int32Array(n), values: new Float32Array(0), prices: new Float32Array(0), stale: new Uint8Array(0),
  };
  quotes.forEach((q, i) => {
    columns.indexOf.set(q, i);
    columns.sizes[i] = tileSize(q, metrics.sizeBy);
    columns.pct[i] = q.pct_change;
  });
  return columns;
}

/** Packs the tile arrays for a (new) layout order. */
export function arrangeTiles(c: TileColumns, order: Int32Array): void {
  Object.assign(c, packTiles(c.quotes, order, c.colorBy));
  c.order = order;
  for (let k = 0; k < order.length; k++) c.tileOf[order[k]!] = k;
}

/** Copies the changed quotes' numbers in; quotes outside the view are skipped. */
export function updateColumns(c: TileColumns, changed: readonly Quote[]): void {
  // When most quotes changed, one pass in order beats a map lookup per change.
  if (changed.length * 2 > c.quotes.length) {
    for (let i = 0; i < c.quotes.length; i++) update(c, c.quotes[i]!, i);
    return;
  }
  for (const q of changed) {
    const i = c.indexOf.get(q);
    if (i !== undefined) update(c, q, i);
  }
}

function update(c: TileColumns, q: Quote, i: number): void {
  c.sizes[i] = tileSize(q, c.sizeBy);
  c.pct[i] = q.pct_change;
  if (c.order === null) return;
  const k = c.tileOf[i]!;
  c.values[k] = q[c.colorBy];
  c.prices[k] = q.price;
  c.stale[k] = q.stale ? 1 : 0;
}
