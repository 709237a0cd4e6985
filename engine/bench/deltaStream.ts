/**
 * Bench input: a synthetic market and a deterministic stream of delta frames as the relay sends
 * them (the fields a provider refresh changes, market cap in whole dollars, each row stamped
 * with its quote's own time one second after the previous delta).
 */
import { encodeColumnDelta, symbolOrderHash } from '../../relay/columnDelta.ts';
import type { Quote, QuoteUpdate } from '../../relay/protocol.ts';
import { syntheticUniverse } from '../../relay/universe.ts';

export const T0 = Date.UTC(2025, 5, 2, 15, 0, 0);

export const FEED = {
  status: 'ok', reason: null, retry_at: null, provider: 'simulated', last_update: T0, stale: false,
  session: { phase: 'regular', label: 'Open', holiday: null, early_close: false, next_change: null, simulated: true },
} as const;

export function quotesFor(count: number): Quote[] {
  return syntheticUniverse(count).map((m, i) => ({
    symbol: m.symbol, name: m.name, sector: m.sector, industry: m.industry, indices: m.indices,
    price: m.ref_price, change: 0, pct_change: (i % 200) / 50 - 2, volume: 1_000_000 + i, market_cap: m.market_cap,
    prev_close: m.ref_price, timestamp: T0, stale: false, stale_since: null,
  }));
}

/** A random walk: each delta moves about `share` of the symbols by up to ±0.2 %. Rows are made
 * lazily, so a long run never holds millions of row objects (which would slow every GC it measures). */
export function* deltaRows(quotes: readonly Quote[], share: number, count: number): Generator<QuoteUpdate[]> {
  const price = quotes.map((q) => q.price);
  let seed = 7;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  for (let d = 0; d < count; d++) {
    const rows: QuoteUpdate[] = [];
    quotes.forEach((q, i) => {
      if (random() >= share) return;
      price[i] = Math.round(price[i]! * (1 + (random() - 0.5) * 0.004) * 100) / 100;
      const change = Math.round((price[i]! - q.prev_close) * 100) / 100;
      rows.push({
        symbol: q.symbol, price: price[i]!, change, pct_change: Math.round((10_000 * change) / q.prev_close) / 100,
        volume: q.volume + d * 100, market_cap: Math.round((q.market_cap * price[i]!) / q.prev_close), timestamp: T0 + (d + 1) * 1_000,
      });
    });
    yield rows;
  }
}

/** How the relay sends deltas: JSON `delta` text, or binary column deltas (what the engine asks for). */
export type WireFormat = 'json' | 'binary';

/**
 * The delta frames, numbered from `firstSeq + 1`, all made before any is timed: then the timed
 * deltas' collections hold only the engine's own garbage (the frames themselves are old by then,
 * or in large-object space, which a scavenge does not copy). Binary frames name rows by their
 * position in `quotes`, the snapshot's order, as the relay does.
 */
export function deltaFrames(quotes: readonly Quote[], share: number, count: number, firstSeq: number, format: WireFormat): (string | ArrayBuffer)[] {
  const frames: (string | ArrayBuffer)[] = [];
  const position = new Map(quotes.map((q, i) => [q.symbol, i]));
  const order = symbolOrderHash(quotes.map((q) => q.symbol));
  for (const rows of deltaRows(quotes, share, count)) {
    const seq = firstSeq + frames.length + 1;
    frames.push(format === 'json'
      ? JSON.stringify({ type: 'delta', seq, sent_at: T0, quotes: rows })
      : encodeColumnDelta({ seq, sent_at: T0, order, positions: rows.map((r) => position.get(r.symbol)!), value: (k, f) => rows[k]![f]! }));
  }
  return frames;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
