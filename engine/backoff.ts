/**
 * Reconnect delays: exponential with "equal jitter" — half the ceiling fixed, half random — so a
 * relay restart does not get every client back in the same millisecond, and no delay is ever zero.
 */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  random: () => number;
}

/** Delay before attempt `attempt` (1 = first retry). */
export function backoffDelay(attempt: number, o: BackoffOptions): number {
  const ceiling = Math.min(o.maxMs, o.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (o.random() * ceiling) / 2);
}
