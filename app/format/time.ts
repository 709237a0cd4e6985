/** Clock times as the user's local wall clock, 24-hour; injectable time zone for tests. */

export interface TimeFormatOptions {
  seconds?: boolean;
  timeZone?: string;
}

/** Building an Intl.DateTimeFormat is costly and banners format on every frame: reuse them. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', options);
    formatters.set(key, f);
  }
  return f;
}

/** `14:03:27` (or `14:03` without seconds). */
export function formatClock(epochMs: number, options: TimeFormatOptions = {}): string {
  const seconds = options.seconds !== false;
  return formatter(`clock/${seconds}/${options.timeZone ?? ''}`, {
    hour: '2-digit',
    minute: '2-digit',
    second: seconds ? '2-digit' : undefined,
    hour12: false,
    timeZone: options.timeZone,
  }).format(epochMs);
}

/** Like formatClock, but prefixes the date (`28 Nov 15:59`) when `epochMs` is not on `now`'s day. */
export function formatDataTime(epochMs: number, now: number, options: TimeFormatOptions = {}): string {
  const zone = options.timeZone ?? '';
  const day = (t: number) => formatter(`day/${zone}`, { dateStyle: 'short', timeZone: options.timeZone }).format(t);
  const clock = formatClock(epochMs, options);
  if (day(epochMs) === day(now)) return clock;
  const date = formatter(`date/${zone}`, { day: 'numeric', month: 'short', timeZone: options.timeZone }).format(epochMs);
  return `${date} ${clock}`;
}

/**
 * Builds the formatters the status bar uses for the local time zone. The first Intl.DateTimeFormat
 * of a page loads locale data (~15 ms on a desktop CPU, four times that on a phone); called in
 * idle time at start-up, that stays out of the render of the first frame.
 */
export function warmTimeFormats(now = Date.now()): void {
  formatDataTime(now, now, { seconds: false });
  formatDataTime(now, now - 86_400_000, { seconds: true });
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
