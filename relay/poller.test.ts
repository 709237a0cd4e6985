import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AUTH_RECHECK_MS, backoffDelay, BACKOFF_CAP_MS, CLOSED_POLL_MS, DOWN_RETRY_MS, MAX_INTERVAL_MS,
  startPoller, type Poller, type PollerOptions, type PollerState,
} from './poller.ts';
import { createLogger } from './log.ts';
import { AuthError, RateLimitedError, TransientError, type Provider, type ProviderBatch } from './providers/types.ts';
import { syntheticUniverse } from './universe.ts';

const T0 = Date.UTC(2026, 2, 3, 15, 0);
const INTERVAL = 5_000;
const universe = syntheticUniverse(3);
const batchFor = (n: number): ProviderBatch => ({ quotes: [{ symbol: 'SYN0001', price: n, change: 0, pct_change: 0, volume: 0, prev_close: n, timestamp: T0 }], rejected: [], complete: true });

/** One scripted outcome per call: a batch, an error to throw, a hang until aborted, or a slow batch. */
type Step = 'ok' | Error | 'hang' | { slowMs: number };

function stubProvider(steps: Step[], fallback: Step = 'ok', updatesWhenClosed = false) {
  const calls: Array<{ at: number; signal: AbortSignal }> = [];
  let active = 0;
  let maxActive = 0;
  const provider: Provider = {
    id: 'stub',
    updatesWhenClosed,
    limits: () => ({ callsPerMinute: 60, callsPerRefresh: 1, fullRefreshMs: 1_000 }),
    async fetchQuotes({ signal }) {
      calls.push({ at: Date.now() - T0, signal });
      const step = steps.shift() ?? fallback;
      maxActive = Math.max(maxActive, ++active);
      try {
        if (step instanceof Error) throw step;
        if (step === 'hang') await new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
        if (typeof step === 'object') await new Promise((resolve) => setTimeout(resolve, step.slowMs));
        return batchFor(calls.length);
      } finally {
        active--;
      }
    },
  };
  return { provider, calls, maxActive: () => maxActive, times: () => calls.map((c) => c.at) };
}

let poller: Poller | null = null;
let lines: string[];
let states: Array<PollerState & { at: number }>;
let batches: number;

function start(provider: Provider, overrides: Partial<PollerOptions> = {}): Poller {
  poller = startPoller({
    provider, universe, intervalMs: INTERVAL, maxRetries: 3, timeoutMs: 2_000,
    onBatch: () => { batches++; },
    onState: (s) => { states.push({ ...s, at: Date.now() - T0 }); },
    log: createLogger({ level: 'debug', write: (line) => lines.push(line) }),
    random: () => 0.5,
    ...overrides,
  });
  return poller;
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
  lines = [];
  states = [];
  batches = 0;
});
afterEach(async () => {
  await poller?.stop();
  poller = null;
  vi.useRealTimers();
});

const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('startPoller(options)', () => {
  it('polls at once and then every intervalMs, reporting no state change while all is well', async () => {
    const stub = stubProvider([]);
    start(stub.provider);
    await advance(12_000);
    expect(stub.times()).toEqual([0, 5_000, 10_000]);
    expect(batches).toBe(3);
    expect(states).toEqual([]);
  });

  it('never overlaps polls: a slow attempt pushes the next one back', async () => {
    const stub = stubProvider([], { slowMs: 1_800 });
    start(stub.provider, { intervalMs: 1_000 });
    await advance(10_000);
    expect(stub.maxActive()).toBe(1);
    const gaps = stub.times().slice(1).map((t, i) => t - stub.times()[i]!);
    expect(gaps.every((gap) => gap >= 1_800)).toBe(true);
  });

  it('aborts an attempt after timeoutMs and reports degraded with the reason', async () => {
    const stub = stubProvider(['hang']);
    start(stub.provider);
    await advance(1_999);
    expect(stub.calls[0]!.signal.aborted).toBe(false);
    await advance(1);
    expect(stub.calls[0]!.signal.aborted).toBe(true);
    expect(states[0]).toMatchObject({ status: 'degraded', reason: 'stub: no response within 2000 ms', retry_at: T0 + 2_000 + 500 });
  });

  it('retries transient failures with full-jitter exponential backoff, goes down, then recovers', async () => {
    const boom = new TransientError('stub: upstream error (HTTP 503)');
    const stub = stubProvider([boom, boom, boom, boom, boom]);
    start(stub.provider);
    await advance(40_000);
    // random() = 0.5: retries after 0.5 s, 1 s and 2 s; then down, retrying every 30 s.
    expect(stub.times()).toEqual([0, 500, 1_500, 3_500, 3_500 + DOWN_RETRY_MS]);
    expect(states.map((s) => [s.status, s.retry_at! - T0])).toEqual([
      ['degraded', 500], ['degraded', 1_500], ['degraded', 3_500], ['down', 33_500], ['down', 63_500],
    ]);
    expect(states[3]!.reason).toBe('stub: upstream error (HTTP 503) (still failing after 3 retries)');
    await advance(30_000);
    expect(states.at(-1)).toEqual({ status: 'ok', reason: null, retry_at: null, interval_ms: INTERVAL, at: 63_500 });
    expect(lines.filter((l) => l.includes('"level":"error"'))).toHaveLength(1);
    expect(lines.some((l) => l.includes('upstream recovered'))).toBe(true);
  });

  it('keeps backoff within its jitter bounds for any random source', async () => {
    const stub = stubProvider([], new TransientError('x'));
    start(stub.provider, { random: () => 0.999, maxRetries: 4 });
    await advance(30_000);
    const gaps = stub.times().slice(1, 5).map((t, i) => t - stub.times()[i]!);
    [1_000, 2_000, 4_000, 8_000].forEach((cap, i) => {
      expect(gaps[i]).toBeGreaterThanOrEqual(cap * 0.99);
      expect(gaps[i]).toBeLessThan(cap);
    });
  });

  it('waits until RateLimitedError.retryAt without retrying, doubles the interval, and halves it after 5 successes', async () => {
    const stub = stubProvider([new RateLimitedError('stub rate limit reached (HTTP 429)', T0 + 45_000)]);
    start(stub.provider);
    await advance(44_999);
    expect(stub.times()).toEqual([0]);
    expect(states[0]).toMatchObject({ status: 'rate_limited', retry_at: T0 + 45_000, interval_ms: 10_000, reason: 'stub rate limit reached (HTTP 429)' });
    await advance(1);
    expect(stub.times()).toEqual([0, 45_000]);
    expect(states[1]).toMatchObject({ status: 'ok', interval_ms: 10_000 });
    await advance(50_000);
    expect(stub.times()).toEqual([0, 45_000, 55_000, 65_000, 75_000, 85_000, 90_000, 95_000]);
    expect(states.at(-1)).toMatchObject({ status: 'ok', interval_ms: INTERVAL, at: 85_000 });
  });

  it('lengthens the interval on repeated limits without a known retryAt, capped at 5 min', async () => {
    const stub = stubProvider([], new RateLimitedError('limited', null));
    start(stub.provider);
    await advance(30 * 60_000);
    const gaps = stub.times().slice(1).map((t, i) => t - stub.times()[i]!);
    expect(gaps.slice(0, 6)).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, MAX_INTERVAL_MS]);
    expect(Math.max(...gaps)).toBe(MAX_INTERVAL_MS);
  });

  it('reports an auth error as down once, logs it once, and only re-checks every 5 min', async () => {
    const reason = 'massive rejected the API key (HTTP 401: Unknown API Key); check STOCK_API_KEY';
    const stub = stubProvider([], new AuthError(reason));
    const running = start(stub.provider);
    await advance(1);
    running.pollNow();
    await advance(20 * 60_000);
    expect(stub.times()).toEqual([0, 1, 2, 3, 4].map((i) => i * AUTH_RECHECK_MS));
    expect(states[0]).toMatchObject({ status: 'down', reason, retry_at: T0 + AUTH_RECHECK_MS });
    expect(lines.filter((l) => l.includes('"level":"error"'))).toHaveLength(1);
  });

  it('slows to one poll per 5 min while the market is closed and resumes within a minute of the open', async () => {
    const stub = stubProvider([]);
    const opensAt = 12 * 60_000 + 30_000;
    start(stub.provider, { isMarketActive: (t) => t - T0 >= opensAt });
    await advance(opensAt + 60_000 + 10_000);
    const times = stub.times();
    expect(times.slice(0, 3)).toEqual([0, CLOSED_POLL_MS, 2 * CLOSED_POLL_MS]);
    const firstOpen = times.find((t) => t >= opensAt)!;
    expect(firstOpen - opensAt).toBeLessThanOrEqual(60_000);
    expect(times.filter((t) => t > firstOpen)[0]).toBe(firstOpen + INTERVAL);
    expect(states.map((s) => s.interval_ms)).toEqual([CLOSED_POLL_MS, INTERVAL]);
  });

  it('keeps the normal interval while closed for a provider that updates when closed', async () => {
    const stub = stubProvider([], 'ok', true);
    start(stub.provider, { isMarketActive: () => false });
    await advance(12_000);
    expect(stub.times()).toEqual([0, 5_000, 10_000]);
  });

  it('stop() aborts the attempt in flight and cancels every timer', async () => {
    const stub = stubProvider(['hang']);
    const running = start(stub.provider, { timeoutMs: 60_000 });
    await advance(100);
    await running.stop();
    expect(stub.calls[0]!.signal.aborted).toBe(true);
    await advance(30 * 60_000);
    expect(stub.calls).toHaveLength(1);
    expect(states).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('pollNow() polls at once, or right after the attempt in flight', async () => {
    const stub = stubProvider([{ slowMs: 1_000 }]);
    const running = start(stub.provider, { intervalMs: 60_000 });
    await advance(500);
    running.pollNow();
    await advance(500);
    expect(stub.times()).toEqual([0, 1_000]);
    running.pollNow();
    await advance(0);
    expect(stub.times()).toEqual([0, 1_000, 1_000]);
  });

  it('keeps polling when onBatch throws, and logs it', async () => {
    const stub = stubProvider([]);
    start(stub.provider, { onBatch: () => { throw new Error('store exploded'); } });
    await advance(10_000);
    expect(stub.times()).toEqual([0, 5_000, 10_000]);
    expect(lines.filter((l) => l.includes('store exploded'))).toHaveLength(3);
    expect(states).toEqual([]);
  });

  it('treats an unexpected error from the provider as transient', async () => {
    const stub = stubProvider([new TypeError('cannot read properties of undefined')]);
    start(stub.provider);
    await advance(1);
    expect(states[0]).toMatchObject({ status: 'degraded', reason: 'cannot read properties of undefined' });
  });
});

describe('backoffDelay(attempt, random)', () => {
  it('doubles per attempt and never exceeds the 60 s cap', () => {
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, () => 0.5))).toEqual([500, 1_000, 2_000, 4_000]);
    expect(backoffDelay(30, () => 0.999_999)).toBeLessThan(BACKOFF_CAP_MS);
    expect(backoffDelay(3, () => 0)).toBe(0);
  });
});
