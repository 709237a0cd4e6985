/** Clock times as the user's local wall clock, 24-hour; injectable time zone for tests. */

export interface TimeFormatOptions {
  seconds?: boolean;
  timeZone?: string;
}

/** en-GB short month names (CLDR: `Sept`). */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

interface Parts {
  year: number;
  month: number;
  day: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const intlParts = new Map<string, Intl.DateTimeFormat>();

/**
 * The wall-clock fields of `epochMs`: the user's own time zone and UTC from Date itself, other
 * zones through Intl. Date covers what the app shows: the page's first Intl formatter loads the
 * browser's locale data (20–40 ms on a desktop CPU, four times that on a phone).
 */
function partsOf(epochMs: number, timeZone?: string): Parts {
  const d = new Date(epochMs);
  if (timeZone === undefined) {
    return { year: d.getFullYear(), month: d.getMonth(), day: d.getDate(), hours: d.getHours(), minutes: d.getMinutes(), seconds: d.getSeconds() };
  }
  if (timeZone === 'UTC') {
    return { year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate(), hours: d.getUTCHours(), minutes: d.getUTCMinutes(), seconds: d.getUTCSeconds() };
  }
  let f = intlParts.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    intlParts.set(timeZone, f);
  }
  const parts = f.formatToParts(epochMs);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month') - 1, day: get('day'), hours: get('hour'), minutes: get('minute'), seconds: get('second') };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `14:03:27` (or `14:03` without seconds). */
export function formatClock(epochMs: number, options: TimeFormatOptions = {}): string {
  return clockOf(partsOf(epochMs, options.timeZone), options.seconds !== false);
}

function clockOf(p: Parts, seconds: boolean): string {
  const clock = `${pad(p.hours)}:${pad(p.minutes)}`;
  return seconds ? `${clock}:${pad(p.seconds)}` : clock;
}

/** Like formatClock, but prefixes the date (`28 Nov 15:59`) when `epochMs` is not on `now`'s day. */
export function formatDataTime(epochMs: number, now: number, options: TimeFormatOptions = {}): string {
  const p = partsOf(epochMs, options.timeZone), today = partsOf(now, options.timeZone);
  const clock = clockOf(p, options.seconds !== false);
  if (p.year === today.year && p.month === today.month && p.day === today.day) return clock;
  return `${p.day} ${MONTHS[p.month]} ${clock}`;
}

/** `just now`, `12 s ago`, `3 min ago`, `2 h ago`. */
export function formatAgo(ms: number): string {
  if (!Number.isFinite(ms) || ms < 1000) return 'just now';
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s} s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.floor(h / 24)} d ago`;
}
