/**
 * The relay's last-known-good state: one Quote per symbol plus the sequence number `seq`.
 *
 * Provider batches come in through `applyBatch`, which is the relay's final sanity gate: rows for
 * unknown symbols, with non-finite numbers, non-positive prices or absurd moves are dropped and
 * counted by reason, never stored or broadcast. What changed becomes the rows of one delta and
 * advances `seq` by one. A symbol the latest complete batch lacks keeps its last values and is
 * marked stale; with partial (rotating) batches a symbol goes stale once it is older than
 * `staleAfterMs`.
 */
import { symbolOrderHash } from './columnDelta.ts';
import { DROP_REASONS, type DropReason, type Quote, type QuoteUpdate } from './protocol.ts';
import type { ProviderBatch, ProviderQuote } from './providers/types.ts';
import type { UniverseMember } from './universe.ts';

/** A day's move beyond this is treated as bad data, not news (halts aside, ±90 % does not happen). */
const MAX_ABS_PCT_CHANGE = 90;
const MAX_PRICE = 10_000_000;
/** Changes smaller than this are noise from float formatting, not news worth a delta. */
const EPSILON = 1e-9;

export interface SnapshotStore {
  readonly seq: number;
  /** Epoch ms of the last batch that contributed any good row; null before the first. */
  readonly lastUpdate: number | null;
  /** True until a provider batch has confirmed the data (e.g. right after restoring from disk). */
  readonly restored: boolean;
  quotes(): Quote[];
  get(symbol: string): Quote | undefined;
  /** Where each symbol sits in `quotes()`, and that order's hash: column deltas name rows by position. */
  order(): SymbolOrder;
  /** Applies one provider batch; returns the delta rows (empty when nothing changed, seq unchanged). */
  applyBatch(batch: ProviderBatch, now: number): QuoteUpdate[];
  /** Marks symbols stale whose last refresh is older than staleAfterMs; returns the delta rows. */
  expire(now: number): QuoteUpdate[];
  /** Loads persisted quotes, all marked stale until refreshed; symbols outside the universe are skipped. */
  restore(persisted: { seq: number; quotes: Quote[] }): void;
  dropped(): Record<DropReason, number>;
}

export interface SnapshotStoreOptions {
  universe: readonly UniverseMember[];
  /** For rotating providers: a symbol not refreshed for this long is stale. */
  staleAfterMs: number;
}

export interface SymbolOrder {
  hash: number;
  position: ReadonlyMap<string, number>;
  /**
   * The store's own quotes in that order, read-only: updated in place by every batch, so they
   * always hold the latest values (a quote object is replaced only where the order is rebuilt).
   */
  quotes: readonly Readonly<Quote>[];
}

type Mutable = Omit<Quote, 'symbol'>;
const UPDATE_FIELDS = ['price', 'change', 'pct_change', 'volume', 'market_cap', 'prev_close', 'timestamp', 'stale', 'stale_since'] as const;

/**
 * True for a delta row that introduces a symbol (it carries the static fields too). Clients cannot
 * apply those as a delta, so the relay sends everyone a fresh snapshot instead.
 */
export function isNewSymbolRow(row: QuoteUpdate): boolean {
  return 'name' in row;
}

/** Why a provider row cannot be trusted, or null when it can. */
export function rowProblem(row: ProviderQuote, known: ReadonlyMap<string, UniverseMember>): DropReason | null {
  if (typeof row.symbol !== 'string' || row.symbol === '') return 'missing_symbol';
  if (!known.has(row.symbol)) return 'unknown_symbol';
  const numbers = [row.price, row.change, row.pct_change, row.volume, row.prev_close, row.timestamp];
  if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) return 'non_finite';
  if (row.price <= 0 || row.prev_close <= 0) return 'non_positive_price';
  if (Math.abs(row.pct_change) > MAX_ABS_PCT_CHANGE || row.price > MAX_PRICE || row.volume < 0) return 'absurd_value';
  return null;
}

export function createSnapshotStore(options: SnapshotStoreOptions): SnapshotStore {
  const known = new Map(options.universe.map((m) => [m.symbol, m]));
  const quotes = new Map<string, Quote>();
  const refreshedAt = new Map<string, number>();
  const dropped = Object.fromEntries(DROP_REASONS.map((r) => [r, 0])) as Record<DropReason, number>;
  let seq = 0;
  let lastUpdate: number | null = null;
  let restored = false;
  /** Symbols are only ever added (never removed or moved), so the order changes only then. */
  let order: SymbolOrder | null = null;

  /** Writes `next` over the quote for `symbol`, recording changed fields in `out`. */
  function update(symbol: string, next: Partial<Mutable>, out: QuoteUpdate[]): void {
    const current = quotes.get(symbol);
    if (!current) return;
    const row: QuoteUpdate = { symbol };
    let changed = false;
    for (const field of UPDATE_FIELDS) {
      const value = next[field];
      if (value === undefined || isSame(current[field], value)) continue;
      (row as Record<string, unknown>)[field] = value;
      (current as Record<string, unknown>)[field] = value;
      changed = true;
    }
    if (changed) out.push(row);
  }

  function accept(row: ProviderQuote, now: number, out: QuoteUpdate[]): void {
    const member = known.get(row.symbol)!;
    const values: Mutable = {
      name: member.name, sector: member.sector, industry: member.industry, indices: member.indices,
      price: row.price, change: row.change, pct_change: row.pct_change, volume: Math.round(row.volume),
      // Shares outstanding are fixed intraday, so market cap scales with price. Whole dollars:
      // float noise would cost every delta row a dozen bytes for nothing.
      market_cap: Math.round(member.market_cap * (row.price / member.ref_price)),
      prev_close: row.prev_close, timestamp: Math.round(row.timestamp), stale: false, stale_since: null,
    };
    refreshedAt.set(row.symbol, now);
    if (!quotes.has(row.symbol)) {
      const quote: Quote = { symbol: row.symbol, ...values };
      quotes.set(row.symbol, quote);
      order = null;
      out.push({ ...quote });
      return;
    }
    update(row.symbol, values, out);
  }

  function markStale(symbol: string, now: number, out: QuoteUpdate[]): void {
    const q = quotes.get(symbol);
    if (q && !q.stale) update(symbol, { stale: true, stale_since: now }, out);
  }

  function finish(out: QuoteUpdate[]): QuoteUpdate[] {
    if (out.length > 0) seq++;
    return out;
  }

  return {
    get seq() { return seq; },
    get lastUpdate() { return lastUpdate; },
    get restored() { return restored; },
    quotes: () => [...quotes.values()].map((q) => ({ ...q })),
    get: (symbol) => { const q = quotes.get(symbol); return q && { ...q }; },
    dropped: () => ({ ...dropped }),
    order() {
      order ??= { hash: symbolOrderHash(quotes.keys()), position: new Map([...quotes.keys()].map((symbol, i) => [symbol, i])), quotes: [...quotes.values()] };
      return order;
    },

    applyBatch(batch, now) {
      const out: QuoteUpdate[] = [];
      for (const r of batch.rejected) dropped[r.reason]++;
      const seen = new Set<string>();
      for (const row of batch.quotes) {
        const problem = rowProblem(row, known);
        if (problem) { dropped[problem]++; continue; }
        seen.add(row.symbol);
        accept(row, now, out);
      }
      if (seen.size > 0) { lastUpdate = now; restored = false; }
      if (batch.complete && seen.size > 0) {
        for (const symbol of quotes.keys()) if (!seen.has(symbol)) markStale(symbol, now, out);
      }
      return finish(out);
    },

    expire(now) {
      const out: QuoteUpdate[] = [];
      for (const symbol of quotes.keys()) {
        const at = refreshedAt.get(symbol);
        if (at === undefined || now - at > options.staleAfterMs) markStale(symbol, now, out);
      }
      return finish(out);
    },

    restore(persisted) {
      for (const q of persisted.quotes) {
        if (!known.has(q.symbol)) continue;
        quotes.set(q.symbol, { ...q, stale: true, stale_since: q.stale_since ?? q.timestamp });
      }
      order = null;
      seq = Math.max(seq, persisted.seq);
      restored = quotes.size > 0;
    },
  };
}

function isSame(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= EPSILON * Math.max(1, Math.abs(a));
  return a === b;
}
