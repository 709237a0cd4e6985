import { describe, expect, it } from 'vitest';
import { createCallBudget } from './callBudget.ts';

const T0 = 1_000_000;

/** Spends everything available at each poll time; returns every call's start time. */
function drive(pollTimes: number[], perMinute: number, perSecond: number): number[] {
  const budget = createCallBudget({ perMinute, perSecond, now: T0 });
  const calls: number[] = [];
  for (const t of pollTimes) {
    const n = budget.available(t);
    for (let i = 0; i < n; i++) {
      budget.spend(t + i); // calls start a millisecond apart
      calls.push(t + i);
    }
  }
  return calls;
}

function maxInWindow(calls: number[], windowMs: number): number {
  let max = 0;
  for (const start of calls) max = Math.max(max, calls.filter((c) => c >= start && c < start + windowMs).length);
  return max;
}

describe('createCallBudget(options)', () => {
  it('starts with a burst of the per-second cap, then allows the per-minute rate', () => {
    const budget = createCallBudget({ perMinute: 60, perSecond: 30, now: T0 });
    expect(budget.available(T0)).toBe(30);
    for (let i = 0; i < 30; i++) budget.spend(T0);
    expect(budget.available(T0)).toBe(0);
    expect(budget.available(T0 + 5_000)).toBe(5);
  });

  it('never lets a sliding minute or second hold more calls than the caps, at any polling pattern', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const polls: number[] = [];
    for (let t = T0; t < T0 + 10 * 60_000; t += Math.floor(random() * 8_000)) polls.push(t);
    const calls = drive(polls, 60, 30);
    expect(maxInWindow(calls, 60_000)).toBeLessThanOrEqual(60);
    expect(maxInWindow(calls, 1_000)).toBeLessThanOrEqual(30);
    expect(calls.length).toBeGreaterThan(550);
  });

  it('drain(at) throws away saved-up tokens after a 429', () => {
    const budget = createCallBudget({ perMinute: 60, perSecond: 30, now: T0 });
    budget.drain(T0);
    expect(budget.available(T0)).toBe(0);
    expect(budget.available(T0 + 3_000)).toBe(3);
  });
});
