/**
 * Runs a task at most once per interval, always after the latest request: a burst of requests
 * becomes one run now (or as soon as the interval since the last run allows) and nothing is lost
 * at the end. Used for frames (~50 ms) and for persistence (seconds).
 */
import type { Timers } from './timers.ts';

export interface Throttle {
  request(): void;
  /** Runs now if a run is pending; resolves when it finished. */
  flush(): Promise<void>;
  cancel(): void;
}

export function createThrottle(o: { everyMs: number; timers: Timers; now: () => number; run: () => unknown }): Throttle {
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
      timer = o.timers.setTimeout(() => void fire(), Math.max(0, lastRun + o.everyMs - o.now()));
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
