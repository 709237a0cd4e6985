import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW } from './api.ts';
import { parseCriteria } from './criteria/parse.ts';
import { filterQuotes } from './filter.ts';
import { shippedQuotes, threeQuotes } from './test/fixtures.ts';

const symbols = (r: { quotes: { symbol: string }[] }) => r.quotes.map((q) => q.symbol);

describe('filterQuotes(quotes, view, criteria)', () => {
  it('keeps the universe only and counts it as total', () => {
    const quotes = shippedQuotes();
    const dow = filterQuotes(quotes, { ...DEFAULT_VIEW, universe: 'dow' }, null);
    expect(dow.total).toBe(quotes.filter((q) => q.indices.includes('dow')).length);
    expect(dow.quotes.length).toBe(dow.total);
    expect(dow.quotes.every((q) => q.indices.includes('dow'))).toBe(true);
  });

  it('filters by several sectors', () => {
    expect(symbols(filterQuotes(threeQuotes, { ...DEFAULT_VIEW, sectors: ['Energy', 'Financials'] }, null))).toEqual(['XOM', 'JPM']);
  });

  it('applies an open-ended market-cap range', () => {
    expect(symbols(filterQuotes(threeQuotes, { ...DEFAULT_VIEW, capMin: 5e11 }, null))).toEqual(['AAPL', 'JPM']);
    expect(symbols(filterQuotes(threeQuotes, { ...DEFAULT_VIEW, capMin: 5e11, capMax: 1e12 }, null))).toEqual(['JPM']);
  });

  it('searches symbol or name without case', () => {
    expect(symbols(filterQuotes(threeQuotes, { ...DEFAULT_VIEW, search: ' exxon ' }, null))).toEqual(['XOM']);
    expect(symbols(filterQuotes(threeQuotes, { ...DEFAULT_VIEW, search: 'jp' }, null))).toEqual(['JPM']);
  });

  it('keeps only the zoomed sector but counts the whole universe', () => {
    const result = filterQuotes(threeQuotes, { ...DEFAULT_VIEW, zoomSector: 'Information Technology' }, null);
    expect([symbols(result), result.total]).toEqual([['AAPL'], 3]);
  });

  it('applies parsed criteria', () => {
    const parsed = parseCriteria('pct_change <= 0');
    const criteria = parsed.ok ? parsed.criteria : null;
    expect(symbols(filterQuotes(threeQuotes, DEFAULT_VIEW, criteria))).toEqual(['XOM', 'JPM']);
  });
});
