import { describe, expect, it } from 'vitest';
import { toEpochMs } from './epoch.ts';

const MS = Date.UTC(2026, 2, 3, 15, 30, 7, 123);

describe('toEpochMs(value)', () => {
  it('reads seconds, milliseconds, microseconds and nanoseconds by magnitude', () => {
    expect(toEpochMs(Math.floor(MS / 1000))).toBe(MS - 123);
    expect(toEpochMs(MS)).toBe(MS);
    expect(toEpochMs(MS * 1000 + 456)).toBe(MS);
    expect(toEpochMs(MS * 1e6 + 456_789)).toBe(MS);
  });

  it('decodes the Massive OpenAPI example ns timestamp', () => {
    expect(toEpochMs(1605195918306274000)).toBe(1605195918306);
  });
});
