import { describe, expect, it } from 'vitest';
import { addDays, newYorkEpoch, newYorkWallTime, weekdayOf } from './newYorkTime.ts';

describe('newYorkWallTime(ms)', () => {
  it('is UTC−5 in winter and UTC−4 in summer', () => {
    expect(newYorkWallTime(Date.UTC(2026, 0, 15, 14, 30))).toEqual({ day: '2026-01-15', minutes: 9 * 60 + 30 });
    expect(newYorkWallTime(Date.UTC(2026, 6, 15, 13, 30))).toEqual({ day: '2026-07-15', minutes: 9 * 60 + 30 });
  });

  it('switches offset at 02:00 local on the DST change days', () => {
    // 2026-03-08 06:59 UTC is 01:59 EST; one minute later the clock reads 03:00 EDT.
    expect(newYorkWallTime(Date.UTC(2026, 2, 8, 6, 59)).minutes).toBe(1 * 60 + 59);
    expect(newYorkWallTime(Date.UTC(2026, 2, 8, 7, 0)).minutes).toBe(3 * 60);
    // 2026-11-01 05:59 UTC is 01:59 EDT; the next minute is 01:00 EST again.
    expect(newYorkWallTime(Date.UTC(2026, 10, 1, 5, 59)).minutes).toBe(1 * 60 + 59);
    expect(newYorkWallTime(Date.UTC(2026, 10, 1, 6, 0)).minutes).toBe(1 * 60);
  });

  it('keeps seconds and milliseconds as a fraction of a minute', () => {
    expect(newYorkWallTime(Date.UTC(2026, 0, 15, 5, 0, 30, 500)).minutes).toBeCloseTo(30.5 / 60, 9);
  });

  it('puts late evening ET on the New York day, not the UTC day', () => {
    expect(newYorkWallTime(Date.UTC(2026, 0, 16, 3, 0)).day).toBe('2026-01-15');
  });
});

describe('newYorkEpoch(day, minutes)', () => {
  it('inverts newYorkWallTime on both sides of each DST change', () => {
    for (const day of ['2026-03-07', '2026-03-08', '2026-03-09', '2026-10-31', '2026-11-01', '2026-11-02']) {
      for (const minutes of [0, 4 * 60, 9 * 60 + 30, 16 * 60, 20 * 60, 23 * 60 + 59]) {
        expect(newYorkWallTime(newYorkEpoch(day, minutes))).toEqual({ day, minutes });
      }
    }
  });

  it('gives the UTC instant of a market open', () => {
    expect(newYorkEpoch('2026-03-06', 9 * 60 + 30)).toBe(Date.UTC(2026, 2, 6, 14, 30));
    expect(newYorkEpoch('2026-03-09', 9 * 60 + 30)).toBe(Date.UTC(2026, 2, 9, 13, 30));
  });
});

describe('addDays(day, count) and weekdayOf(day)', () => {
  it('crosses month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('numbers Sunday 0 through Saturday 6', () => {
    expect(weekdayOf('2026-03-08')).toBe(0);
    expect(weekdayOf('2026-03-14')).toBe(6);
  });
});
