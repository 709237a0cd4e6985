import { describe, expect, it } from 'vitest';
import { formatAgo, formatClock, formatDataTime } from './time.ts';

const T = Date.UTC(2026, 10, 28, 15, 59, 7);

/** What en-GB Intl.DateTimeFormat gives, the reference the hand-made formats follow. */
function reference(epochMs: number, now: number, timeZone: string | undefined, seconds: boolean): string {
  const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: seconds ? '2-digit' : undefined, hour12: false, timeZone }).format(epochMs);
  const day = (t: number) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'short', timeZone }).format(t);
  if (day(epochMs) === day(now)) return clock;
  return `${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone }).format(epochMs)} ${clock}`;
}

describe('time formats', () => {
  it('formatClock(t) gives a 24-hour clock, with or without seconds', () => {
    expect(formatClock(T, { timeZone: 'UTC' })).toBe('15:59:07');
    expect(formatClock(T, { timeZone: 'UTC', seconds: false })).toBe('15:59');
    expect(formatClock(Date.UTC(2026, 0, 1, 0, 5, 0), { timeZone: 'UTC' })).toBe('00:05:00');
  });

  it('formatDataTime(t, now) prefixes the date only when t is not on now’s day', () => {
    expect(formatDataTime(T, T + 60_000, { timeZone: 'UTC', seconds: false })).toBe('15:59');
    expect(formatDataTime(T, T + 86_400_000, { timeZone: 'UTC', seconds: false })).toBe('28 Nov 15:59');
    expect(formatDataTime(Date.UTC(2026, 8, 3, 9, 0), T, { timeZone: 'UTC' })).toBe('3 Sept 09:00:00');
  });

  it('formatDataTime(t, now) matches en-GB Intl.DateTimeFormat in the local zone, UTC and another zone', () => {
    for (const timeZone of [undefined, 'UTC', 'America/New_York']) {
      for (let i = 0; i < 300; i++) {
        const t = T + i * 7_777_777;
        const now = t + (i % 3) * 43_200_000;
        for (const seconds of [true, false]) expect(formatDataTime(t, now, { timeZone, seconds }), `${timeZone} ${t}`).toBe(reference(t, now, timeZone, seconds));
      }
    }
  });

  it('formatAgo(ms) counts seconds, minutes, hours and days', () => {
    expect(formatAgo(500)).toBe('just now');
    expect(formatAgo(12_000)).toBe('12 s ago');
    expect(formatAgo(3 * 60_000)).toBe('3 min ago');
    expect(formatAgo(50 * 3_600_000)).toBe('2 d ago');
  });
});
