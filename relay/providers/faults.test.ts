import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadShippedUniverse } from '../universe.ts';
import { createFaultController, describeFault, parseFault, type Fault } from './faults.ts';
import { createSimulatedProvider } from './simulated.ts';
import { AuthError, RateLimitedError, TransientError } from './types.ts';

const universe = loadShippedUniverse();

describe('parseFault(text)', () => {
  it.each([
    ['', { mode: 'none' }],
    ['none', { mode: 'none' }],
    ['  down  ', { mode: 'down' }],
    ['rate_limited', { mode: 'rate_limited', retryAfterSeconds: 30 }],
    ['rate_limited:60', { mode: 'rate_limited', retryAfterSeconds: 60 }],
    ['auth', { mode: 'auth' }],
    ['slow', { mode: 'slow', delayMs: 3000 }],
    ['slow:5000', { mode: 'slow', delayMs: 5000 }],
    ['drop', { mode: 'drop', count: 10 }],
    ['drop:25', { mode: 'drop', count: 25 }],
    ['bad_rows', { mode: 'bad_rows' }],
    ['{"mode":"rate_limited","retryAfterSeconds":60}', { mode: 'rate_limited', retryAfterSeconds: 60 }],
    ['{"mode":"drop"}', { mode: 'drop', count: 10 }],
    [' {"mode":"none"} ', { mode: 'none' }],
  ])('parses %j', (text, expected) => {
    expect(parseFault(text)).toEqual(expected);
  });

  it.each([
    ['flood', 'unknown fault mode: "flood" (expected one of none, rate_limited, down, auth, slow, drop, bad_rows)'],
    ['flood:3', 'unknown fault mode: "flood"'],
    ['rate_limited:abc', "fault rate_limited needs a number after ':', got: abc"],
    ['rate_limited:', "fault rate_limited needs a number after ':', got: "],
    ['down:5', 'fault down takes no argument, got: down:5'],
    ['slow:1:2', 'fault slow takes one number, got: slow:1:2'],
    ['drop:0', 'invalid drop fault: count: Too small'],
    ['drop:2.5', 'invalid drop fault: count: Invalid input: expected int'],
    ['slow:-1', 'invalid slow fault: delayMs: Too small'],
    ['{"mode":"slow"', 'fault is not valid JSON: {"mode":"slow"'],
    ['{"retryAfterSeconds":5}', 'fault has no mode (expected one of'],
    ['{"mode":"down","extra":1}', 'invalid down fault: Unrecognized key: "extra"'],
    ['{"mode":"rate_limited","retryAfterSeconds":"soon"}', 'invalid rate_limited fault: retryAfterSeconds: Invalid input: expected number'],
  ])('rejects %j with a clear error', (text, message) => {
    expect(() => parseFault(text)).toThrow(message);
  });
});

describe('describeFault(fault)', () => {
  it('gives the short form, which parses back to the same fault', () => {
    for (const text of ['none', 'rate_limited:45', 'down', 'auth', 'slow:100', 'drop:3', 'bad_rows']) {
      expect(describeFault(parseFault(text))).toBe(text);
    }
  });
});

/** A simulated provider on a fake clock with a fault controller the test flips. */
function faulty(initial: Fault) {
  let clock = Date.UTC(2026, 2, 9, 15, 0);
  const faults = createFaultController(initial);
  const provider = createSimulatedProvider({ universe, seed: 42, tickMs: 1000, faults, now: () => clock });
  const fetch = (signal = new AbortController().signal) => provider.fetchQuotes({ universe, signal, now: clock });
  return { provider, faults, fetch, tick: (ms: number) => (clock += ms), clock: () => clock };
}

describe('fetchQuotes under a fault', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('rate_limited throws RateLimitedError with retryAt = now + retryAfter and leaves the market still', async () => {
    const sim = faulty({ mode: 'rate_limited', retryAfterSeconds: 60 });
    sim.tick(5000);
    const error = await sim.fetch().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAt).toBe(sim.clock() + 60_000);
    expect(sim.provider.ticks).toBe(0);
  });

  it('down throws TransientError and auth throws AuthError("invalid API key"), neither moving the market', async () => {
    const sim = faulty({ mode: 'down' });
    await expect(sim.fetch()).rejects.toBeInstanceOf(TransientError);
    sim.faults.set({ mode: 'auth' });
    await expect(sim.fetch()).rejects.toThrow(new AuthError('invalid API key'));
    expect(sim.provider.ticks).toBe(0);
  });

  it('after a failure clears, the next fetch catches up the time that passed meanwhile', async () => {
    const sim = faulty({ mode: 'down' });
    sim.tick(3000);
    await expect(sim.fetch()).rejects.toThrow();
    sim.tick(2000);
    sim.faults.set({ mode: 'none' });
    const batch = await sim.fetch();
    expect(sim.provider.ticks).toBe(5);
    expect(batch.quotes).toHaveLength(universe.length);
  });

  it('slow delays the response by delayMs', async () => {
    vi.useFakeTimers();
    const sim = faulty({ mode: 'slow', delayMs: 3000 });
    let done = false;
    const pending = sim.fetch().then((batch) => ((done = true), batch));
    await vi.advanceTimersByTimeAsync(2999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    expect((await pending).quotes).toHaveLength(universe.length);
  });

  it('slow gives up with a TransientError when the signal aborts, without moving the market', async () => {
    vi.useFakeTimers();
    const sim = faulty({ mode: 'slow', delayMs: 3000 });
    const abort = new AbortController();
    const pending = sim.fetch(abort.signal);
    await vi.advanceTimersByTimeAsync(1000);
    abort.abort();
    await expect(pending).rejects.toBeInstanceOf(TransientError);
    expect(sim.provider.ticks).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('drop omits the same count symbols from every batch', async () => {
    const sim = faulty({ mode: 'drop', count: 25 });
    const missing = async () => {
      sim.tick(1000);
      const batch = await sim.fetch();
      expect(batch).toMatchObject({ complete: true, rejected: [] });
      const present = new Set(batch.quotes.map((q) => q.symbol));
      return universe.map((m) => m.symbol).filter((s) => !present.has(s));
    };
    const first = await missing();
    expect(first).toHaveLength(25);
    expect(await missing()).toEqual(first);
  });

  it('bad_rows sends three rows the validation rejects by reason, keeping every other quote', async () => {
    const sim = faulty({ mode: 'bad_rows' });
    const first = await sim.fetch();
    expect(first.rejected.map((r) => r.reason).sort()).toEqual(['missing_symbol', 'non_finite', 'non_positive_price']);
    expect(first.quotes).toHaveLength(universe.length - 3);
    expect(first.quotes.every((q) => Number.isFinite(q.price) && q.price > 0 && q.symbol !== '')).toBe(true);
    // The corrupted rows rotate, so each tick a different few symbols are refused.
    sim.tick(1000);
    const second = await sim.fetch();
    const refused = (batch: typeof first) => batch.rejected.flatMap((r) => (r.symbol ? [r.symbol] : []));
    expect(refused(second)).toHaveLength(2);
    expect(refused(second)).not.toEqual(refused(first));
  });
});

describe('createFaultController(initial)', () => {
  it('starts with the initial fault, none by default, and holds what set() gives it', () => {
    expect(createFaultController().current()).toEqual({ mode: 'none' });
    const controller = createFaultController({ mode: 'down' });
    expect(controller.current()).toEqual({ mode: 'down' });
    controller.set({ mode: 'drop', count: 3 });
    expect(controller.current()).toEqual({ mode: 'drop', count: 3 });
  });
});
