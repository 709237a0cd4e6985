import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAlpacaProvider } from './alpaca.ts';
import { AuthError, RateLimitedError, TransientError, type Provider, type ProviderBatch } from './types.ts';
import { alpacaDayStart, startFakeAlpaca, type FakeAlpaca } from '../test/fakeUpstreams/fakeAlpaca.ts';
import { fetchContext, membersFor, syntheticMembers } from '../test/fakeUpstreams/universeFixture.ts';
import type { UniverseMember } from '../universe.ts';

const KEY = 'PKTESTKEYID12345';
const SECRET = 'sEcReT/alpaca+value_987';
const NOW = Date.UTC(2026, 2, 3, 15, 30);
const universe = membersFor('AAPL', 'MSFT', 'BRK.B', 'BF.B', 'NVDA');

let clock = NOW;
let fake: FakeAlpaca;
let provider: Provider;
beforeEach(async () => {
  clock = NOW;
  fake = await startFakeAlpaca({ apiKey: KEY, apiSecret: SECRET, now: () => clock });
  provider = makeProvider();
});
afterEach(() => fake.close());

function makeProvider(overrides: Partial<Parameters<typeof createAlpacaProvider>[0]> = {}): Provider {
  return createAlpacaProvider({ apiKey: KEY, apiSecret: SECRET, baseUrl: fake.baseUrl, timeoutMs: 5_000, now: () => clock, ...overrides });
}
const fetchBatch = (p = provider, members: readonly UniverseMember[] = universe) => p.fetchQuotes(fetchContext(members, clock));
const bySymbol = (batch: ProviderBatch) => new Map(batch.quotes.map((q) => [q.symbol, q]));
const requestedSymbols = (i: number) => fake.requests[i]!.query.get('symbols')!.split(',');

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof Error)) throw new Error('expected the fetch to fail');
  return error;
}

describe('createAlpacaProvider(options).fetchQuotes(context)', () => {
  it('normalizes snapshots: change against prevDailyBar.c in percent units, RFC-3339 ns times to ms', async () => {
    const batch = await fetchBatch();
    expect(batch.complete).toBe(true);
    expect(batch.rejected).toEqual([]);
    const quotes = bySymbol(batch);
    expect([...quotes.keys()].sort()).toEqual(['AAPL', 'BF.B', 'BRK.B', 'MSFT', 'NVDA']);
    for (const [symbol, q] of quotes) {
      const truth = fake.truth(symbol);
      expect(q.price).toBe(truth.price);
      expect(q.prev_close).toBe(truth.prevClose);
      expect(q.change).toBeCloseTo(truth.change, 9);
      expect(q.pct_change).toBeCloseTo(truth.pctChange, 9);
      expect(q.volume).toBe(truth.volume);
      expect(q.timestamp).toBe(truth.timestampMs);
    }
  });

  it('sends the key and secret only in the APCA headers, with feed=iex', async () => {
    await fetchBatch();
    const [request] = fake.requests;
    expect(request!.headers['apca-api-key-id']).toBe(KEY);
    expect(request!.headers['apca-api-secret-key']).toBe(SECRET);
    expect(request!.query.get('feed')).toBe('iex');
    expect(request!.url).not.toContain(KEY);
    expect(request!.url).not.toContain(encodeURIComponent(SECRET));
  });

  it('splits the universe into chunks of chunkSize symbols', async () => {
    const members = syntheticMembers(450);
    const batch = await fetchBatch(makeProvider({ chunkSize: 200 }), members);
    expect(fake.requests.map((_, i) => requestedSymbols(i).length)).toEqual([200, 200, 50]);
    expect(batch.complete).toBe(true);
    expect(batch.quotes).toHaveLength(450);
  });

  it('treats a daily bar from an earlier day as the previous close before the open', async () => {
    clock = Date.UTC(2026, 2, 3, 12, 0); // 07:00 New York, pre-market
    const truth = fake.truth('AAPL');
    const yesterday = clock - 86_400_000;
    fake.rows.set('AAPL', {
      dailyBar: { t: alpacaDayStart(yesterday), o: 1, h: 1, l: 1, c: 200, v: 9_999 },
      prevDailyBar: { t: alpacaDayStart(yesterday - 86_400_000), o: 1, h: 1, l: 1, c: 150, v: 8_888 },
    });
    const aapl = bySymbol(await fetchBatch()).get('AAPL')!;
    expect(aapl.prev_close).toBe(200);
    expect(aapl.change).toBeCloseTo(truth.price - 200, 9);
    expect(aapl.volume).toBe(0);
  });

  it('drops bad rows one by one with their reason and keeps the good ones', async () => {
    fake.rows.set('AAPL', { latestTrade: { t: '2026-03-03T15:29:58.5Z', p: Infinity } });
    fake.rows.set('MSFT', { latestTrade: { t: '2026-03-03T15:29:58.5Z', p: NaN } });
    fake.rows.set('NVDA', { prevDailyBar: { t: '2026-03-02T05:00:00Z', c: -3 } });
    fake.rows.set('BF.B', { latestTrade: { t: 'yesterday', p: 10 } });
    const batch = await fetchBatch();
    expect(batch.quotes.map((q) => q.symbol)).toEqual(['BRK.B']);
    expect(batch.rejected.map((r) => [r.symbol, r.reason])).toEqual([
      ['AAPL', 'non_finite'],
      ['MSFT', 'non_finite'],
      ['BF.B', 'schema'],
      ['NVDA', 'non_positive_price'],
    ]);
  });

  it('counts a null snapshot as a schema rejection', async () => {
    fake.rows.set('NVDA', { latestTrade: null, minuteBar: null, dailyBar: null, prevDailyBar: null, latestQuote: null });
    const batch = await fetchBatch();
    expect(batch.rejected).toEqual([expect.objectContaining({ symbol: 'NVDA', reason: 'schema' })]);
    expect(batch.quotes).toHaveLength(4);
  });

  it('returns the good chunks, marked incomplete, when a later chunk fails, and resumes at the failed chunk', async () => {
    const members = syntheticMembers(450);
    const chunked = makeProvider({ chunkSize: 200 });
    fake.faults.next(null);
    fake.faults.next({ kind: 'server_error', status: 503 });
    const first = await fetchBatch(chunked, members);
    expect(first.complete).toBe(false);
    expect(first.quotes.map((q) => q.symbol)).toEqual(members.slice(0, 200).map((m) => m.symbol));

    const second = await fetchBatch(chunked, members);
    expect(second.complete).toBe(true);
    expect(requestedSymbols(2)[0]).toBe(members[200]!.symbol);
    expect(requestedSymbols(3)[0]).toBe(members[400]!.symbol);
    expect(requestedSymbols(4)[0]).toBe(members[0]!.symbol);
  });

  it('throws when the first chunk fails, so the poller sees the outage', async () => {
    fake.faults.next({ kind: 'server_error', status: 504 });
    expect(await failure(fetchBatch())).toBeInstanceOf(TransientError);
  });

  it('stops at X-RateLimit-Remaining 0 and waits for X-RateLimit-Reset without calling again', async () => {
    const members = syntheticMembers(450);
    const chunked = makeProvider({ chunkSize: 200 });
    fake.window.remaining = 1;
    const reset = fake.window.resetAtSeconds;
    const batch = await fetchBatch(chunked, members);
    expect(batch.complete).toBe(false);
    expect(batch.quotes).toHaveLength(200);
    expect(fake.requests).toHaveLength(1);

    const error = await failure(fetchBatch(chunked, members));
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAt).toBe(reset * 1000);
    expect(fake.requests).toHaveLength(1);

    clock = reset * 1000 + 1;
    expect((await fetchBatch(chunked, members)).complete).toBe(true);
  });

  it('maps 429 to RateLimitedError with retryAt from X-RateLimit-Reset', async () => {
    fake.faults.set({ kind: 'rate_limit', resetAtSeconds: NOW / 1000 + 42 });
    const error = await failure(fetchBatch());
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAt).toBe(NOW + 42_000);
    expect(error.message).toMatch(/too many requests/);
  });

  it('maps a wrong key to AuthError without the key or secret', async () => {
    const wrong = makeProvider({ apiKey: 'PKWRONGKEY999', apiSecret: 'wrong-secret-xyz' });
    const error = await failure(fetchBatch(wrong));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toMatch(/HTTP 401: request is not authorized/);
    expect(error.message).not.toMatch(/PKWRONGKEY999|wrong-secret-xyz/);
  });

  it('maps 403 (SIP without a subscription) to AuthError', async () => {
    const error = await failure(fetchBatch(makeProvider({ feed: 'sip' })));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toMatch(/SIP/);
  });

  it('maps an auth failure on a later chunk to AuthError rather than a partial batch', async () => {
    fake.faults.next(null);
    fake.faults.next({ kind: 'unauthorized' });
    const error = await failure(fetchBatch(makeProvider({ chunkSize: 2 })));
    expect(error).toBeInstanceOf(AuthError);
  });

  it('maps malformed JSON and 500 to TransientError', async () => {
    fake.faults.next({ kind: 'malformed' });
    expect((await failure(fetchBatch())).message).toBe('alpaca: malformed JSON in response');
    fake.faults.next({ kind: 'server_error' });
    expect(await failure(fetchBatch())).toBeInstanceOf(TransientError);
  });

  it('gives up on a hanging upstream after timeoutMs', async () => {
    fake.faults.set({ kind: 'hang' });
    const error = await failure(fetchBatch(makeProvider({ timeoutMs: 300 })));
    expect(error).toBeInstanceOf(TransientError);
    expect(error.message).toBe('alpaca: no response within 300 ms');
  });

  it('never puts the key or secret in any error message', async () => {
    for (const fault of [{ kind: 'forbidden' }, { kind: 'rate_limit' }, { kind: 'server_error' }, { kind: 'malformed' }, { kind: 'hang' }] as const) {
      fake.faults.next(fault);
      const error = await failure(fetchBatch(makeProvider({ timeoutMs: 300 })));
      expect(`${error.message} ${error.stack}`).not.toContain(KEY);
      expect(`${error.message} ${error.stack}`).not.toContain(SECRET);
    }
  });
});

describe('createAlpacaProvider(options).limits(universeSize)', () => {
  it('reports ceil(size / chunkSize) calls per refresh on the 200/min free plan', () => {
    expect(makeProvider({ chunkSize: 200 }).limits(515)).toEqual({ callsPerMinute: 200, callsPerRefresh: 3, fullRefreshMs: 900 });
  });
});
