import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMassiveProvider } from './massive.ts';
import { AuthError, RateLimitedError, TransientError, type Provider, type ProviderBatch } from './types.ts';
import { startFakeMassive, type FakeMassive } from '../test/fakeUpstreams/fakeMassive.ts';
import { fetchContext, membersFor } from '../test/fakeUpstreams/universeFixture.ts';

const KEY = 'mk_live_SECRET_9f8e7d';
const NOW = Date.UTC(2026, 2, 3, 15, 30); // Tuesday 10:30 New York
const universe = membersFor('AAPL', 'MSFT', 'BRK.B', 'BF.B', 'NVDA');

let fake: FakeMassive;
let provider: Provider;
beforeEach(async () => {
  fake = await startFakeMassive({ apiKey: KEY, now: () => NOW });
  provider = createMassiveProvider({ apiKey: KEY, baseUrl: fake.baseUrl, timeoutMs: 5_000, now: () => NOW });
});
afterEach(() => fake.close());

const fetchBatch = (p = provider) => p.fetchQuotes(fetchContext(universe, NOW));
/** A short timeout for the tests that wait for one on purpose. */
const impatient = () => createMassiveProvider({ apiKey: KEY, baseUrl: fake.baseUrl, timeoutMs: 300, now: () => NOW });
const bySymbol = (batch: ProviderBatch) => new Map(batch.quotes.map((q) => [q.symbol, q]));

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof Error)) throw new Error('expected the fetch to fail');
  return error;
}

describe('createMassiveProvider(options).fetchQuotes(context)', () => {
  it('normalizes the snapshot: dot-form symbols, percent units, ns timestamps to ms', async () => {
    const batch = await fetchBatch();
    expect(batch.complete).toBe(true);
    expect(batch.rejected).toEqual([]);
    const quotes = bySymbol(batch);
    expect([...quotes.keys()].sort()).toEqual(['AAPL', 'BF.B', 'BRK.B', 'MSFT', 'NVDA']);
    for (const symbol of quotes.keys()) {
      const truth = fake.truth(symbol);
      const q = quotes.get(symbol)!;
      expect(q.price).toBe(truth.price);
      expect(q.prev_close).toBe(truth.prevClose);
      expect(q.change).toBeCloseTo(truth.change, 9);
      expect(q.pct_change).toBeCloseTo(truth.pctChange, 9);
      expect(q.volume).toBe(truth.volume);
      expect(q.timestamp).toBe(truth.timestampMs);
    }
  });

  it('asks for the whole universe in one call with the key only in the Authorization header', async () => {
    await fetchBatch();
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request!.query.get('tickers')!.split(',').sort()).toEqual(['AAPL', 'BF.B', 'BRK.B', 'MSFT', 'NVDA']);
    expect(request!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request!.url).not.toContain(KEY);
  });

  it('takes the price from the last trade before the open, when the day bar is all zeros', async () => {
    const truth = fake.truth('AAPL');
    fake.rows.set('AAPL', { day: { o: 0, h: 0, l: 0, c: 0, v: 0, vw: 0 } });
    const aapl = bySymbol(await fetchBatch()).get('AAPL')!;
    expect(aapl.price).toBe(truth.price);
    expect(aapl.pct_change).toBeCloseTo(truth.pctChange, 9);
    expect(aapl.volume).toBe(truth.volume); // min.av, the pre-market accumulated volume
  });

  it('falls back to the minute bar on plans without lastTrade', async () => {
    const truth = fake.truth('MSFT');
    fake.rows.set('MSFT', { lastTrade: undefined, min: { av: 5, t: NOW - 60_000, c: truth.price + 1, o: 1, h: 1, l: 1, v: 1 } });
    const msft = bySymbol(await fetchBatch()).get('MSFT')!;
    expect(msft.price).toBe(truth.price + 1);
    expect(msft.timestamp).toBe(NOW - 60_000);
  });

  it('drops bad rows one by one with their reason and keeps the good ones', async () => {
    fake.rows.set('AAPL', { lastTrade: { p: Infinity, t: NOW * 1e6 } });
    fake.rows.set('MSFT', { todaysChange: NaN, lastTrade: { p: NaN, t: NOW * 1e6 } });
    fake.rows.set('NVDA', { lastTrade: { p: -4, t: NOW * 1e6 } });
    fake.rows.set('BF.B', { ticker: undefined });
    fake.rows.set('BRK.B', { prevDay: 'yesterday' });
    const batch = await fetchBatch();
    expect(batch.quotes).toEqual([]);
    expect(batch.rejected.map((r) => [r.symbol, r.reason])).toEqual([
      ['AAPL', 'non_finite'],
      ['MSFT', 'non_finite'],
      ['BRK.B', 'schema'],
      [undefined, 'missing_symbol'],
      ['NVDA', 'non_positive_price'],
    ]);
  });

  it('keeps good rows when one row is bad', async () => {
    fake.rows.set('NVDA', { lastTrade: { p: Infinity, t: NOW * 1e6 } });
    const batch = await fetchBatch();
    expect(batch.quotes.map((q) => q.symbol).sort()).toEqual(['AAPL', 'BF.B', 'BRK.B', 'MSFT']);
    expect(batch.rejected).toEqual([expect.objectContaining({ symbol: 'NVDA', reason: 'non_finite' })]);
  });

  it('returns a complete batch without the symbols that disappeared', async () => {
    fake.rows.set('MSFT', 'omit');
    const batch = await fetchBatch();
    expect(batch.complete).toBe(true);
    expect(bySymbol(batch).has('MSFT')).toBe(false);
    expect(batch.quotes).toHaveLength(4);
  });

  it('maps 401 "Unknown API Key" to AuthError without the key', async () => {
    const wrong = createMassiveProvider({ apiKey: 'mk_wrong_KEY_123', baseUrl: fake.baseUrl, now: () => NOW });
    const error = await failure(fetchBatch(wrong));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toMatch(/Unknown API Key/);
    expect(error.message).not.toContain('mk_wrong_KEY_123');
  });

  it('maps 403 NOT_AUTHORIZED to AuthError naming the entitlement', async () => {
    fake.faults.set({ kind: 'forbidden' });
    const error = await failure(fetchBatch());
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toMatch(/not entitled/);
  });

  it('maps 429 with Retry-After to RateLimitedError with retryAt', async () => {
    fake.faults.set({ kind: 'rate_limit', retryAfterSeconds: 30 });
    const error = await failure(fetchBatch());
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAt).toBe(NOW + 30_000);
    expect(error.message).toMatch(/exceeded the maximum requests per minute/);
  });

  it('maps 429 without Retry-After to RateLimitedError with an unknown retryAt', async () => {
    fake.faults.set({ kind: 'rate_limit' });
    const error = await failure(fetchBatch());
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAt).toBeNull();
  });

  it.each([500, 502, 499])('maps HTTP %i to TransientError', async (status) => {
    fake.faults.set({ kind: 'server_error', status });
    const error = await failure(fetchBatch());
    expect(error).toBeInstanceOf(TransientError);
    expect(error.message).toContain(`HTTP ${status}`);
  });

  it('maps malformed JSON to TransientError', async () => {
    fake.faults.set({ kind: 'malformed' });
    const error = await failure(fetchBatch());
    expect(error).toBeInstanceOf(TransientError);
    expect(error.message).toBe('massive: malformed JSON in response');
  });

  it('gives up on a hanging upstream after timeoutMs', async () => {
    fake.faults.set({ kind: 'hang' });
    const started = Date.now();
    const error = await failure(fetchBatch(impatient()));
    expect(error).toBeInstanceOf(TransientError);
    expect(error.message).toBe('massive: no response within 300 ms');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stops when the poller aborts the attempt', async () => {
    fake.faults.set({ kind: 'hang' });
    const controller = new AbortController();
    const slow = createMassiveProvider({ apiKey: KEY, baseUrl: fake.baseUrl, timeoutMs: 60_000 });
    const pending = failure(slow.fetchQuotes(fetchContext(universe, NOW, controller.signal)));
    setTimeout(() => controller.abort(), 50);
    const error = await pending;
    expect(error).toBeInstanceOf(TransientError);
    expect(error.message).toBe('massive: request aborted');
  });

  it('maps a refused connection to TransientError without the URL', async () => {
    await fake.close();
    const error = await failure(fetchBatch());
    expect(error).toBeInstanceOf(TransientError);
    expect(error.message).toMatch(/^massive: request failed \(ECONNREFUSED\)$/);
  });

  it('never puts the key in any error message', async () => {
    const faults = [{ kind: 'forbidden' }, { kind: 'rate_limit' }, { kind: 'server_error' }, { kind: 'malformed' }, { kind: 'hang' }] as const;
    for (const fault of faults) {
      fake.faults.set(fault);
      const error = await failure(fetchBatch(impatient()));
      expect(`${error.name} ${error.message} ${error.stack}`).not.toContain(KEY);
    }
  });
});

describe('createMassiveProvider(options).limits(universeSize)', () => {
  it('reports one call per refresh, spaced by the plan limit', () => {
    expect(provider.limits(515)).toEqual({ callsPerMinute: 5, callsPerRefresh: 1, fullRefreshMs: 12_000 });
    const paid = createMassiveProvider({ apiKey: KEY, callsPerMinute: Infinity });
    expect(paid.limits(515).fullRefreshMs).toBe(0);
  });
});
