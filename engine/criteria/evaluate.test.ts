import { describe, expect, it } from 'vitest';
import { evaluateCriteria } from './evaluate.ts';
import { parseCriteria } from './parse.ts';
import { threeQuotes } from '../test/fixtures.ts';

function matching(text: string): string[] {
  const parsed = parseCriteria(text);
  if (!parsed.ok || !parsed.criteria) throw new Error(`fixture criteria must parse: ${text}`);
  const criteria = parsed.criteria;
  return threeQuotes.filter((q) => evaluateCriteria(criteria, q)).map((q) => q.symbol);
}

describe('evaluateCriteria(criteria, quote)', () => {
  it.each([
    ['pct_change > 2', ['AAPL']],
    ['pct_change >= -0.99', ['AAPL', 'XOM', 'JPM']],
    ['pct_change < 0 or change = 0', ['XOM', 'JPM']],
    ['market_cap > 500B and volume > 1e7', ['AAPL']],
    ['sector = "energy"', ['XOM']],
    ['sector != "Energy" and not (price > 220)', ['AAPL']],
    ['name = "JPMORGAN CHASE"', ['JPM']],
    ['volume <= 8M', ['JPM']],
    ['price > 100 and price < 200', ['XOM']],
  ])('%s selects %j', (text, symbols) => {
    expect(matching(text)).toEqual(symbols);
  });
});
