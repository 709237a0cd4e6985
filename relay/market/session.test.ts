import { describe, expect, it } from 'vitest';
import { SessionSchema } from '../protocol.ts';
import { NYSE_CALENDAR } from './calendar.ts';
import { newYorkEpoch } from './newYorkTime.ts';
import { marketSession } from './session.ts';

/** Epoch ms of an ET wall time, written as `hh:mm`. */
const et = (day: string, time: string) => newYorkEpoch(day, Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)));

describe('marketSession(nowMs)', () => {
  it('walks a normal day through every phase with the next boundary as next_change', () => {
    const day = '2026-03-11';
    const rows = ['03:59', '04:00', '09:29', '09:30', '15:59', '16:00', '19:59', '20:00'].map((time) => {
      const s = marketSession(et(day, time));
      return [time, s.phase, s.label, s.next_change];
    });
    expect(rows).toEqual([
      ['03:59', 'closed', 'Closed', et(day, '04:00')],
      ['04:00', 'pre', 'Pre-market', et(day, '09:30')],
      ['09:29', 'pre', 'Pre-market', et(day, '09:30')],
      ['09:30', 'regular', 'Open', et(day, '16:00')],
      ['15:59', 'regular', 'Open', et(day, '16:00')],
      ['16:00', 'post', 'After-hours', et(day, '20:00')],
      ['19:59', 'post', 'After-hours', et(day, '20:00')],
      ['20:00', 'closed', 'Closed', et('2026-03-12', '04:00')],
    ]);
  });

  it('is regular at 09:31 ET on the Monday after DST starts (13:31 UTC)', () => {
    expect(marketSession(Date.UTC(2026, 2, 9, 13, 31)).phase).toBe('regular');
    // The same UTC time the Friday before was 08:31 EST.
    expect(marketSession(Date.UTC(2026, 2, 6, 13, 31)).phase).toBe('pre');
  });

  it('is still pre-market at 09:29 ET on the Monday after DST ends (14:29 UTC)', () => {
    expect(marketSession(Date.UTC(2026, 10, 2, 14, 29)).phase).toBe('pre');
    expect(marketSession(Date.UTC(2026, 10, 2, 14, 31)).phase).toBe('regular');
  });

  it('is closed over a weekend, with next_change at Monday 04:00 across the DST change', () => {
    const saturday = marketSession(et('2026-03-07', '12:00'));
    expect(saturday).toMatchObject({ phase: 'closed', label: 'Closed', holiday: null, early_close: false });
    expect(saturday.next_change).toBe(Date.UTC(2026, 2, 9, 8, 0));
    expect(marketSession(et('2026-03-06', '20:00')).next_change).toBe(Date.UTC(2026, 2, 9, 8, 0));
  });

  it('is closed all day on every listed holiday and names it', () => {
    for (const [day, name] of NYSE_CALENDAR.holidays) {
      for (const time of ['05:00', '10:00', '17:00']) {
        expect(marketSession(et(day, time))).toMatchObject({ phase: 'closed', holiday: name, label: `Closed — ${name}` });
      }
    }
    expect(marketSession(et('2026-11-26', '10:00')).label).toBe('Closed — Thanksgiving Day');
  });

  it('skips a holiday and the weekend after it when computing next_change', () => {
    // Thursday 2026-07-02 after-hours end → Friday 07-03 is the Independence Day holiday → Monday.
    expect(marketSession(et('2026-07-02', '20:00')).next_change).toBe(et('2026-07-06', '04:00'));
    expect(marketSession(et('2026-07-03', '10:00')).next_change).toBe(et('2026-07-06', '04:00'));
  });

  it('ends regular trading at 13:00 and after-hours at 17:00 on an early-close day', () => {
    const day = '2026-11-27';
    expect(marketSession(et(day, '12:59'))).toMatchObject({ phase: 'regular', early_close: true, next_change: et(day, '13:00') });
    expect(marketSession(et(day, '13:00'))).toMatchObject({ phase: 'post', early_close: true, next_change: et(day, '17:00') });
    expect(marketSession(et(day, '17:00'))).toMatchObject({ phase: 'closed', next_change: et('2026-11-30', '04:00') });
  });

  it('treats days beyond the calendar as normal weekdays and still computes next_change', () => {
    // 2028-07-04 is Independence Day, but 2028 is not in the shipped calendar.
    expect(marketSession(et('2028-07-04', '10:00'))).toMatchObject({ phase: 'regular', holiday: null, next_change: et('2028-07-04', '16:00') });
    expect(marketSession(et('2028-07-08', '10:00')).next_change).toBe(et('2028-07-10', '04:00'));
  });

  it('always produces a Session the wire schema accepts', () => {
    for (let t = Date.UTC(2026, 10, 20); t < Date.UTC(2026, 11, 2); t += 37 * 60_000) {
      expect(SessionSchema.safeParse(marketSession(t)).success).toBe(true);
    }
  });
});

describe('marketSession(nowMs, { simulatedOpen: true })', () => {
  it('reports an open simulated session even on a holiday', () => {
    expect(marketSession(et('2026-12-25', '03:00'), { simulatedOpen: true })).toEqual({
      phase: 'regular',
      label: 'Open (simulated)',
      holiday: null,
      early_close: false,
      next_change: null,
      simulated: true,
    });
  });
});
