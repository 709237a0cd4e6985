import { describe, expect, it } from 'vitest';
import { createSnapshotStore } from './snapshot.ts';
import { loadShippedUniverse } from './universe.ts';
import type { ProviderBatch, ProviderQuote } from './providers/types.ts';

const universe = loadShippedUniverse().filter((m) => ['AAPL', 'MSFT', 'XOM'].includes(m.symbol));
const T0 = Date.UTC(2026, 10, 30, 15, 0);

function row(symbol: string, price: number, extra: Partial<ProviderQuote> = {}): ProviderQuote {
  const prev = 100;
  return { symbol, price, prev_close: prev, change: price - prev, pct_change: ((price - prev) / prev) * 100, volume: 1000, timestamp: T0, ...extra };
}
const batch = (quotes: ProviderQuote[], complete = true): ProviderBatch => ({ quotes, rejected: [], complete });
const fresh = () => createSnapshotStore({ universe, staleAfterMs: 30_000 });

describe('createSnapshotStore', () => {
  it('applyBatch(first batch) returns every row as new and advances seq to 1', () => {
    const store = fresh();
    const rows = store.applyBatch(batch([row('AAPL', 101), row('MSFT', 99)]), T0);
    expect(rows.map((r) => r.symbol)).toEqual(['AAPL', 'MSFT']);
    expect(store.seq).toBe(1);
    expect(store.get('AAPL')).toMatchObject({ name: 'Apple Inc.', sector: 'Information Technology', price: 101, stale: false });
  });

  it('applyBatch(batch) returns only changed fields of changed symbols', () => {
    const store = fresh();
    store.applyBatch(batch([row('AAPL', 101), row('MSFT', 99)]), T0);
    const rows = store.applyBatch(batch([row('AAPL', 102), row('MSFT', 99)]), T0 + 1000);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ symbol: 'AAPL', price: 102, change: 2, pct_change: 2 });
    expect(rows[0]).not.toHaveProperty('volume');
    expect(store.seq).toBe(2);
  });

  it('applyBatch(identical batch) returns nothing and keeps seq', () => {
    const store = fresh();
    store.applyBatch(batch([row('AAPL', 101)]), T0);
    expect(store.applyBatch(batch([row('AAPL', 101)]), T0 + 1000)).toEqual([]);
    expect(store.seq).toBe(1);
  });

  it('drops bad rows by reason and keeps the last good value', () => {
    const store = fresh();
    store.applyBatch(batch([row('AAPL', 101), row('MSFT', 99)]), T0);
    const rows = store.applyBatch({
      quotes: [
        row('AAPL', Number.NaN), row('MSFT', -5), row('', 10), row('ZZZZ', 10), row('XOM', 500, { pct_change: 400 }),
      ],
      rejected: [{ reason: 'schema', detail: 'c is not a number' }],
      complete: false,
    }, T0 + 1000);
    expect(rows).toEqual([]);
    expect(store.get('AAPL')?.price).toBe(101);
    expect(store.get('MSFT')?.price).toBe(99);
    expect(store.dropped()).toMatchObject({ non_finite: 1, non_positive_price: 1, missing_symbol: 1, unknown_symbol: 1, absurd_value: 1, schema: 1 });
  });

  it('marks a symbol missing from a complete batch stale, keeping its values, and clears it when it returns', () => {
    const store = fresh();
    store.applyBatch(batch([row('AAPL', 101), row('MSFT', 99)]), T0);
    const rows = store.applyBatch(batch([row('AAPL', 101)]), T0 + 1000);
    expect(rows).toEqual([{ symbol: 'MSFT', stale: true, stale_since: T0 + 1000 }]);
    expect(store.get('MSFT')).toMatchObject({ price: 99, stale: true });
    const back = store.applyBatch(batch([row('AAPL', 101), row('MSFT', 99)]), T0 + 2000);
    expect(back).toEqual([{ symbol: 'MSFT', stale: false, stale_since: null }]);
  });

  it('partial batches do not mark others stale; expire(now) does once they are old', () => {
    const store = fresh();
    store.applyBatch(batch([row('AAPL', 101), row('MSFT', 99)]), T0);
    expect(store.applyBatch(batch([row('AAPL', 102)], false), T0 + 10_000).map((r) => r.symbol)).toEqual(['AAPL']);
    expect(store.expire(T0 + 20_000)).toEqual([]);
    expect(store.expire(T0 + 31_000)).toEqual([{ symbol: 'MSFT', stale: true, stale_since: T0 + 31_000 }]);
  });

  it('scales market cap with price from the universe reference price', () => {
    const store = fresh();
    const aapl = universe.find((m) => m.symbol === 'AAPL')!;
    store.applyBatch(batch([row('AAPL', aapl.ref_price * 1.1, { prev_close: aapl.ref_price, pct_change: 10, change: aapl.ref_price * 0.1 })]), T0);
    expect(store.get('AAPL')!.market_cap).toBeCloseTo(aapl.market_cap * 1.1, -4);
  });

  it('restore(persisted) serves quotes stale and keeps seq monotonic', () => {
    const source = fresh();
    source.applyBatch(batch([row('AAPL', 101)]), T0);
    source.applyBatch(batch([row('AAPL', 102)]), T0 + 1000);
    const store = fresh();
    store.restore({ seq: source.seq, quotes: source.quotes() });
    expect(store.restored).toBe(true);
    expect(store.get('AAPL')).toMatchObject({ price: 102, stale: true });
    store.applyBatch(batch([row('AAPL', 103)]), T0 + 5000);
    expect(store.seq).toBe(3);
    expect(store.restored).toBe(false);
    expect(store.get('AAPL')!.stale).toBe(false);
  });
});
