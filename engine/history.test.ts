import { describe, expect, it } from 'vitest';
import type { Quote } from '../relay/protocol.ts';
import { createHistoryBook, HISTORY_POINTS, historyOf, loadHistoryRows, recordBeforeTick, recordPrice, recordQuotes, takeDirtyRows } from './history.ts';
import { threeQuotes } from './test/fixtures.ts';

const MIN = 60_000;
const T = 1_750_000_000_000 - (1_750_000_000_000 % MIN);

describe('recordPrice(book, symbol, t, price)', () => {
  it('keeps one point per minute, the latest price winning', () => {
    const book = createHistoryBook();
    recordPrice(book, 'A', T, 1);
    recordPrice(book, 'A', T + 30_000, 2);
    recordPrice(book, 'A', T + MIN, 3);
    const h = historyOf(book, 'A');
    expect([...h.t]).toEqual([T + 30_000, T + MIN]);
    expect([...h.price]).toEqual([2, 3]);
  });

  it('ignores a point older than the newest', () => {
    const book = createHistoryBook();
    recordPrice(book, 'A', T + MIN, 3);
    recordPrice(book, 'A', T, 1);
    expect([...historyOf(book, 'A').price]).toEqual([3]);
  });

  it('is bounded to a trading day of minutes, dropping the oldest', () => {
    const book = createHistoryBook();
    for (let i = 0; i < HISTORY_POINTS + 10; i++) recordPrice(book, 'A', T + i * MIN, i);
    const h = historyOf(book, 'A');
    expect(h.price.length).toBe(HISTORY_POINTS);
    expect([h.price[0], h.price.at(-1)]).toEqual([10, HISTORY_POINTS + 9]);
  });
});

describe('recordBeforeTick(book, quote, nextTimestamp)', () => {
  const quote = (price: number, timestamp: number): Quote => ({ ...threeQuotes[0]!, price, timestamp });

  it('records nothing for a tick inside the quote\'s minute', () => {
    const book = createHistoryBook();
    recordBeforeTick(book, quote(1, T), T + 59_000);
    recordBeforeTick(book, quote(1, T), undefined);
    expect([book.series.size, book.dirty.size]).toEqual([0, 0]);
  });

  it('closes the quote\'s minute with its last point when a tick starts a new one', () => {
    const book = createHistoryBook();
    recordBeforeTick(book, quote(3, T + 50_000), T + MIN);
    expect(historyOf(book, 'AAPL')).toEqual({ t: Float64Array.of(T + 50_000), price: Float64Array.of(3) });
  });
});

describe('recordQuotes(book, quotes)', () => {
  it('adds each quote\'s current point, replacing the same minute\'s', () => {
    const book = createHistoryBook();
    recordPrice(book, 'AAPL', T, 1);
    recordQuotes(book, [{ ...threeQuotes[0]!, price: 7, timestamp: T + 10_000 }, { ...threeQuotes[1]!, timestamp: T }]);
    expect([...historyOf(book, 'AAPL').price, ...historyOf(book, 'XOM').price]).toEqual([7, 110]);
  });
});

describe('historyOf(book, symbol)', () => {
  it('returns empty arrays for an unknown symbol', () => {
    const h = historyOf(createHistoryBook(), 'NOPE');
    expect([h.t.length, h.price.length]).toEqual([0, 0]);
  });
});

describe('takeDirtyRows(book)', () => {
  it('returns only symbols changed since the last call', () => {
    const book = createHistoryBook();
    recordPrice(book, 'A', T, 1);
    recordPrice(book, 'B', T, 2);
    expect(takeDirtyRows(book).map((r) => r.symbol)).toEqual(['A', 'B']);
    recordPrice(book, 'B', T + MIN, 3);
    recordPrice(book, 'A', T, 1);
    expect(takeDirtyRows(book)).toEqual([{ symbol: 'B', t: [T, T + MIN], price: [2, 3] }]);
  });
});

describe('loadHistoryRows(book, rows)', () => {
  it('puts stored points before live ones and drops stored points that overlap them', () => {
    const book = createHistoryBook();
    recordPrice(book, 'A', T + 2 * MIN, 30);
    loadHistoryRows(book, [{ symbol: 'A', t: [T, T + MIN, T + 2 * MIN], price: [10, 20, 99] }, { symbol: 'B', t: [T], price: [5] }]);
    expect([...historyOf(book, 'A').price]).toEqual([10, 20, 30]);
    expect([...historyOf(book, 'B').price]).toEqual([5]);
  });
});
