/**
 * Intraday price history for sparklines: about one point a minute per symbol, at most a regular
 * trading day's worth (390 points), oldest first. A point's time is the quote's own timestamp, so
 * a closed market adds nothing; within one minute the latest price replaces the previous one.
 *
 * The minute in progress is the live quote itself: a delta row records the quote's point only when
 * it moves the quote into a new minute (`recordBeforeTick`), so ticks inside a minute cost nothing
 * here. Readers and the persister first fold the live quotes in with `recordQuotes`.
 */
import type { Quote } from '../relay/protocol.ts';
import type { History } from './api.ts';
import type { HistoryRow } from './cacheSchema.ts';

export const HISTORY_POINTS = 390;
const MINUTE = 60_000;

export interface HistoryBook {
  series: Map<string, { t: number[]; price: number[] }>;
  /** Symbols changed since the last `takeDirtyRows`. */
  dirty: Set<string>;
}

export function createHistoryBook(): HistoryBook {
  return { series: new Map(), dirty: new Set() };
}

/** Adds a price at time `t`; ignores points older than the series' newest (out of order). */
export function recordPrice(book: HistoryBook, symbol: string, t: number, price: number): void {
  let s = book.series.get(symbol);
  if (!s) book.series.set(symbol, (s = { t: [], price: [] }));
  const last = s.t.length - 1;
  if (last >= 0 && t < s.t[last]!) return;
  if (last >= 0 && Math.floor(t / MINUTE) === Math.floor(s.t[last]! / MINUTE)) {
    if (t === s.t[last] && price === s.price[last]) return;
    s.t[last] = t;
    s.price[last] = price;
  } else {
    s.t.push(t);
    s.price.push(price);
    if (s.t.length > HISTORY_POINTS) {
      s.t.shift();
      s.price.shift();
    }
  }
  book.dirty.add(symbol);
}

/** Closes the quote's minute before a tick at `nextTimestamp` replaces it with a point from another minute. */
export function recordBeforeTick(book: HistoryBook, quote: Quote, nextTimestamp: number | undefined): void {
  if (nextTimestamp !== undefined && Math.floor(nextTimestamp / MINUTE) !== Math.floor(quote.timestamp / MINUTE)) {
    recordPrice(book, quote.symbol, quote.timestamp, quote.price);
  }
}

/** Records each quote's current point: the minute in progress, before it is read or persisted. */
export function recordQuotes(book: HistoryBook, quotes: Iterable<Quote>): void {
  for (const q of quotes) recordPrice(book, q.symbol, q.timestamp, q.price);
}

/** A copy of one symbol's series as typed arrays (empty for an unknown symbol). */
export function historyOf(book: HistoryBook, symbol: string): History {
  const s = book.series.get(symbol);
  return { t: Float64Array.from(s?.t ?? []), price: Float64Array.from(s?.price ?? []) };
}

/**
 * Merges rows loaded from storage: stored points older than what is already in memory go in front,
 * so history recorded before the cache finished loading is kept.
 */
export function loadHistoryRows(book: HistoryBook, rows: readonly HistoryRow[]): void {
  for (const row of rows) {
    const s = book.series.get(row.symbol);
    const firstLive = s?.t[0] ?? Infinity;
    let keep = 0;
    while (keep < row.t.length && row.t[keep]! < firstLive) keep++;
    const t = [...row.t.slice(0, keep), ...(s?.t ?? [])].slice(-HISTORY_POINTS);
    const price = [...row.price.slice(0, keep), ...(s?.price ?? [])].slice(-HISTORY_POINTS);
    book.series.set(row.symbol, { t, price });
  }
}

/** Rows for the symbols changed since the last call, clearing the dirty set. */
export function takeDirtyRows(book: HistoryBook): HistoryRow[] {
  const rows: HistoryRow[] = [];
  for (const symbol of book.dirty) {
    const s = book.series.get(symbol);
    if (s) rows.push({ symbol, t: [...s.t], price: [...s.price] });
  }
  book.dirty.clear();
  return rows;
}
