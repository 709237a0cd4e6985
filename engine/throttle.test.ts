import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createThrottle } from './throttle.ts';
import { systemTimers } from './timers.ts';

describe('createThrottle(options)', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  function setup(firstDelayMs?: number) {
    const runs: number[] = [];
    const throttle = createThrottle({ everyMs: 50, firstDelayMs, timers: systemTimers, now: Date.now, run: () => runs.push(Date.now()) });
    return { runs, throttle };
  }

  it('holds the first run back by firstDelayMs, then keeps the interval', () => {
    const { runs, throttle } = setup(3_000);
    throttle.request();
    vi.advanceTimersByTime(2_999);
    throttle.request();
    expect(runs).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(runs).toEqual([1_003_000]);
    throttle.request();
    vi.advanceTimersByTime(50);
    expect(runs).toEqual([1_003_000, 1_003_050]);
  });

  it('runs a held-back first run at once on flush (nothing is lost when the engine stops)', async () => {
    const { runs, throttle } = setup(3_000);
    throttle.request();
    await throttle.flush();
    expect(runs).toEqual([1_000_000]);
  });

  it('coalesces a burst into one run on the next turn', () => {
    const { runs, throttle } = setup();
    for (let i = 0; i < 10; i++) throttle.request();
    expect(runs).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(runs).toEqual([1_000_000]);
  });

  it('keeps runs at least the interval apart and always runs after the last request', () => {
    const { runs, throttle } = setup();
    throttle.request();
    vi.advanceTimersByTime(0);
    vi.advanceTimersByTime(10);
    throttle.request();
    vi.advanceTimersByTime(20);
    throttle.request();
    expect(runs).toHaveLength(1);
    vi.advanceTimersByTime(20);
    expect(runs).toEqual([1_000_000, 1_000_050]);
    vi.advanceTimersByTime(500);
    expect(runs).toHaveLength(2);
  });

  it('flushes a pending run at once, and does nothing when none is pending', async () => {
    const { runs, throttle } = setup();
    await throttle.flush();
    expect(runs).toEqual([]);
    throttle.request();
    await throttle.flush();
    expect(runs).toEqual([1_000_000]);
    vi.advanceTimersByTime(100);
    expect(runs).toHaveLength(1);
  });

  it('drops a pending run on cancel', () => {
    const { runs, throttle } = setup();
    throttle.request();
    throttle.cancel();
    vi.advanceTimersByTime(100);
    expect(runs).toEqual([]);
  });
});
