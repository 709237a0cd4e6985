/**
 * The NYSE calendar: full holidays and early closes (regular trading ends 13:00 ET) for the years
 * listed in calendar.json. Dates are New York calendar days as `YYYY-MM-DD` keys ("day keys").
 * Outside the listed years every weekday counts as a normal trading day.
 */
import { z } from 'zod';
import shipped from './calendar.json' with { type: 'json' };
import { weekdayOf } from './newYorkTime.ts';

const DayKeySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'not a YYYY-MM-DD date')
  .refine((key) => new Date(`${key}T00:00:00Z`).toISOString().startsWith(key), 'not a real date')
  .refine((key) => weekdayOf(key) !== 0 && weekdayOf(key) !== 6, 'falls on a weekend');

const EntrySchema = z.strictObject({ date: DayKeySchema, name: z.string().min(1) });

const CalendarFileSchema = z
  .object({
    source: z.string(),
    years: z.array(z.number().int()).min(1),
    holidays: z.array(EntrySchema),
    early_closes: z.array(EntrySchema),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    for (const [list, entries] of [['holidays', file.holidays], ['early_closes', file.early_closes]] as const) {
      entries.forEach((entry, i) => {
        if (!file.years.includes(Number(entry.date.slice(0, 4)))) {
          ctx.addIssue({ code: 'custom', path: [list, i, 'date'], message: `outside the listed years: ${entry.date}` });
        }
        if (seen.has(entry.date)) {
          ctx.addIssue({ code: 'custom', path: [list, i, 'date'], message: `listed twice: ${entry.date}` });
        }
        seen.add(entry.date);
      });
    }
  });

export interface MarketCalendar {
  years: ReadonlySet<number>;
  /** Holiday name by day key. */
  holidays: ReadonlyMap<string, string>;
  /** Early-close occasion by day key. */
  earlyCloses: ReadonlyMap<string, string>;
}

/** Validates calendar data; throws an Error naming every bad entry. */
export function parseCalendar(data: unknown): MarketCalendar {
  const parsed = CalendarFileSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid market calendar: ${problems.join('; ')}`);
  }
  const file = parsed.data;
  return {
    years: new Set(file.years),
    holidays: new Map(file.holidays.map((e) => [e.date, e.name])),
    earlyCloses: new Map(file.early_closes.map((e) => [e.date, e.name])),
  };
}

/** The shipped calendar, validated once at load so a bad edit to calendar.json fails loudly. */
export const NYSE_CALENDAR: MarketCalendar = parseCalendar(shipped);
