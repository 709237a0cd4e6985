import { afterEach, describe, expect, it, vi } from 'vitest';
import { taskByTask } from './taskByTask.ts';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('taskByTask(steps)', () => {
  it('runs the first step now and each next one in a later task, in order', () => {
    vi.useFakeTimers();
    const ran: string[] = [];
    taskByTask([['a', () => ran.push('a')], ['b', () => ran.push('b')], ['c', () => ran.push('c')]]);
    expect(ran).toEqual(['a']);
    vi.advanceTimersToNextTimer();
    expect(ran).toEqual(['a', 'b']);
    vi.advanceTimersToNextTimer();
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('logs a step that throws, by name, and still runs the rest', () => {
    vi.useFakeTimers();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const ran: string[] = [];
    taskByTask([['saved map', () => { throw new Error('quota'); }], ['app', () => ran.push('app')]]);
    vi.runAllTimers();
    expect(ran).toEqual(['app']);
    expect(error).toHaveBeenCalledWith('start-up step "saved map" failed', expect.any(Error));
  });
});
