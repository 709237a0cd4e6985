import { describe, expect, it } from 'vitest';
import { NYSE_CALENDAR, parseCalendar } from './calendar.ts';
import { addDays, weekdayOf } from './newYorkTime.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const key = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

/** The `nth` `weekday` of a month; nth = -1 is the last. */
function nthWeekday(year: number, month: number, weekday: number, nth: number): string {
  if (nth < 0) {
    let day = addDays(key(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1), -1);
    while (weekdayOf(day) !== weekday) day = addDays(day, -1);
    return day;
  }
  let day = key(year, month, 1);
  while (weekdayOf(day) !== weekday) day = addDays(day, 1);
  return addDays(day, 7 * (nth - 1));
}

/** Saturday holidays move to Friday, Sunday ones to Monday. */
function observed(day: string): string {
  const weekday = weekdayOf(day);
  return weekday === 6 ? addDays(day, -1) : weekday === 0 ? addDays(day, 1) : day;
}

/** Easter Sunday by the anonymous Gregorian algorithm. */
function easter(year: number): string {
  const a = year % 19, b = Math.floor(year / 100), c = year % 100;
  const d = Math.floor(b / 4), e = b % 4, f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30, i = Math.floor(c / 4), k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return key(year, month, ((h + l - 7 * m + 114) % 31) + 1);
}

/** NYSE rule 7.2 holidays; a Saturday New Year's Day is not observed on the Friday before. */
function ruleHolidays(year: number): string[] {
  const newYear = key(year, 1, 1);
  return [
    ...(weekdayOf(newYear) === 6 ? [] : [observed(newYear)]),
    nthWeekday(year, 1, 1, 3),
    nthWeekday(year, 2, 1, 3),
    addDays(easter(year), -2),
    nthWeekday(year, 5, 1, -1),
    observed(key(year, 6, 19)),
    observed(key(year, 7, 4)),
    nthWeekday(year, 9, 1, 1),
    nthWeekday(year, 11, 4, 4),
    observed(key(year, 12, 25)),
  ];
}

describe('NYSE_CALENDAR', () => {
  it('holds exactly the rule-derived holidays for each covered year', () => {
    for (const year of NYSE_CALENDAR.years) {
      const listed = [...NYSE_CALENDAR.holidays.keys()].filter((d) => d.startsWith(`${year}-`));
      expect(listed.sort()).toEqual(ruleHolidays(year).sort());
    }
  });

  it('closes early the day after Thanksgiving and on a trading Christmas Eve', () => {
    for (const year of NYSE_CALENDAR.years) {
      const christmasEve = key(year, 12, 24);
      const expected = [addDays(nthWeekday(year, 11, 4, 4), 1)];
      const weekend = weekdayOf(christmasEve) === 0 || weekdayOf(christmasEve) === 6;
      if (!weekend && !NYSE_CALENDAR.holidays.has(christmasEve)) expected.push(christmasEve);
      const listed = [...NYSE_CALENDAR.earlyCloses.keys()].filter((d) => d.startsWith(`${year}-`));
      expect(listed.sort()).toEqual(expected.sort());
    }
  });

  it('names Thanksgiving 2026', () => {
    expect(NYSE_CALENDAR.holidays.get('2026-11-26')).toBe('Thanksgiving Day');
  });
});

describe('parseCalendar(data)', () => {
  const base = { source: 'test', years: [2026], holidays: [], early_closes: [] };

  it('accepts an empty calendar', () => {
    expect(parseCalendar(base).holidays.size).toBe(0);
  });

  it('rejects a holiday on a weekend', () => {
    expect(() => parseCalendar({ ...base, holidays: [{ date: '2026-07-04', name: 'Independence Day' }] })).toThrow(
      'holidays.0.date: falls on a weekend',
    );
  });

  it('rejects an impossible date', () => {
    expect(() => parseCalendar({ ...base, holidays: [{ date: '2026-02-30', name: 'x' }] })).toThrow('not a real date');
  });

  it('rejects a date outside the listed years', () => {
    expect(() => parseCalendar({ ...base, early_closes: [{ date: '2027-11-26', name: 'x' }] })).toThrow(
      'early_closes.0.date: outside the listed years: 2027-11-26',
    );
  });

  it('rejects a day listed as both holiday and early close', () => {
    const entry = { date: '2026-12-24', name: 'x' };
    expect(() => parseCalendar({ ...base, holidays: [entry], early_closes: [entry] })).toThrow('listed twice: 2026-12-24');
  });
});
