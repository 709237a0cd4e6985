/**
 * Runs a task at most once per interval, always after the latest request: a burst of requests
 * becomes one run now (or as soon as the interval since the last run allows) and nothing is lost
 * at the end. Used for frames (~50 ms) and for persistence (seconds).
 *
 * `firstDelayMs` holds the first run back after the first request: persistence uses it so the
 * first save does not compete with the app's start-up for the device's cores.
 */
import type { Timers } from './timers.ts';

export interface Throttle {
  request(): void;
  /** Runs now if a run is pending; resolves when it finished. */
  flush(): Promise<void>;
  cancel(): void;
}

export function createThrottle(o: { everyMs: number; firstDelayMs?: number; timers: Timers; now: () => number; run: () => unknown }): Throttle {
  let timer: unknown = null;
  let lastRun = -Infinity;
  async function fire(): Promise<void> {
    timer = null;
    lastRun = o.now();
    await o.run();
  }
  return {
    request() {
      if (timer !== null) return;
      const wait = lastRun === -Infinity ? (o.firstDelayMs ?? 0) : Math.max(0, lastRun + o.everyMs - o.now());
      timer = o.timers.setTimeout(() => void fire(), wait);
    },
    async flush() {
      if (timer === null) return;
      o.timers.clearTimeout(timer);
      await fire();
    },
    cancel() {
      if (timer !== null) o.timers.clearTimeout(timer);
      timer = null;
    },
  };
}
