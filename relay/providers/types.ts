/**
 * The provider interface: anything that can fetch quotes for a universe. The poller drives it;
 * the snapshot store validates what it returns. Real providers (massive, alpaca, finnhub) and the
 * simulated market all implement it, so the server never knows which one is running.
 */
import type { DropReason } from '../protocol.ts';
import type { UniverseMember } from '../universe.ts';

/** One normalized quote as a provider reports it, before the store's sanity checks. */
export interface ProviderQuote {
  /** Dot form (`BRK.B`), already mapped back from the provider's own spelling. */
  symbol: string;
  price: number;
  change: number;
  /** Percent units. */
  pct_change: number;
  volume: number;
  prev_close: number;
  /** The quote's own time, epoch ms. */
  timestamp: number;
}

/** A row the provider's zod schema refused, counted by reason and never broadcast. */
export interface RejectedRow {
  reason: DropReason;
  symbol?: string;
  detail: string;
}

export interface ProviderBatch {
  quotes: ProviderQuote[];
  rejected: RejectedRow[];
  /**
   * True when this batch was meant to cover the whole universe, so a symbol missing from it is
   * stale at once. Rotating providers (finnhub) return partial batches; their symbols go stale by age.
   */
  complete: boolean;
}

export interface ProviderLimits {
  /** Provider calls allowed per minute on the configured plan (Infinity for the simulator). */
  callsPerMinute: number;
  /** How many calls one full-universe refresh takes. */
  callsPerRefresh: number;
  /** The fastest full-universe refresh the limits allow, in ms. */
  fullRefreshMs: number;
}

export interface FetchContext {
  /** The symbols to cover (dot form). */
  universe: readonly UniverseMember[];
  /** Aborted when the poller gives up on this attempt (timeout or shutdown). */
  signal: AbortSignal;
  now: number;
}

export interface Provider {
  readonly id: string;
  limits(universeSize: number): ProviderLimits;
  /** One poll. Throws one of the typed errors below; never resolves with data it did not validate. */
  fetchQuotes(context: FetchContext): Promise<ProviderBatch>;
  /** Whether the provider publishes anything new while the market is closed (the simulator can). */
  readonly updatesWhenClosed: boolean;
}

/** What every HTTP provider's factory takes; providers add their own extras. */
export interface HttpProviderOptions {
  apiKey: string;
  /** Overrides the provider's host (STOCK_API_BASE_URL; tests point it at a fake upstream). */
  baseUrl?: string;
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
  now?: () => number;
  /** The plan's limit; defaults to the free tier's. */
  callsPerMinute?: number;
}

/** HTTP 429 or the provider's own limit signal. `retryAt` is epoch ms when known. */
export class RateLimitedError extends Error {
  override readonly name = 'RateLimitedError';
  constructor(message: string, readonly retryAt: number | null) {
    super(message);
  }
}

/** 401/403 or "unknown API key" style bodies: retrying will not help. Never include the key. */
export class AuthError extends Error {
  override readonly name = 'AuthError';
}

/** 5xx, timeouts, connection errors, malformed bodies: worth retrying with backoff. */
export class TransientError extends Error {
  override readonly name = 'TransientError';
}
