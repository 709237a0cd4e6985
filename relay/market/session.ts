/**
 * The US equity session at a moment: pre-market 04:00–09:30 ET, regular 09:30–16:00, after-hours
 * 16:00–20:00, closed otherwise. On early-close days regular trading ends at 13:00 and after-hours
 * at 17:00. Weekends and calendar holidays are closed all day.
 */
import type { Session } from '../protocol.ts';
import { NYSE_CALENDAR, type MarketCalendar } from './calendar.ts';
import { addDays, newYorkEpoch, newYorkWallTime, weekdayOf } from './newYorkTime.ts';

export interface SessionOptions {
  /** The simulated market pretends to be open whatever the calendar says. */
  simulatedOpen?: boolean;
  calendar?: MarketCalendar;
}

type Phase = Session['phase'];

interface Boundary {
  /** Minutes after New York midnight. */
  at: number;
  phase: Phase;
}

const LABELS: Record<Phase, string> = {
  pre: 'Pre-market',
  regular: 'Open',
  post: 'After-hours',
  closed: 'Closed',
};

/** A trading day's phase changes in order; empty for weekends and holidays. */
function boundariesOf(day: string, calendar: MarketCalendar): Boundary[] {
  const weekday = weekdayOf(day);
  if (weekday === 0 || weekday === 6 || calendar.holidays.has(day)) return [];
  const early = calendar.earlyCloses.has(day);
  return [
    { at: 4 * 60, phase: 'pre' },
    { at: 9 * 60 + 30, phase: 'regular' },
    { at: (early ? 13 : 16) * 60, phase: 'post' },
    { at: (early ? 17 : 20) * 60, phase: 'closed' },
  ];
}

/** Epoch ms when the first trading day after `day` opens its pre-market. */
function nextOpening(day: string, calendar: MarketCalendar): number {
  // The longest NYSE closure in the calendar is a holiday next to a weekend; two weeks is ample.
  for (let ahead = 1; ahead <= 14; ahead++) {
    const next = addDays(day, ahead);
    const first = boundariesOf(next, calendar)[0];
    if (first) return newYorkEpoch(next, first.at);
  }
  throw new Error(`no trading day within two weeks of ${day}`);
}

/** The session at `nowMs`, with the epoch ms of the next phase change. */
export function marketSession(nowMs: number, options: SessionOptions = {}): Session {
  if (options.simulatedOpen) {
    return { phase: 'regular', label: 'Open (simulated)', holiday: null, early_close: false, next_change: null, simulated: true };
  }
  const calendar = options.calendar ?? NYSE_CALENDAR;
  const { day, minutes } = newYorkWallTime(nowMs);
  const boundaries = boundariesOf(day, calendar);
  const phase = boundaries.findLast((b) => b.at <= minutes)?.phase ?? 'closed';
  const upcoming = boundaries.find((b) => b.at > minutes);
  const holiday = calendar.holidays.get(day) ?? null;
  return {
    phase,
    label: phase === 'closed' && holiday !== null ? `Closed — ${holiday}` : LABELS[phase],
    holiday,
    early_close: calendar.earlyCloses.has(day),
    next_change: upcoming ? newYorkEpoch(day, upcoming.at) : nextOpening(day, calendar),
    simulated: false,
  };
}
