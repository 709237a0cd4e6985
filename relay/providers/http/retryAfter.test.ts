import { describe, expect, it } from 'vitest';
import { nextMinute, parseRetryAfter } from './retryAfter.ts';

const NOW = Date.UTC(2026, 2, 3, 15, 30, 20, 500);

describe('parseRetryAfter(header, now)', () => {
  it('reads delta seconds', () => {
    expect(parseRetryAfter('30', NOW)).toBe(NOW + 30_000);
    expect(parseRetryAfter(' 1.5 ', NOW)).toBe(NOW + 1_500);
  });

  it('reads an HTTP date, never earlier than now', () => {
    expect(parseRetryAfter(new Date(NOW + 90_000).toUTCString(), NOW)).toBe(Math.floor((NOW + 90_000) / 1000) * 1000);
    expect(parseRetryAfter(new Date(NOW - 90_000).toUTCString(), NOW)).toBe(NOW);
  });

  it('returns null when absent or unreadable', () => {
    expect(parseRetryAfter(null, NOW)).toBeNull();
    expect(parseRetryAfter('', NOW)).toBeNull();
    expect(parseRetryAfter('soon', NOW)).toBeNull();
  });
});

describe('nextMinute(now)', () => {
  it('returns the start of the next wall-clock minute', () => {
    expect(nextMinute(NOW)).toBe(Date.UTC(2026, 2, 3, 15, 31));
    expect(nextMinute(Date.UTC(2026, 2, 3, 15, 31))).toBe(Date.UTC(2026, 2, 3, 15, 32));
  });
});
