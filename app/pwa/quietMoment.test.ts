// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenQuiet } from './quietMoment.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('whenQuiet(run, idleMs)', () => {
  it('runs after idleMs without input, and input restarts the wait', () => {
    const run = vi.fn();
    whenQuiet(run, 1000);
    vi.advanceTimersByTime(900);
    window.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(900);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(6000);
    expect(run).toHaveBeenCalledTimes(1);
  });
  it('never runs once cancelled', () => {
    const run = vi.fn();
    const cancel = whenQuiet(run, 1000);
    cancel();
    vi.advanceTimersByTime(10_000);
    expect(run).not.toHaveBeenCalled();
  });
});
