/** Small named fixtures shared by the engine's tests, built from the relay's own universe data. */
import type { FeedStatus, Quote } from '../../relay/protocol.ts';
import { loadShippedUniverse, membersOf, syntheticUniverse, type UniverseMember } from '../../relay/universe.ts';

export const T0 = Date.UTC(2025, 5, 2, 15, 0, 0);

/** A quote for a universe member; `pct_change` is derived deterministically from its position. */
export function quoteOf(member: UniverseMember, index = 0, overrides: Partial<Quote> = {}): Quote {
  const pct = Math.round(((index * 0.618034) % 1) * 800 - 400) / 100;
  const prev = member.ref_price;
  const price = Math.round(prev * (1 + pct / 100) * 100) / 100;
  return {
    symbol: member.symbol,
    name: member.name,
    sector: member.sector,
    industry: member.industry,
    indices: [...member.indices],
    price,
    change: Math.round((price - prev) * 100) / 100,
    pct_change: pct,
    volume: 1_000_000 + index * 1_000,
    market_cap: member.market_cap,
    prev_close: prev,
    timestamp: T0,
    stale: false,
    stale_since: null,
    ...overrides,
  };
}

export function sp500Quotes(): Quote[] {
  return membersOf(loadShippedUniverse(), 'sp500').map((m, i) => quoteOf(m, i));
}

export function shippedQuotes(): Quote[] {
  return loadShippedUniverse().map((m, i) => quoteOf(m, i));
}

export function syntheticQuotes(count: number): Quote[] {
  return syntheticUniverse(count).map((m, i) => quoteOf(m, i));
}

export const feedOk: FeedStatus = {
  status: 'ok',
  reason: null,
  retry_at: null,
  provider: 'simulated',
  last_update: T0,
  stale: false,
  session: { phase: 'regular', label: 'Open', holiday: null, early_close: false, next_change: null, simulated: true },
};

/** Three hand-made quotes for tests that want to read every value. */
export const threeQuotes: Quote[] = [
  { ...base('AAPL', 'Apple Inc.', 'Information Technology', 'Technology Hardware'), price: 200, change: 4, pct_change: 2.04, market_cap: 3e12, volume: 5e7 },
  { ...base('XOM', 'Exxon Mobil', 'Energy', 'Integrated Oil & Gas'), price: 110, change: -1.1, pct_change: -0.99, market_cap: 4.5e11, volume: 1.2e7 },
  { ...base('JPM', 'JPMorgan Chase', 'Financials', 'Diversified Banks'), price: 250, change: 0, pct_change: 0, market_cap: 7e11, volume: 8e6 },
];

function base(symbol: string, name: string, sector: Quote['sector'], industry: string): Quote {
  return {
    symbol, name, sector, industry, indices: ['sp500'], price: 1, change: 0, pct_change: 0, volume: 0,
    market_cap: 1, prev_close: 1, timestamp: T0, stale: false, stale_since: null,
  };
}
