import { describe, expect, it } from 'vitest';
import { decodeColumnDelta, symbolOrderHash } from '../columnDelta.ts';
import type { ProviderBatch, ProviderQuote } from '../providers/types.ts';
import { createSnapshotStore } from '../snapshot.ts';
import { loadShippedUniverse } from '../universe.ts';
import { columnFrameFor } from './columnFrame.ts';

const universe = loadShippedUniverse().filter((m) => ['AAPL', 'MSFT', 'XOM'].includes(m.symbol));
const T0 = Date.UTC(2026, 10, 30, 15, 0);

function row(symbol: string, price: number, volume = 1000): ProviderQuote {
  return { symbol, price, prev_close: 100, change: price - 100, pct_change: price - 100, volume, timestamp: T0 };
}
const batch = (quotes: ProviderQuote[], complete = true): ProviderBatch => ({ quotes, rejected: [], complete });

function storeWithThree() {
  const store = createSnapshotStore({ universe, staleAfterMs: 30_000 });
  store.applyBatch(batch([row('AAPL', 101), row('MSFT', 99), row('XOM', 100.5)]), T0);
  return store;
}

describe('columnFrameFor(rows, store, seq, sentAt)', () => {
  it('names rows by snapshot position and fills fields the row left out from the store', () => {
    const store = storeWithThree();
    const rows = store.applyBatch(batch([row('XOM', 102), row('AAPL', 101, 5000), row('MSFT', 99)]), T0 + 1000);
    expect(rows[1]).not.toHaveProperty('price'); // AAPL: only its volume changed
    const decoded = decodeColumnDelta(columnFrameFor(rows, store, store.seq, T0 + 1001)!);
    if (!decoded.ok) throw new Error(decoded.detail);
    const m = decoded.value;
    expect([...m.index]).toEqual([2, 0]); // XOM, AAPL in the order of store.quotes()
    expect(m.order).toBe(symbolOrderHash(store.quotes().map((q) => q.symbol)));
    expect([...m.price]).toEqual([102, 101]);
    expect([...m.volume]).toEqual([1000, 5000]);
    expect([m.seq, m.sent_at]).toEqual([2, T0 + 1001]);
  });

  it('gives up (JSON instead) when a row changes a field columns do not carry', () => {
    const store = storeWithThree();
    const rows = store.applyBatch(batch([row('AAPL', 102)]), T0 + 1000); // complete: MSFT and XOM go stale
    expect(rows.some((r) => 'stale' in r)).toBe(true);
    expect(columnFrameFor(rows, store, store.seq, T0)).toBeNull();
  });

  it('gives up for a symbol the store does not hold', () => {
    const store = storeWithThree();
    expect(columnFrameFor([{ symbol: 'NOPE', price: 1 }], store, 2, T0)).toBeNull();
  });
});
