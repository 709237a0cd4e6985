/**
 * The engine's copy of the market, kept in step with the relay's sequence numbers.
 *
 * Vocabulary:
 * - snapshot: every quote, current as of `seq`; applying one replaces the whole state.
 * - delta: only the changed fields of changed symbols; valid only with exactly `seq + 1`.
 * - gap: a delta from the future (we missed one); the caller must resync.
 * - stale duplicate: a delta at or below our `seq` (already applied, or superseded by a snapshot).
 * - changes: the quotes deltas touched since the view last looked, so a price tick costs the view
 *   work per changed row, not per symbol held.
 */
import type { Quote, QuoteUpdate } from '../relay/protocol.ts';

export interface MarketState {
  /** Sequence number the quotes are current as of; -1 before any snapshot. */
  seq: number;
  /** Keyed by symbol, in the order of the latest snapshot (layout structure depends on it). */
  quotes: Map<string, Quote>;
  /** `seq` of the latest snapshot: deltas at or below it were folded into that snapshot. */
  snapshotSeq: number;
  /**
   * Quotes changed by deltas since the last `takeChanges` (repeats allowed), or null when anything
   * may have changed: a snapshot replaced the map, or more rows arrived than there are quotes.
   */
  changed: Quote[] | null;
}

export type DeltaOutcome = 'applied' | 'gap' | 'stale-duplicate' | 'unknown-symbol';

export function createMarketState(): MarketState {
  return { seq: -1, quotes: new Map(), snapshotSeq: -1, changed: null };
}

/** The changes since the previous call (null: treat everything as changed). There is one taker: the view. */
export function takeChanges(state: MarketState): readonly Quote[] | null {
  const changed = state.changed;
  state.changed = [];
  return changed;
}

/** Replaces the state with a snapshot, whatever its `seq` (the caller decides if it is wanted). */
export function applySnapshot(state: MarketState, snapshot: { seq: number; quotes: readonly Quote[] }): void {
  const quotes = new Map<string, Quote>();
  for (const quote of snapshot.quotes) quotes.set(quote.symbol, { ...quote });
  state.quotes = quotes;
  state.seq = snapshot.seq;
  state.snapshotSeq = snapshot.seq;
  state.changed = null;
}

/**
 * Applies a delta if its `seq` is exactly the next one. Rows for symbols we do not hold cannot be
 * applied (a row carries only changed fields); the rest still are, and the outcome says to resync.
 * `beforeRow` sees each held quote just before its row is merged (history needs the old values).
 */
export function applyDelta(
  state: MarketState,
  delta: { seq: number; quotes: readonly QuoteUpdate[] },
  beforeRow?: (quote: Quote, row: QuoteUpdate) => void,
): DeltaOutcome {
  if (state.seq < 0 || delta.seq > state.seq + 1) return 'gap';
  if (delta.seq <= state.seq) return 'stale-duplicate';
  let unknown = false;
  // Past one entry per quote, a list of changes costs more than looking at everything.
  const changed = state.changed !== null && state.changed.length + delta.quotes.length <= state.quotes.size ? state.changed : null;
  for (const row of delta.quotes) {
    const quote = state.quotes.get(row.symbol);
    if (!quote) {
      unknown = true;
      continue;
    }
    beforeRow?.(quote, row);
    mergeRow(quote, row);
    changed?.push(quote);
  }
  state.changed = changed;
  state.seq = delta.seq;
  return unknown ? 'unknown-symbol' : 'applied';
}

function mergeRow(quote: Quote, row: QuoteUpdate): void {
  if (row.price !== undefined) quote.price = row.price;
  if (row.change !== undefined) quote.change = row.change;
  if (row.pct_change !== undefined) quote.pct_change = row.pct_change;
  if (row.volume !== undefined) quote.volume = row.volume;
  if (row.market_cap !== undefined) quote.market_cap = row.market_cap;
  if (row.prev_close !== undefined) quote.prev_close = row.prev_close;
  if (row.timestamp !== undefined) quote.timestamp = row.timestamp;
  if (row.stale !== undefined) quote.stale = row.stale;
  if (row.stale_since !== undefined) quote.stale_since = row.stale_since;
}
