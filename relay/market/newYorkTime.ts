/**
 * New York wall-clock time from epoch ms and back, using only Intl (no tz database of our own), so
 * daylight-saving changes follow whatever the runtime's ICU knows.
 */

const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export interface WallTime {
  /** New York calendar day, `YYYY-MM-DD`. */
  day: string;
  /** Minutes since New York midnight, with a fraction for seconds and ms. */
  minutes: number;
}

/** The wall time in New York as if it were UTC, in ms: the difference to `ms` is the UTC offset. */
function wallAsUtc(ms: number): number {
  const part: Record<string, number> = {};
  for (const { type, value } of formatter.formatToParts(ms)) part[type] = Number(value);
  const secondStart = Math.floor(ms / 1000) * 1000;
  return Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!) + (ms - secondStart);
}

/** Where `ms` falls on the New York clock. */
export function newYorkWallTime(ms: number): WallTime {
  const wall = wallAsUtc(ms);
  const day = new Date(wall).toISOString().slice(0, 10);
  return { day, minutes: (wall - Date.UTC(...dayParts(day))) / 60_000 };
}

/**
 * Epoch ms of `minutes` after midnight on New York `day`. Exact except inside the spring-forward
 * gap (02:00–03:00 ET), which no market boundary uses.
 */
export function newYorkEpoch(day: string, minutes: number): number {
  const guess = Date.UTC(...dayParts(day)) + minutes * 60_000;
  // The offset at the guess can differ from the offset at the answer across a DST change: redo once.
  const first = guess - (wallAsUtc(guess) - guess);
  return guess - (wallAsUtc(first) - first);
}

/** The day key `count` days after `day` (negative goes back). */
export function addDays(day: string, count: number): string {
  return new Date(Date.UTC(...dayParts(day)) + count * 86_400_000).toISOString().slice(0, 10);
}

/** Day of the week of a day key: 0 is Sunday, 6 is Saturday. */
export function weekdayOf(day: string): number {
  return new Date(Date.UTC(...dayParts(day))).getUTCDay();
}

function dayParts(day: string): [number, number, number] {
  return [Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))];
}
