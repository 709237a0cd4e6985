import { describe, expect, it } from 'vitest';
import { createRandom, hashString } from './random.ts';

const draw = (seed: number, count: number) => {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => random.next());
};

function moments(values: number[]) {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  const kurtosis = values.reduce((s, v) => s + (v - mean) ** 4, 0) / values.length / variance ** 2;
  return { mean, variance, kurtosis };
}

describe('createRandom(seed)', () => {
  it('replays the same sequence for the same seed and a different one for another seed', () => {
    expect(draw(7, 50)).toEqual(draw(7, 50));
    expect(draw(8, 50)).not.toEqual(draw(7, 50));
  });

  it('next() stays in [0, 1) with a uniform mean', () => {
    const values = draw(1, 100_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(moments(values).mean).toBeCloseTo(0.5, 2);
  });

  it('normal() has mean 0, variance 1 and kurtosis near 3', () => {
    const random = createRandom(2);
    const { mean, variance, kurtosis } = moments(Array.from({ length: 100_000 }, () => random.normal()));
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(variance).toBeGreaterThan(0.98);
    expect(variance).toBeLessThan(1.02);
    expect(kurtosis).toBeGreaterThan(2.9);
    expect(kurtosis).toBeLessThan(3.1);
  });

  it('studentT(4) has unit variance and fatter tails than a normal', () => {
    const random = createRandom(3);
    const { variance, kurtosis } = moments(Array.from({ length: 200_000 }, () => random.studentT(4)));
    expect(variance).toBeGreaterThan(0.9);
    expect(variance).toBeLessThan(1.1);
    expect(kurtosis).toBeGreaterThan(5);
  });

  it('studentT(5), an odd nu, also has unit variance', () => {
    const random = createRandom(4);
    const { variance } = moments(Array.from({ length: 200_000 }, () => random.studentT(5)));
    expect(variance).toBeGreaterThan(0.95);
    expect(variance).toBeLessThan(1.05);
  });

  it('studentT(nu) refuses a nu without finite variance', () => {
    expect(() => createRandom(1).studentT(2)).toThrow('studentT needs an integer nu in 3..100, got: 2');
  });
});

describe('hashString(text, seed)', () => {
  it('depends on both the text and the seed', () => {
    expect(hashString('AAPL', 1)).toBe(hashString('AAPL', 1));
    expect(hashString('AAPL', 1)).not.toBe(hashString('AAPL', 2));
    expect(hashString('AAPL', 1)).not.toBe(hashString('MSFT', 1));
  });
});
