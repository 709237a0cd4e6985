import { describe, expect, it } from 'vitest';
import { applyDelta, applySnapshot, createMarketState, takeChanges } from './merge.ts';
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

  it('hands beforeRow each held quote before its row is merged', () => {
    const state = stateAt(5);
    const seen: number[] = [];
    applyDelta(state, { seq: 6, quotes: [{ symbol: 'XOM', price: 111 }] }, (quote, row) => seen.push(quote.price, row.price!));
    expect(seen).toEqual([110, 111]);
  });
});
