/**
 * Finnhub `/quote`, one symbol per call (PROVIDERS.md §1), driven by a rate-aware rotation:
 * each poll spends what the call budget has saved up since the previous poll (60/min and 30/s by
 * default), the 20 largest market caps get one call in three, and the rest are swept in turn.
 * Every batch is partial (`complete: false`); symbols go stale by age. A poll the budget leaves
 * with no call repeats the last call's failure, so an outage is not hidden behind empty successes.
 *
 * The key goes in the `X-Finnhub-Token` header (documented alongside `?token=`), never the URL.
 * `/quote` has no volume: quotes carry volume 0, which means "unknown", not "no trades".
 */
import { z } from 'zod';
import { AuthError, RateLimitedError, TransientError } from './types.ts';
import type { FetchContext, HttpProviderOptions, Provider, ProviderBatch, ProviderLimits } from './types.ts';
import type { UniverseMember } from '../universe.ts';
import { requestText, type HttpResult } from './http/request.ts';
import { endpointUrl } from './http/url.ts';
import { httpDetail, parseJsonBody, upstreamMessage } from './http/body.ts';
import { nextMinute, parseRetryAfter } from './http/retryAfter.ts';
import { toEpochMs } from './http/epoch.ts';
import { toProviderSymbol } from './http/symbols.ts';
import { isRejected, validateRow, type RowResult } from './http/rows.ts';
import { createCallBudget } from './http/callBudget.ts';
import { createRotation, sweepCalls, type Rotation, type RotationOptions } from './http/rotation.ts';

export const FINNHUB_DEFAULT_BASE_URL = 'https://finnhub.io';
export const FINNHUB_QUOTE_PATH = '/api/v1/quote';
export const FINNHUB_FREE_CALLS_PER_MINUTE = 60;
/** Finnhub's hard cap on every plan. */
export const FINNHUB_CALLS_PER_SECOND = 30;

export interface FinnhubOptions extends HttpProviderOptions {
  callsPerSecond?: number;
  /** How many of the largest market caps count as most watched. */
  hotCount?: number;
  /** Calls in flight at once within one poll. */
  concurrency?: number;
}

const FinnhubQuoteSchema = z.object({
  c: z.number(),
  d: z.number().nullable(),
  dp: z.number().nullable(),
  pc: z.number(),
  t: z.number(),
});
type FinnhubQuote = z.infer<typeof FinnhubQuoteSchema>;

export function createFinnhubProvider(options: FinnhubOptions): Provider {
  // finnhub-python's base includes /api/v1; accept either spelling.
  const baseUrl = (options.baseUrl || FINNHUB_DEFAULT_BASE_URL).replace(/\/+$/, '').replace(/\/api\/v1$/, '');
  const now = options.now ?? Date.now;
  const callsPerMinute = options.callsPerMinute ?? FINNHUB_FREE_CALLS_PER_MINUTE;
  const rotationOptions: RotationOptions = { hotCount: options.hotCount ?? 20, hotEvery: 3 };
  const budget = createCallBudget({ perMinute: callsPerMinute, perSecond: options.callsPerSecond ?? FINNHUB_CALLS_PER_SECOND, now: now() });
  const secrets = [options.apiKey];
  let blockedUntil: number | null = null;
  /** The outcome of the last poll that made calls, repeated by polls the budget leaves with none. */
  let lastFailure: Error | null = null;
  let rotation: { universe: readonly UniverseMember[]; order: Rotation } | null = null;

  async function fetchOne(symbol: string, context: FetchContext): Promise<RowResult> {
    const response = await requestText({
      url: endpointUrl(baseUrl, FINNHUB_QUOTE_PATH, { symbol: toProviderSymbol(symbol, 'dot') }),
      headers: { 'X-Finnhub-Token': options.apiKey, Accept: 'application/json' },
      signal: context.signal,
      timeoutMs: options.timeoutMs ?? 8000,
      fetch: options.fetch ?? globalThis.fetch,
      label: 'finnhub',
    });
    const failure = finnhubError(response, now(), secrets);
    if (failure) throw failure;
    const json = parseJsonBody(response.body, 'finnhub');
    // Some errors arrive as 200 with {"error": "..."}.
    const error = (json as { error?: unknown } | null)?.error;
    if (typeof error === 'string') throw classifyFinnhub(response.status, upstreamMessage(response.body, secrets), now());
    return validateRow(json, symbol, { schema: FinnhubQuoteSchema, normalize: normalizeFinnhubQuote }, context.now);
  }

  function orderFor(universe: readonly UniverseMember[]): Rotation {
    if (rotation?.universe !== universe) rotation = { universe, order: createRotation(universe, rotationOptions) };
    return rotation.order;
  }

  return {
    id: 'finnhub',
    updatesWhenClosed: false,
    limits(universeSize): ProviderLimits {
      const callsPerRefresh = sweepCalls(universeSize, rotationOptions);
      return { callsPerMinute, callsPerRefresh, fullRefreshMs: (callsPerRefresh * 60_000) / callsPerMinute };
    },
    async fetchQuotes(context) {
      const start = now();
      if (blockedUntil !== null && start < blockedUntil) {
        throw new RateLimitedError('finnhub API limit reached; waiting for the next minute', blockedUntil);
      }
      const order = orderFor(context.universe);
      const allowed = budget.available(start);
      // A poll with no call to make must not report a healthy upstream it has not seen.
      if (allowed === 0 && lastFailure) throw lastFailure;
      const batch: ProviderBatch = { quotes: [], rejected: [], complete: false };
      let issued = 0;
      let succeeded = 0;
      let failure: Error | null = null;
      // One call per symbol per poll: with a budget larger than the universe, a repeat is waste.
      const seen = new Set<string>();
      const nextSymbol = () => {
        for (let tries = 0; tries <= context.universe.length; tries++) {
          const symbol = order.next();
          if (symbol === null || !seen.has(symbol)) return symbol === null ? null : (seen.add(symbol), symbol);
        }
        return null;
      };
      const worker = async () => {
        while (failure === null && issued < allowed && !context.signal.aborted) {
          const symbol = nextSymbol();
          if (symbol === null) return;
          issued++;
          budget.spend(now());
          try {
            const row = await fetchOne(symbol, context);
            if (isRejected(row)) batch.rejected.push(row);
            else batch.quotes.push(row);
            succeeded++;
          } catch (error) {
            failure = worse(failure, error);
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, allowed) }, worker));
      const failed = failure as Error | null;
      if (failed instanceof RateLimitedError) {
        budget.drain(now());
        blockedUntil = failed.retryAt;
      }
      if (issued > 0) lastFailure = succeeded > 0 && !(failed instanceof AuthError) ? null : failed;
      if (failed && (failed instanceof AuthError || succeeded === 0)) throw failed;
      return batch;
    },
  };
}

/** Auth beats rate limiting beats transient: the most actionable error is the one reported. */
function worse(current: Error | null, next: unknown): Error {
  const error = next instanceof Error ? next : new TransientError(`finnhub: ${String(next)}`);
  const rank = (e: Error | null) => (e instanceof AuthError ? 3 : e instanceof RateLimitedError ? 2 : e ? 1 : 0);
  return rank(error) > rank(current) ? error : current!;
}

/** Maps a non-2xx response to the poller's error kinds (PROVIDERS.md §1, §9), or null. */
export function finnhubError(response: HttpResult, now: number, secrets: readonly string[]): Error | null {
  if (response.status >= 200 && response.status < 300) return null;
  const error = classifyFinnhub(response.status, upstreamMessage(response.body, secrets), now);
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'), now);
  return error instanceof RateLimitedError && retryAfter !== null ? new RateLimitedError(error.message, retryAfter) : error;
}

/**
 * A missing or bad token also comes back as 429 "API limit reached. Please sign up…": that is an
 * auth problem, and retrying it every minute forever would help nobody.
 */
export function classifyFinnhub(status: number, message: string, now: number): Error {
  const detail = httpDetail(status, message);
  const text = message.toLowerCase();
  if (text.includes('sign up') || text.includes('invalid api key') || status === 401) {
    return new AuthError(`finnhub rejected the API key (${detail}); check STOCK_API_KEY`);
  }
  if (text.includes("don't have access") || text.includes('do not have access') || status === 403) {
    return new AuthError(`finnhub: the plan has no access to quotes (${detail})`);
  }
  if (status === 429 || text.includes('api limit reached')) {
    return new RateLimitedError(`finnhub API limit reached (${detail})`, nextMinute(now));
  }
  return new TransientError(`finnhub: upstream error (${detail})`);
}

/** Finnhub answers an unknown symbol with zeros and nulls rather than an error. */
export function normalizeFinnhubQuote(quote: FinnhubQuote, symbol: string): RowResult {
  if (quote.c === 0 && (quote.t === 0 || quote.d === null)) {
    return { reason: 'unknown_symbol', symbol, detail: 'finnhub returned an empty quote' };
  }
  if (!(quote.pc > 0)) return { reason: 'non_positive_price', symbol, detail: `prev_close ${quote.pc}` };
  if (!(quote.t > 0)) return { reason: 'schema', symbol, detail: `t: no timestamp (${quote.t})` };
  const change = quote.d ?? quote.c - quote.pc;
  return {
    symbol,
    price: quote.c,
    change,
    pct_change: quote.dp ?? (change / quote.pc) * 100,
    prev_close: quote.pc,
    volume: 0,
    timestamp: toEpochMs(quote.t),
  };
}
