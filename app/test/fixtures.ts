/** Small hand-built quotes and statuses for app tests. */
import type { FeedStatus, Quote, Sector } from '../../relay/protocol.ts';
import type { EngineStatus } from '../../engine/api.ts';

export const T0 = Date.UTC(2026, 0, 15, 15, 30, 0);

export function quote(symbol: string, sector: Sector, pct: number, extra: Partial<Quote> = {}): Quote {
  const prev = 100;
  const price = prev * (1 + pct / 100);
  return {
    symbol,
    name: `${symbol} Corp`,
    sector,
    industry: `${sector} Things`,
    indices: ['sp500'],
    price,
    change: price - prev,
    pct_change: pct,
    volume: 1_000_000,
    market_cap: 50e9,
    prev_close: prev,
    timestamp: T0,
    stale: false,
    stale_since: null,
    ...extra,
  };
}

/** Six stocks in three sectors: two up, two down, one flat, one big mover. */
export const SIX: Quote[] = [
  quote('AAPL', 'Information Technology', 1.2, { name: 'Apple Inc.', market_cap: 3e12 }),
  quote('MSFT', 'Information Technology', -0.5, { name: 'Microsoft', market_cap: 2.8e12 }),
  quote('JPM', 'Financials', 0, { name: 'JPMorgan Chase', market_cap: 500e9 }),
  quote('GS', 'Financials', -2.4, { name: 'Goldman Sachs', market_cap: 150e9 }),
  quote('XOM', 'Energy', 3.5, { name: 'Exxon Mobil', market_cap: 450e9 }),
  quote('CVX', 'Energy', 0.8, { name: 'Chevron', market_cap: 300e9, stale: true, stale_since: T0 - 60_000 }),
];

export function feed(overrides: Partial<FeedStatus> = {}): FeedStatus {
  return {
    status: 'ok',
    reason: null,
    retry_at: null,
    provider: 'simulated',
    last_update: T0,
    stale: false,
    session: { phase: 'regular', label: 'Open', holiday: null, early_close: false, next_change: null, simulated: true },
    ...overrides,
  };
}

export function engineStatus(overrides: Partial<EngineStatus> = {}): EngineStatus {
  return {
    connection: 'live',
    feed: feed(),
    dataTime: T0,
    receivedAt: T0,
    stale: false,
    fromCache: false,
    retryAt: null,
    invalidMessages: 0,
    storage: 'ok',
    ...overrides,
  };
}
