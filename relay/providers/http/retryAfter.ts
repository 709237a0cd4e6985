/** When a 429 says to come back: `Retry-After` in seconds or as an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return now + Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(now, date) : null;
}

/** The start of the next wall-clock minute, for providers whose per-minute window gives no hint. */
export function nextMinute(now: number): number {
  return (Math.floor(now / 60_000) + 1) * 60_000;
}
