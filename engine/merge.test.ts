import { describe, expect, it } from 'vitest';
import { decodeColumnDelta, encodeColumnDelta, symbolOrderHash } from '../relay/columnDelta.ts';
import type { ColumnDeltaMessage, ColumnField } from '../relay/protocol.ts';
import { applyColumnDelta, applyDelta, applySnapshot, createMarketState, takeChanges } from './merge.ts';
import { threeQuotes } from './test/fixtures.ts';

function stateAt(seq: number) {
  const state = createMarketState();
  applySnapshot(state, { seq, quotes: threeQuotes });
  return state;
}

describe('applySnapshot(state, snapshot)', () => {
  it('replaces every quote and sets seq and snapshotSeq', () => {
    const state = stateAt(3);
    applySnapshot(state, { seq: 10, quotes: threeQuotes.slice(0, 1) });
    expect([...state.quotes.keys()]).toEqual(['AAPL']);
    expect(state.seq).toBe(10);
    expect(state.snapshotSeq).toBe(10);
  });

  it('copies quotes so later deltas do not mutate the caller\'s objects', () => {
    const state = stateAt(1);
    applyDelta(state, { seq: 2, quotes: [{ symbol: 'AAPL', price: 1 }] });
    expect(threeQuotes[0]!.price).toBe(200);
  });
});

describe('applyDelta(state, delta)', () => {
  it('merges only the fields a row carries and advances seq', () => {
    const state = stateAt(5);
    expect(applyDelta(state, { seq: 6, quotes: [{ symbol: 'XOM', price: 111, pct_change: 0.1 }] })).toBe('applied');
    const xom = state.quotes.get('XOM')!;
    expect([xom.price, xom.pct_change, xom.change, xom.name]).toEqual([111, 0.1, -1.1, 'Exxon Mobil']);
    expect(state.seq).toBe(6);
  });

  it('reports a gap for a delta from the future and changes nothing', () => {
    const state = stateAt(5);
    expect(applyDelta(state, { seq: 7, quotes: [{ symbol: 'XOM', price: 1 }] })).toBe('gap');
    expect(state.seq).toBe(5);
    expect(state.quotes.get('XOM')!.price).toBe(110);
  });

  it('ignores a delta older than the snapshot', () => {
    const state = stateAt(5);
    expect(applyDelta(state, { seq: 4, quotes: [{ symbol: 'XOM', price: 1 }] })).toBe('stale-duplicate');
    expect(state.quotes.get('XOM')!.price).toBe(110);
  });

  it('ignores a duplicate of the delta it just applied', () => {
    const state = stateAt(5);
    applyDelta(state, { seq: 6, quotes: [{ symbol: 'XOM', price: 120 }] });
    expect(applyDelta(state, { seq: 6, quotes: [{ symbol: 'XOM', price: 1 }] })).toBe('stale-duplicate');
    expect(state.quotes.get('XOM')!.price).toBe(120);
  });

  it('reports a gap before any snapshot', () => {
    expect(applyDelta(createMarketState(), { seq: 1, quotes: [] })).toBe('gap');
  });

  it('applies known rows and flags a row for a symbol it does not hold', () => {
    const state = stateAt(5);
    const outcome = applyDelta(state, { seq: 6, quotes: [{ symbol: 'ZZZZ', price: 5 }, { symbol: 'JPM', price: 251 }] });
    expect(outcome).toBe('unknown-symbol');
    expect(state.quotes.has('ZZZZ')).toBe(false);
    expect(state.quotes.get('JPM')!.price).toBe(251);
    expect(state.seq).toBe(6);
  });
});

describe('takeChanges(state)', () => {
  it('says everything changed after a snapshot, then lists the quotes each delta touched', () => {
    const state = stateAt(5);
    expect(takeChanges(state)).toBeNull();
    expect(takeChanges(state)).toEqual([]);
    applyDelta(state, { seq: 6, quotes: [{ symbol: 'XOM', price: 111 }, { symbol: 'ZZZZ', price: 1 }] });
    applyDelta(state, { seq: 7, quotes: [{ symbol: 'AAPL', price: 201 }] });
    expect(takeChanges(state)!.map((q) => q.symbol)).toEqual(['XOM', 'AAPL']);
    expect(takeChanges(state)).toEqual([]);
  });

  it('gives up listing (null) once more rows arrived than there are quotes', () => {
    const state = stateAt(5);
    takeChanges(state);
    applyDelta(state, { seq: 6, quotes: [{ symbol: 'XOM', price: 1 }, { symbol: 'JPM', price: 1 }] });
    applyDelta(state, { seq: 7, quotes: [{ symbol: 'XOM', price: 2 }, { symbol: 'JPM', price: 2 }] });
    expect(takeChanges(state)).toBeNull();
  });

  it('hands beforeTick each held quote, and the row\'s timestamp, before its row is merged', () => {
    const state = stateAt(5);
    const seen: unknown[] = [];
    applyDelta(state, { seq: 6, quotes: [{ symbol: 'XOM', price: 111, timestamp: 99 }] }, (quote, t) => seen.push(quote.price, t));
    expect(seen).toEqual([110, 99]);
  });
});

/** A column delta as the relay encodes it: rows at `positions` of the order `symbols`, with `values`. */
function columns(seq: number, positions: number[], values: Partial<Record<ColumnField, number>>[], symbols = threeQuotes.map((q) => q.symbol)): ColumnDeltaMessage {
  const base = { price: 1, change: 0, pct_change: 0, volume: 0, market_cap: 1, timestamp: 0 };
  const decoded = decodeColumnDelta(encodeColumnDelta({ seq, sent_at: 1, order: symbolOrderHash(symbols), positions, value: (k, f) => ({ ...base, ...values[k] })[f] }));
  if (!decoded.ok) throw new Error(decoded.detail);
  return decoded.value;
}

describe('applyColumnDelta(state, delta)', () => {
  it('writes every carried field into the quote at each snapshot position and advances seq', () => {
    const state = stateAt(5);
    const outcome = applyColumnDelta(state, columns(6, [2, 0], [{ price: 111, pct_change: 0.5, volume: 7, timestamp: 9 }, { price: 201 }]));
    expect(outcome).toBe('applied');
    const [aapl, xom] = [state.quotes.get('AAPL')!, state.quotes.get(threeQuotes[2]!.symbol)!];
    expect([xom.price, xom.pct_change, xom.volume, xom.timestamp, xom.name]).toEqual([111, 0.5, 7, 9, threeQuotes[2]!.name]);
    expect(aapl.price).toBe(201);
    expect(state.seq).toBe(6);
    expect(takeChanges(state)).toBeNull(); // still "everything" after the snapshot
  });

  it('lists the quotes it touched for the view', () => {
    const state = stateAt(5);
    takeChanges(state);
    applyColumnDelta(state, columns(6, [1], [{ price: 3 }]));
    expect(takeChanges(state)!.map((q) => q.symbol)).toEqual([threeQuotes[1]!.symbol]);
  });

  it('applies nothing when the positions refer to another symbol order', () => {
    const state = stateAt(5);
    const reordered = [...threeQuotes.map((q) => q.symbol)].reverse();
    expect(applyColumnDelta(state, columns(6, [0], [{ price: 3 }], reordered))).toBe('other-order');
    expect(state.seq).toBe(5);
    expect(state.quotes.get('AAPL')!.price).toBe(200);
  });

  it('follows seq rules like applyDelta: gap, duplicate', () => {
    const state = stateAt(5);
    expect(applyColumnDelta(state, columns(7, [0], [{ price: 3 }]))).toBe('gap');
    expect(applyColumnDelta(state, columns(5, [0], [{ price: 3 }]))).toBe('stale-duplicate');
    expect(state.quotes.get('AAPL')!.price).toBe(200);
  });

  it('flags a position past the snapshot but applies the rest', () => {
    const state = stateAt(5);
    expect(applyColumnDelta(state, columns(6, [3, 0], [{ price: 3 }, { price: 4 }]))).toBe('unknown-symbol');
    expect(state.quotes.get('AAPL')!.price).toBe(4);
  });

  it('hands beforeTick each quote before it changes, with the new timestamp', () => {
    const state = stateAt(5);
    const seen: unknown[] = [];
    applyColumnDelta(state, columns(6, [0], [{ price: 3, timestamp: 77 }]), (quote, t) => seen.push(quote.price, t));
    expect(seen).toEqual([200, 77]);
  });
});
