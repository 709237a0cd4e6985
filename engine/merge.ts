/**
 * The engine's copy of the market, kept in step with the relay's sequence numbers.
 *
 * Vocabulary:
 * - snapshot: every quote, current as of `seq`; applying one replaces the whole state.
 * - delta: only the changed fields of changed symbols; valid only with exactly `seq + 1`.
 * - column delta: the same, as typed columns whose rows are positions in the latest snapshot; valid
 *   only if that snapshot's symbol order is the one the relay numbered (`order` hash).
 * - gap: a delta from the future (we missed one); the caller must resync.
 * - stale duplicate: a delta at or below our `seq` (already applied, or superseded by a snapshot).
 * - changes: the quotes deltas touched since the view last looked, so a price tick costs the view
 *   work per changed row, not per symbol held.
 */
import { symbolOrderHash } from '../relay/columnDelta.ts';
import type { ColumnDeltaMessage, Quote, QuoteUpdate } from '../relay/protocol.ts';

export interface MarketState {
  /** Sequence number the quotes are current as of; -1 before any snapshot. */
  seq: number;
  /** Keyed by symbol, in the order of the latest snapshot (layout structure depends on it). */
  quotes: Map<string, Quote>;
  /** The quotes in snapshot order: a column delta's row names its quote by this position. */
  ordered: Quote[];
  /** `symbolOrderHash` of `ordered`. */
  orderHash: number;
  /** `seq` of the latest snapshot: deltas at or below it were folded into that snapshot. */
  snapshotSeq: number;
  /**
   * Quotes changed by deltas since the last `takeChanges` (repeats allowed), or null when anything
   * may have changed: a snapshot replaced the map, or more rows arrived than there are quotes.
   */
  changed: Quote[] | null;
}

export type DeltaOutcome = 'applied' | 'gap' | 'stale-duplicate' | 'unknown-symbol' | 'other-order';

/** Sees each held quote just before a delta changes it (history needs the old values). */
export type BeforeTick = (quote: Quote, nextTimestamp: number | undefined) => void;

export function createMarketState(): MarketState {
  return { seq: -1, quotes: new Map(), ordered: [], orderHash: symbolOrderHash([]), snapshotSeq: -1, changed: null };
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
  const ordered: Quote[] = [];
  for (const quote of snapshot.quotes) {
    const own = { ...quote };
    quotes.set(quote.symbol, own);
    ordered.push(own);
  }
  state.quotes = quotes;
  state.ordered = ordered;
  state.orderHash = symbolOrderHash(quotes.keys());
  state.seq = snapshot.seq;
  state.snapshotSeq = snapshot.seq;
  state.changed = null;
}

/**
 * Applies a delta if its `seq` is exactly the next one. Rows for symbols we do not hold cannot be
 * applied (a row carries only changed fields); the rest still are, and the outcome says to resync.
 */
export function applyDelta(state: MarketState, delta: { seq: number; quotes: readonly QuoteUpdate[] }, beforeTick?: BeforeTick): DeltaOutcome {
  const out = sequenceOutcome(state, delta.seq);
  if (out) return out;
  let unknown = false;
  const changed = changeList(state, delta.quotes.length);
  for (const row of delta.quotes) {
    const quote = state.quotes.get(row.symbol);
    if (!quote) {
      unknown = true;
      continue;
    }
    beforeTick?.(quote, row.timestamp);
    mergeRow(quote, row);
    changed?.push(quote);
  }
  state.changed = changed;
  state.seq = delta.seq;
  return unknown ? 'unknown-symbol' : 'applied';
}

/**
 * Applies a column delta if its `seq` is the next one and its positions refer to our snapshot's
 * order; with another order nothing is applied (a position would name the wrong stock).
 */
export function applyColumnDelta(state: MarketState, delta: ColumnDeltaMessage, beforeTick?: BeforeTick): DeltaOutcome {
  const out = sequenceOutcome(state, delta.seq);
  if (out) return out;
  if (delta.order !== state.orderHash) return 'other-order';
  const { index, price, change, pct_change, volume, market_cap, timestamp } = delta;
  const changed = changeList(state, index.length);
  let unknown = false;
  for (let k = 0; k < index.length; k++) {
    const quote = state.ordered[index[k]!];
    if (!quote) {
      unknown = true;
      continue;
    }
    beforeTick?.(quote, timestamp[k]);
    quote.price = price[k]!;
    quote.change = change[k]!;
    quote.pct_change = pct_change[k]!;
    quote.volume = volume[k]!;
    quote.market_cap = market_cap[k]!;
    quote.timestamp = timestamp[k]!;
    changed?.push(quote);
  }
  state.changed = changed;
  state.seq = delta.seq;
  return unknown ? 'unknown-symbol' : 'applied';
}

function sequenceOutcome(state: MarketState, seq: number): DeltaOutcome | null {
  if (state.seq < 0 || seq > state.seq + 1) return 'gap';
  if (seq <= state.seq) return 'stale-duplicate';
  return null;
}

/** Where to note this delta's changed quotes: past one entry per quote, a list costs more than looking at everything. */
function changeList(state: MarketState, rows: number): Quote[] | null {
  return state.changed !== null && state.changed.length + rows <= state.quotes.size ? state.changed : null;
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
