import { describe, expect, it } from 'vitest';
import { parseStocksQuery, selectQuotes } from './stocksQuery.ts';
import type { Quote } from './protocol.ts';

const quote = (symbol: string, name: string, sector: Quote['sector'], pct: number, indices: Quote['indices'] = ['sp500']): Quote => ({
  symbol, name, sector, industry: 'x', indices, price: 10, change: pct / 10, pct_change: pct, volume: 1, market_cap: 1e9,
  prev_close: 10, timestamp: 0, stale: false, stale_since: null,
});
const quotes = [
  quote('AAPL', 'Apple Inc.', 'Information Technology', 1.5, ['sp500', 'ndx', 'dow']),
  quote('XOM', 'ExxonMobil', 'Energy', -2),
  quote('CVX', 'Chevron Corporation', 'Energy', 0.5, ['sp500', 'dow']),
];

describe('parseStocksQuery(search)', () => {
  it('accepts every parameter', () => {
    const r = parseStocksQuery('sector=Energy,Utilities&q=Chev&limit=5&sort=-pct_change&universe=dow');
    expect(r).toEqual({ ok: true, query: { sectors: ['Energy', 'Utilities'], q: 'chev', limit: 5,
      sort: { field: 'pct_change', descending: true }, universe: 'dow' } });
  });
  it.each([
    ['limit=0', 'limit', 'must be at least 1'],
    ['limit=abc', 'limit', 'must be a positive integer'],
    ['limit=100000', 'limit', 'must be at most 10000'],
    ['sort=name', 'sort', 'unknown sort field'],
    ['sort=--price', 'sort', 'must be a field name'],
    ['sector=Energy,Crypto', 'sector', 'unknown sector'],
    ['universe=ftse', 'universe', 'must be one of'],
    ['colour=red', 'colour', 'unknown parameter'],
    ['limit=1&limit=2', 'limit', 'given more than once'],
    [`q=${'x'.repeat(65)}`, 'q', 'at most 64'],
  ])('rejects %s naming %s', (search, parameter, reason) => {
    const r = parseStocksQuery(search);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.parameter).toBe(parameter);
      expect(r.reason).toContain(reason);
    }
  });
});

describe('selectQuotes(quotes, query)', () => {
  const select = (search: string) => {
    const r = parseStocksQuery(search);
    if (!r.ok) throw new Error(r.reason);
    return selectQuotes(quotes, r.query);
  };
  it('filters by sector, universe and name or symbol', () => {
    expect(select('sector=Energy').quotes.map((q) => q.symbol)).toEqual(['XOM', 'CVX']);
    expect(select('universe=dow&sector=Energy').quotes.map((q) => q.symbol)).toEqual(['CVX']);
    expect(select('q=exxon').quotes.map((q) => q.symbol)).toEqual(['XOM']);
    expect(select('q=aap').quotes.map((q) => q.symbol)).toEqual(['AAPL']);
  });
  it('sorts ascending and descending and reports total before limit', () => {
    expect(select('sort=pct_change').quotes.map((q) => q.symbol)).toEqual(['XOM', 'CVX', 'AAPL']);
    const r = select('sort=-pct_change&limit=1');
    expect(r.quotes.map((q) => q.symbol)).toEqual(['AAPL']);
    expect(r.total).toBe(3);
  });
});
