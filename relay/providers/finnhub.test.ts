import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFinnhubProvider, type FinnhubOptions } from './finnhub.ts';
import { AuthError, RateLimitedError, TransientError, type Provider } from './types.ts';
import { FINNHUB_EMPTY_QUOTE, startFakeFinnhub, type FakeFinnhub } from '../test/fakeUpstreams/fakeFinnhub.ts';
import { fetchContext, membersFor, syntheticMembers } from '../test/fakeUpstreams/universeFixture.ts';
import type { UniverseMember } from '../universe.ts';

const KEY = 'fh_SECRET_c0ffee42';
const NOW = Date.UTC(2026, 2, 3, 15, 30, 20);
const universe = membersFor('AAPL', 'MSFT', 'BRK.B', 'BF.B', 'NVDA');

let clock = NOW;
let fake: FakeFinnhub;
beforeEach(async () => {
  clock = NOW;
  fake = await startFakeFinnhub({ apiKey: KEY, now: () => clock, enforce: { perMinute: 60, perSecond: 30 } });
});
afterEach(() => fake.close());

function makeProvider(overrides: Partial<FinnhubOptions> = {}): Provider {
  return createFinnhubProvider({ apiKey: KEY, baseUrl: fake.baseUrl, timeoutMs: 5_000, now: () => clock, ...overrides });
}
const fetchBatch = (p: Provider, members: readonly UniverseMember[] = universe) => p.fetchQuotes(fetchContext(members, clock));
const requested = () => fake.requests.map((r) => r.query.get('symbol'));

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof Error)) throw new Error('expected the fetch to fail');
  return error;
}

describe('createFinnhubProvider(options).fetchQuotes(context)', () => {
  it('normalizes /quote: dot-form symbols, dp in percent units, t in seconds to ms, volume 0', async () => {
    const batch = await fetchBatch(makeProvider());
    expect(batch.complete).toBe(false);
    expect(batch.rejected).toEqual([]);
    expect(batch.quotes.map((q) => q.symbol).sort()).toEqual(['AAPL', 'BF.B', 'BRK.B', 'MSFT', 'NVDA']);
    for (const q of batch.quotes) {
      const truth = fake.truth(q.symbol);
      expect(q).toEqual({
        symbol: q.symbol,
        price: truth.price,
        change: truth.change,
        pct_change: truth.pctChange,
        prev_close: truth.prevClose,
        volume: 0,
        timestamp: Math.floor(truth.timestampMs / 1000) * 1000,
      });
    }
  });

  it('sends the key only in the X-Finnhub-Token header, one symbol per call', async () => {
    await fetchBatch(makeProvider());
    expect(fake.requests).toHaveLength(5);
    for (const request of fake.requests) {
      expect(request.headers['x-finnhub-token']).toBe(KEY);
      expect(request.query.has('token')).toBe(false);
      expect(request.url).not.toContain(KEY);
    }
    expect(requested()).toContain('BRK.B');
  });

  it('spends only the budget saved up since the previous call: 30 at once, then 1 per second', async () => {
    const provider = makeProvider();
    const members = syntheticMembers(100);
    await fetchBatch(provider, members);
    expect(fake.requests).toHaveLength(30);
    clock += 5_000;
    const second = await fetchBatch(provider, members);
    expect(fake.requests).toHaveLength(35);
    expect(second.quotes).toHaveLength(5);
    const idle = await fetchBatch(provider, members);
    expect(idle).toEqual({ quotes: [], rejected: [], complete: false });
  });

  it('stays under 60 calls a minute and 30 a second over ten minutes of polling', async () => {
    const provider = makeProvider();
    const members = syntheticMembers(200);
    for (let t = 0; t < 10 * 60_000; t += 2_000) {
      clock = NOW + t;
      await fetchBatch(provider, members);
    }
    expect(fake.overLimit).toBe(0);
    expect(fake.requests.length).toBeGreaterThanOrEqual(590);
    expect(fake.requests.length).toBeLessThanOrEqual(630);
  });

  it('gives the 20 largest market caps one call in three and sweeps the rest within limits().fullRefreshMs', async () => {
    const provider = makeProvider();
    const members = syntheticMembers(200);
    const { fullRefreshMs } = provider.limits(members.length);
    let sweptAt = Infinity;
    for (let t = 0; t <= fullRefreshMs * 2; t += 5_000) {
      clock = NOW + t;
      await fetchBatch(provider, members);
      if (sweptAt === Infinity && new Set(requested()).size === members.length) sweptAt = t;
    }
    expect(sweptAt).toBeLessThanOrEqual(fullRefreshMs);
    const counts = new Map<string, number>();
    for (const s of requested()) counts.set(s!, (counts.get(s!) ?? 0) + 1);
    const hot = [...members].sort((a, b) => b.market_cap - a.market_cap).slice(0, 20).map((m) => m.symbol);
    const cold = members.map((m) => m.symbol).filter((s) => !hot.includes(s));
    expect(counts.size).toBe(200);
    const callsTo = (symbols: string[]) => symbols.reduce((sum, s) => sum + counts.get(s)!, 0);
    expect(callsTo(hot) / fake.requests.length).toBeCloseTo(1 / 3, 1);
    // Per symbol, a hot one is refreshed cold/(hot*2) = 4.5 times as often as a cold one.
    expect(callsTo(hot) / 20 / (callsTo(cold) / 180)).toBeGreaterThan(4);
  });

  it('repeats the last failure on a poll the budget leaves with no call, instead of reporting success', async () => {
    const provider = makeProvider();
    const members = syntheticMembers(100);
    expect((await fetchBatch(provider, members)).quotes).toHaveLength(30);
    fake.faults.set({ kind: 'server_error', status: 503 });
    clock += 1_000;
    expect(await failure(fetchBatch(provider, members))).toBeInstanceOf(TransientError);
    expect(fake.requests).toHaveLength(31);
    const repeated = await failure(fetchBatch(provider, members));
    expect(repeated.message).toBe('finnhub: upstream error (HTTP 503: Internal Server Error)');
    expect(fake.requests).toHaveLength(31);
    fake.faults.set(null);
    clock += 2_000;
    expect((await fetchBatch(provider, members)).quotes).toHaveLength(2);
    expect(await fetchBatch(provider, members)).toEqual({ quotes: [], rejected: [], complete: false });
  });

  it('rejects the all-zero quote Finnhub gives an unknown symbol', async () => {
    fake.rows.set('NVDA', FINNHUB_EMPTY_QUOTE);
    const batch = await fetchBatch(makeProvider());
    expect(batch.rejected).toEqual([expect.objectContaining({ symbol: 'NVDA', reason: 'unknown_symbol' })]);
    expect(batch.quotes).toHaveLength(4);
  });

  it('drops bad rows one by one with their reason', async () => {
    fake.rows.set('AAPL', { c: Infinity });
    fake.rows.set('MSFT', { dp: NaN });
    fake.rows.set('NVDA', { c: -12 });
    fake.rows.set('BF.B', { pc: undefined });
    const batch = await fetchBatch(makeProvider({ concurrency: 1 }));
    expect(batch.quotes.map((q) => q.symbol)).toEqual(['BRK.B']);
    expect(new Map(batch.rejected.map((r) => [r.symbol, r.reason]))).toEqual(new Map([
      ['AAPL', 'non_finite'], ['MSFT', 'non_finite'], ['NVDA', 'non_positive_price'], ['BF.B', 'schema'],
    ]));
  });

  it('maps "API limit reached" to RateLimitedError at the next minute and returns what it already had', async () => {
    const provider = makeProvider({ concurrency: 1 });
    fake.faults.next(null, 2);
    fake.faults.next({ kind: 'rate_limit' });
    const batch = await fetchBatch(provider);
    expect(batch.quotes).toHaveLength(2);
    expect(fake.requests).toHaveLength(3);

    clock += 5_000;
    const error = await failure(fetchBatch(provider));
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAt).toBe(Date.UTC(2026, 2, 3, 15, 31));
    expect(fake.requests).toHaveLength(3);
  });

  it('throws RateLimitedError when the first call is limited', async () => {
    fake.faults.set({ kind: 'rate_limit' });
    const error = await failure(fetchBatch(makeProvider()));
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.message).toMatch(/API limit reached\. Please try again later/);
  });

  it('maps the 429 "sign up for a free account" body to AuthError, not a rate limit', async () => {
    fake.faults.set({ kind: 'signup' });
    const error = await failure(fetchBatch(makeProvider()));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toMatch(/sign up/);
  });

  it('maps a wrong key (401) and no access (403) to AuthError without the key', async () => {
    const error = await failure(fetchBatch(makeProvider({ apiKey: 'fh_wrong_key_777' })));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).not.toContain('fh_wrong_key_777');
    fake.faults.set({ kind: 'forbidden' });
    const forbidden = await failure(fetchBatch(makeProvider()));
    expect(forbidden).toBeInstanceOf(AuthError);
    expect(forbidden.message).toMatch(/no access/);
  });

  it('throws AuthError even when other calls in the same poll succeeded', async () => {
    fake.faults.next(null, 2);
    fake.faults.next({ kind: 'unauthorized' });
    expect(await failure(fetchBatch(makeProvider({ concurrency: 1 })))).toBeInstanceOf(AuthError);
  });

  it('returns the good rows when a later call fails transiently, and throws when all fail', async () => {
    fake.faults.next(null, 3);
    fake.faults.next({ kind: 'server_error', status: 502 });
    const partial = await fetchBatch(makeProvider({ concurrency: 1 }));
    expect(partial.quotes).toHaveLength(3);
    expect(partial.complete).toBe(false);

    fake.faults.set({ kind: 'server_error' });
    clock += 60_000;
    expect(await failure(fetchBatch(makeProvider()))).toBeInstanceOf(TransientError);
  });

  it('maps malformed JSON to TransientError and a hang to a timeout', async () => {
    fake.faults.set({ kind: 'malformed' });
    expect((await failure(fetchBatch(makeProvider()))).message).toBe('finnhub: malformed JSON in response');
    fake.faults.set({ kind: 'hang' });
    expect((await failure(fetchBatch(makeProvider({ timeoutMs: 300 }))))).toHaveProperty('message', 'finnhub: no response within 300 ms');
  });

  it('never puts the key in any error message', async () => {
    for (const fault of [{ kind: 'forbidden' }, { kind: 'signup' }, { kind: 'rate_limit' }, { kind: 'server_error' }, { kind: 'malformed' }] as const) {
      fake.faults.set(fault);
      const error = await failure(fetchBatch(makeProvider()));
      expect(`${error.message} ${error.stack}`).not.toContain(KEY);
    }
  });

  it('accepts a base URL that already ends in /api/v1', async () => {
    const batch = await fetchBatch(makeProvider({ baseUrl: `${fake.baseUrl}/api/v1/` }));
    expect(batch.quotes).toHaveLength(5);
  });
});

describe('createFinnhubProvider(options).limits(universeSize)', () => {
  it('reports the real sweep: 743 calls and about 12.4 minutes for 515 symbols on the free plan', () => {
    const limits = makeProvider().limits(515);
    expect(limits).toEqual({ callsPerMinute: 60, callsPerRefresh: 743, fullRefreshMs: 743_000 });
  });
});
