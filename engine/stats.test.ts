import { describe, expect, it } from 'vitest';
import { computeStats } from './stats.ts';
import { syntheticQuotes, threeQuotes } from './test/fixtures.ts';

describe('computeStats(quotes, total)', () => {
  it('counts breadth', () => {
    expect(computeStats(threeQuotes, 10)).toMatchObject({ count: 3, total: 10, advancers: 1, decliners: 1, unchanged: 1 });
  });

  it('picks the top five gainers and losers in order, matching a full sort', () => {
    const quotes = syntheticQuotes(300);
    const stats = computeStats(quotes, 300);
    const sorted = [...quotes].sort((a, b) => b.pct_change - a.pct_change || (a.symbol < b.symbol ? -1 : 1));
    expect(stats.gainers.map((g) => g.symbol)).toEqual(sorted.slice(0, 5).map((q) => q.symbol));
    const worst = [...quotes].sort((a, b) => a.pct_change - b.pct_change || (a.symbol < b.symbol ? -1 : 1));
    expect(stats.losers.map((g) => g.symbol)).toEqual(worst.slice(0, 5).map((q) => q.symbol));
    expect(stats.gainers[0]).toEqual({ symbol: sorted[0]!.symbol, name: sorted[0]!.name, price: sorted[0]!.price, pct_change: sorted[0]!.pct_change });
  });

  it('returns fewer movers than five for a small view', () => {
    expect(computeStats(threeQuotes.slice(0, 2), 2).losers.map((l) => l.symbol)).toEqual(['XOM', 'AAPL']);
  });
});
