/**
 * The poller asks the provider for quotes every `intervalMs`, one attempt at a time (an attempt is
 * aborted after `timeoutMs`), and turns failures into the upstream state clients see:
 *
 * - transient failure: up to `maxRetries` retries with exponential backoff and full jitter
 *   (base 1 s, cap 60 s) while `degraded`; then `down`, still trying every 30 s, recovering alone.
 * - rate limited: no retries; wait until `retryAt` (exponential backoff when unknown) while
 *   `rate_limited`, and double the interval (up to 5 min); 5 successes in a row halve it again.
 * - auth error: `down` with the provider's reason, logged once, re-checked every 5 min.
 * - market closed (and the provider publishes nothing then): one poll per 5 min, but the clock is
 *   checked every minute, so normal polling resumes within a minute of the session opening.
 */
import type { Logger } from './log.ts';
import type { UpstreamState } from './protocol.ts';
import type { UniverseMember } from './universe.ts';
import { AuthError, RateLimitedError, TransientError, type Provider, type ProviderBatch } from './providers/types.ts';

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 60_000;
export const DOWN_RETRY_MS = 30_000;
export const AUTH_RECHECK_MS = 300_000;
export const MAX_INTERVAL_MS = 300_000;
export const SHRINK_AFTER_SUCCESSES = 5;
export const CLOSED_POLL_MS = 300_000;
export const CLOSED_CHECK_MS = 60_000;

export interface PollerState {
  status: UpstreamState;
  /** Why the state is not `ok`; never contains the API key (provider errors are built without it). */
  reason: string | null;
  /** When the next attempt is due (epoch ms) while not `ok`. */
  retry_at: number | null;
  /** The current polling interval, lengthened while rate limited or the market is closed. */
  interval_ms: number;
}

export interface PollerTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface PollerOptions {
  provider: Provider;
  universe: readonly UniverseMember[];
  intervalMs: number;
  maxRetries: number;
  timeoutMs: number;
  /** False outside the pre-market, regular and after-hours sessions. */
  isMarketActive?: (now: number) => boolean;
  onBatch: (batch: ProviderBatch, now: number) => void;
  /** Called whenever the state changes, not on every success. */
  onState: (state: PollerState) => void;
  log: Logger;
  now?: () => number;
  /** Defaults to the global timers, looked up at call time so fake timers apply. */
  timers?: PollerTimers;
  /** For the backoff jitter; tests make it deterministic. */
  random?: () => number;
}

export interface Poller {
  /** Cancels the timer and any attempt in flight; resolves once nothing is running. */
  stop(): Promise<void>;
  /** Polls at once (after the attempt in flight, if any); ignored while a rate limit or auth wait runs. */
  pollNow(): void;
}

/** Full jitter: uniform in [0, min(cap, base × 2^(attempt−1))). */
export function backoffDelay(attempt: number, random: () => number): number {
  return Math.floor(random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1)));
}

const globalTimers: PollerTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function startPoller(options: PollerOptions): Poller {
  const { provider, log, intervalMs: baseInterval } = options;
  const now = options.now ?? Date.now;
  const timers = options.timers ?? globalTimers;
  const random = options.random ?? Math.random;
  const isActive = (t: number) => provider.updatesWhenClosed || (options.isMarketActive?.(t) ?? true);

  let state: PollerState = { status: 'ok', reason: null, retry_at: null, interval_ms: baseInterval };
  let interval = baseInterval;
  let successes = 0;
  let failures = 0;
  let rateLimits = 0;
  let dueAt = now();
  /** While a rate limit or auth wait runs, not even pollNow may call the provider before this. */
  let holdUntil: number | null = null;
  let lastAttemptAt: number | null = null;
  let timer: unknown = null;
  let controller: AbortController | null = null;
  let inFlight: Promise<void> | null = null;
  let forced = false;
  let stopped = false;

  const limits = provider.limits(options.universe.length);
  log.info('poller started', {
    provider: provider.id, interval_ms: baseInterval, calls_per_minute: limits.callsPerMinute,
    calls_per_refresh: limits.callsPerRefresh, full_refresh_ms: limits.fullRefreshMs,
  });

  function setState(next: Omit<PollerState, 'interval_ms'>, active = isActive(now())): void {
    const full = { ...next, interval_ms: active ? interval : Math.max(interval, CLOSED_POLL_MS) };
    if (full.status === state.status && full.reason === state.reason && full.retry_at === state.retry_at && full.interval_ms === state.interval_ms) return;
    state = full;
    options.onState({ ...state });
  }

  /** Sets the timer for the next attempt, or for the next clock check while the market is closed. */
  function plan(): void {
    if (stopped) return;
    if (timer !== null) timers.clearTimeout(timer);
    const t = now();
    const active = isActive(t);
    if (state.status === 'ok') setState(state, active); // interval_ms follows the session
    const allowedAt = active || lastAttemptAt === null ? dueAt : Math.max(dueAt, lastAttemptAt + CLOSED_POLL_MS);
    const wait = active ? allowedAt - t : Math.min(allowedAt - t, CLOSED_CHECK_MS);
    timer = timers.setTimeout(tick, Math.max(0, wait));
  }

  function tick(): void {
    timer = null;
    if (stopped || inFlight) return;
    const t = now();
    const active = isActive(t);
    const allowedAt = active || lastAttemptAt === null ? dueAt : Math.max(dueAt, lastAttemptAt + CLOSED_POLL_MS);
    if (!forced && t < allowedAt) return plan();
    forced = false;
    inFlight = attempt().finally(() => {
      inFlight = null;
      if (forced) tick();
      else plan();
    });
  }

  async function attempt(): Promise<void> {
    const start = now();
    lastAttemptAt = start;
    const attemptController = new AbortController();
    controller = attemptController;
    const timeout = timers.setTimeout(
      () => attemptController.abort(new TransientError(`${provider.id}: no response within ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    const aborted = new Promise<never>((_, reject) => {
      attemptController.signal.addEventListener('abort', () => reject(attemptController.signal.reason), { once: true });
    });
    const fetching = Promise.resolve().then(() => provider.fetchQuotes({ universe: options.universe, signal: attemptController.signal, now: start }));
    fetching.catch(() => {}); // a provider that ignores the signal may still reject later
    try {
      const batch = await Promise.race([fetching, aborted]);
      if (!stopped) succeed(batch, start);
    } catch (error) {
      if (!stopped) fail(error);
    } finally {
      timers.clearTimeout(timeout);
      controller = null;
    }
  }

  function succeed(batch: ProviderBatch, start: number): void {
    if (state.status !== 'ok') log.info('upstream recovered', { provider: provider.id, was: state.status });
    failures = 0;
    rateLimits = 0;
    holdUntil = null;
    successes++;
    if (interval > baseInterval && successes >= SHRINK_AFTER_SUCCESSES) {
      interval = Math.max(baseInterval, Math.round(interval / 2));
      successes = 0;
    }
    dueAt = start + interval;
    try {
      options.onBatch(batch, now());
    } catch (error) {
      log.error('batch handler failed', { error: error instanceof Error ? error.message : String(error) });
    }
    setState({ status: 'ok', reason: null, retry_at: null });
  }

  function fail(error: unknown): void {
    const t = now();
    const reason = error instanceof Error ? error.message : String(error);
    successes = 0;
    if (error instanceof AuthError) {
      if (!(state.status === 'down' && state.reason === reason)) log.error('provider refused the credentials; re-checking every 5 min', { provider: provider.id, reason });
      dueAt = holdUntil = t + AUTH_RECHECK_MS;
      return setState({ status: 'down', reason, retry_at: dueAt });
    }
    if (error instanceof RateLimitedError) {
      rateLimits++;
      failures = 0;
      interval = Math.min(Math.max(MAX_INTERVAL_MS, baseInterval), interval * 2);
      const wait = error.retryAt !== null ? error.retryAt - t : backoffDelay(rateLimits, random);
      dueAt = holdUntil = t + Math.max(wait, interval);
      log.warn('provider rate limit reached', { provider: provider.id, reason, retry_at: dueAt, interval_ms: interval });
      return setState({ status: 'rate_limited', reason, retry_at: dueAt });
    }
    failures++;
    holdUntil = null;
    if (failures <= options.maxRetries) {
      dueAt = t + backoffDelay(failures, random);
      log.warn('provider request failed; retrying', { provider: provider.id, reason, attempt: failures, max_retries: options.maxRetries });
      return setState({ status: 'degraded', reason, retry_at: dueAt });
    }
    dueAt = t + Math.max(interval, DOWN_RETRY_MS);
    if (state.status !== 'down') log.error('provider down; retrying every 30 s', { provider: provider.id, reason, retries: options.maxRetries });
    setState({ status: 'down', reason: `${reason} (still failing after ${options.maxRetries} retries)`, retry_at: dueAt });
  }

  timer = timers.setTimeout(tick, 0);

  return {
    async stop() {
      stopped = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      controller?.abort(new TransientError('poller stopped'));
      await inFlight;
    },
    pollNow() {
      if (stopped) return;
      if (holdUntil !== null && now() < holdUntil) return log.debug('pollNow ignored while waiting out a limit', { retry_at: holdUntil });
      forced = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      if (!inFlight) tick();
    },
  };
}
