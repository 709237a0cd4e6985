import { describe, expect, it } from 'vitest';
import { createRotation, sweepCalls } from './rotation.ts';
import { syntheticUniverse } from '../../universe.ts';

const options = { hotCount: 20, hotEvery: 3 };

/** Calls until every symbol has come up at least once, by brute force. */
function callsToCover(size: number, opts = options): number {
  const rotation = createRotation(syntheticUniverse(size), opts);
  const seen = new Set<string>();
  let calls = 0;
  while (seen.size < size) {
    seen.add(rotation.next()!);
    calls++;
  }
  return calls;
}

describe('createRotation(universe, options)', () => {
  it('picks the hotCount largest market caps as hot', () => {
    const universe = syntheticUniverse(100);
    const rotation = createRotation(universe, options);
    const largest = [...universe].sort((a, b) => b.market_cap - a.market_cap).slice(0, 20).map((m) => m.symbol);
    expect([...rotation.hot].sort()).toEqual(largest.sort());
    expect(rotation.cold).toHaveLength(80);
  });

  it('gives one call in hotEvery to hot symbols, in turn', () => {
    const rotation = createRotation(syntheticUniverse(100), options);
    const calls = Array.from({ length: 60 }, () => rotation.next()!);
    const hotCalls = calls.filter((s) => rotation.hot.includes(s));
    expect(hotCalls).toHaveLength(20);
    expect(new Set(hotCalls).size).toBe(20);
  });

  it('cycles when everything is hot, and returns null for an empty universe', () => {
    const rotation = createRotation(syntheticUniverse(3), options);
    expect(new Set(Array.from({ length: 6 }, () => rotation.next())).size).toBe(3);
    expect(createRotation([], options).next()).toBeNull();
  });

  it('refuses hotEvery below 2, which would starve the cold symbols', () => {
    expect(() => createRotation([], { hotCount: 20, hotEvery: 1 })).toThrow('hotEvery must be at least 2: 1');
  });
});

describe('sweepCalls(universeSize, options)', () => {
  it.each([1, 20, 21, 22, 80, 200, 515])('matches the calls a rotation of %i symbols needs to cover everyone', (size) => {
    expect(sweepCalls(size, options)).toBe(callsToCover(size));
  });

  it('matches for other hot shares', () => {
    expect(sweepCalls(515, { hotCount: 50, hotEvery: 4 })).toBe(callsToCover(515, { hotCount: 50, hotEvery: 4 }));
    expect(sweepCalls(30, { hotCount: 25, hotEvery: 2 })).toBe(callsToCover(30, { hotCount: 25, hotEvery: 2 }));
  });
});
