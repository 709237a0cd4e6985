import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.ts';

describe('backoffDelay(attempt, options)', () => {
  const at = (random: number) => (attempt: number) => backoffDelay(attempt, { baseMs: 500, maxMs: 30_000, random: () => random });

  it('doubles per attempt up to the cap', () => {
    expect([1, 2, 3, 4, 7, 8, 20].map(at(1))).toEqual([500, 1000, 2000, 4000, 30_000, 30_000, 30_000]);
  });

  it('jitters between half and all of the ceiling', () => {
    expect([1, 3, 10].map(at(0))).toEqual([250, 1000, 15_000]);
    expect(at(0.5)(3)).toBe(1500);
  });
});
