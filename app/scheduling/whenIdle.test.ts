import { afterEach, describe, expect, it, vi } from 'vitest';
import { NO_IDLE_CALLBACK_PAUSE_MS, runWhenIdle, whenIdle } from './whenIdle.ts';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('whenIdle()', () => {
  it('whenIdle(task) uses requestIdleCallback with a timeout where there is one, and cancels it', () => {
    const requestIdleCallback = vi.fn(() => 7);
    const cancelIdleCallback = vi.fn();
    vi.stubGlobal('requestIdleCallback', requestIdleCallback);
    vi.stubGlobal('cancelIdleCallback', cancelIdleCallback);
    const cancel = whenIdle(() => undefined, 500);
    expect(requestIdleCallback).toHaveBeenCalledWith(expect.any(Function), { timeout: 500 });
    cancel();
    expect(cancelIdleCallback).toHaveBeenCalledWith(7);
  });

  it('whenIdle(task) falls back to a task of its own after a short pause without requestIdleCallback (a worker)', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestIdleCallback', undefined);
    const task = vi.fn();
    whenIdle(task);
    vi.advanceTimersByTime(NO_IDLE_CALLBACK_PAUSE_MS - 1);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(1);
  });
});

describe('runWhenIdle()', () => {
  it('runWhenIdle(step, budget) calls step in time-boxed slices until it returns false', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestIdleCallback', undefined);
    let left = 10;
    let clock = 0;
    const seen: number[] = [];
    runWhenIdle(
      () => {
        clock += 1;
        seen.push(left);
        return --left > 0;
      },
      3,
      () => clock,
    );
    expect(seen).toEqual([]);
    vi.advanceTimersToNextTimer();
    expect(seen).toHaveLength(3);
    vi.runAllTimers();
    expect(seen).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it('runWhenIdle(step) stops calling step once cancelled', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestIdleCallback', undefined);
    let clock = 0;
    const step = vi.fn(() => {
      clock += 5;
      return true;
    });
    const cancel = runWhenIdle(step, 3, () => clock);
    vi.advanceTimersToNextTimer();
    expect(step).toHaveBeenCalledTimes(1);
    cancel();
    vi.runAllTimers();
    expect(step).toHaveBeenCalledTimes(1);
  });
});
