/**
 * A call budget for a provider with per-minute and per-second caps (Finnhub: 60/min on the free
 * plan, 30/s on every plan). A token bucket refilling at the per-minute rate spreads the calls
 * evenly across polls; a log of recent call times is the hard guarantee that no sliding minute or
 * second ever holds more calls than the caps.
 */
export interface CallBudgetOptions {
  perMinute: number;
  perSecond: number;
  /** Creation time, epoch ms; the bucket starts full. */
  now: number;
}

export interface CallBudget {
  /** How many calls may start at `at` without breaking either cap. */
  available(at: number): number;
  /** Records one call starting at `at`. */
  spend(at: number): void;
  /** Drops saved-up tokens, e.g. after a 429 showed the provider counts more calls than we do. */
  drain(at: number): void;
}

const MINUTE_MS = 60_000;
const SECOND_MS = 1_000;

export function createCallBudget(options: CallBudgetOptions): CallBudget {
  const { perMinute, perSecond } = options;
  const capacity = Math.min(perMinute, perSecond);
  const perMs = perMinute / MINUTE_MS;
  let tokens = capacity;
  let refilledAt = options.now;
  const starts: number[] = [];

  function refill(at: number): void {
    if (at > refilledAt) {
      tokens = Math.min(capacity, tokens + (at - refilledAt) * perMs);
      refilledAt = at;
    }
    while (starts.length > 0 && starts[0]! <= at - MINUTE_MS) starts.shift();
  }

  function startsAfter(t: number): number {
    let count = 0;
    for (let i = starts.length - 1; i >= 0 && starts[i]! > t; i--) count++;
    return count;
  }

  return {
    available(at) {
      refill(at);
      const bucket = Math.floor(tokens + 1e-9);
      return Math.max(0, Math.min(bucket, perMinute - starts.length, perSecond - startsAfter(at - SECOND_MS)));
    },
    spend(at) {
      refill(at);
      tokens -= 1;
      starts.push(at);
    },
    drain(at) {
      refill(at);
      tokens = Math.min(tokens, 0);
    },
  };
}
