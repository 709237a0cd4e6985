/**
 * Alpaca Market Data v2 multi-symbol snapshots (PROVIDERS.md §2), in chunks of `chunkSize`
 * symbols. Keys travel in the APCA-API-KEY-ID / APCA-API-SECRET-KEY headers only.
 *
 * Partial failure: chunks run in turn; when one fails after others succeeded, the batch returns
 * the good chunks with `complete: false` (their symbols refresh, the rest go stale by age rather
 * than at once) and the next poll starts at the failed chunk. Only an auth error, or a failure
 * before any chunk succeeded, is thrown. When X-RateLimit-Remaining reaches 0 the provider stops
 * and refuses further calls with RateLimitedError until X-RateLimit-Reset.
 */
import { z } from 'zod';
import { AuthError, RateLimitedError, TransientError } from './types.ts';
import type { FetchContext, HttpProviderOptions, Provider, ProviderBatch, ProviderLimits, ProviderQuote, RejectedRow } from './types.ts';
import { requestText, type HttpResult } from './http/request.ts';
import { endpointUrl } from './http/url.ts';
import { httpDetail, parseJsonBody, upstreamMessage } from './http/body.ts';
import { parseRetryAfter } from './http/retryAfter.ts';
import { fromProviderSymbol, toProviderSymbol } from './http/symbols.ts';
import { isRejected, validateRow, type RowResult } from './http/rows.ts';

export const ALPACA_DEFAULT_BASE_URL = 'https://data.alpaca.markets';
export const ALPACA_SNAPSHOTS_PATH = '/v2/stocks/snapshots';
/** Basic (free) market-data plan. */
export const ALPACA_FREE_CALLS_PER_MINUTE = 200;
const DAY_MS = 86_400_000;

export interface AlpacaOptions extends HttpProviderOptions {
  apiSecret: string;
  /** `iex` is the free real-time feed; `sip` needs a paid plan. */
  feed?: 'iex' | 'sip' | 'delayed_sip';
  chunkSize?: number;
}

const rfc3339 = z.string().refine((s) => Number.isFinite(Date.parse(s)), 'not an RFC-3339 time');
const bar = z.object({ t: rfc3339, c: z.number(), v: z.number().optional() });
const AlpacaSnapshotSchema = z.object({
  latestTrade: z.object({ t: rfc3339, p: z.number() }).nullish(),
  minuteBar: bar.nullish(),
  dailyBar: bar.nullish(),
  prevDailyBar: bar.nullish(),
});
type AlpacaSnapshot = z.infer<typeof AlpacaSnapshotSchema>;
const EnvelopeSchema = z.record(z.string(), z.unknown());

export function createAlpacaProvider(options: AlpacaOptions): Provider {
  const baseUrl = options.baseUrl || ALPACA_DEFAULT_BASE_URL;
  const chunkSize = options.chunkSize ?? 200;
  const callsPerMinute = options.callsPerMinute ?? ALPACA_FREE_CALLS_PER_MINUTE;
  const now = options.now ?? Date.now;
  const secrets = [options.apiKey, options.apiSecret];
  let blockedUntil: number | null = null;
  let startChunk = 0;

  async function fetchChunk(symbols: readonly string[], context: FetchContext): Promise<HttpResult> {
    const response = await requestText({
      url: endpointUrl(baseUrl, ALPACA_SNAPSHOTS_PATH, { symbols: symbols.join(','), feed: options.feed ?? 'iex' }),
      headers: { 'APCA-API-KEY-ID': options.apiKey, 'APCA-API-SECRET-KEY': options.apiSecret, Accept: 'application/json' },
      signal: context.signal,
      timeoutMs: options.timeoutMs ?? 8000,
      fetch: options.fetch ?? globalThis.fetch,
      label: 'alpaca',
    });
    const failure = alpacaError(response, now(), secrets);
    if (failure) throw failure;
    const reset = resetTime(response.headers);
    if (response.headers.get('x-ratelimit-remaining')?.trim() === '0' && reset !== null && reset > now()) blockedUntil = reset;
    return response;
  }

  return {
    id: 'alpaca',
    updatesWhenClosed: false,
    limits(universeSize): ProviderLimits {
      const callsPerRefresh = Math.max(1, Math.ceil(universeSize / chunkSize));
      return { callsPerMinute, callsPerRefresh, fullRefreshMs: (callsPerRefresh * 60_000) / callsPerMinute };
    },
    async fetchQuotes(context) {
      const symbols = context.universe.map((m) => toProviderSymbol(m.symbol, 'dot'));
      const chunks = chunk(symbols, chunkSize);
      const batch: ProviderBatch = { quotes: [], rejected: [], complete: false };
      let done = 0;
      for (; done < chunks.length; done++) {
        const index = (startChunk + done) % chunks.length;
        try {
          if (blockedUntil !== null && now() < blockedUntil) {
            throw new RateLimitedError('alpaca rate limit: request budget used up until the window resets', blockedUntil);
          }
          const response = await fetchChunk(chunks[index]!, context);
          addRows(batch, parseSnapshots(response.body, context.now));
        } catch (error) {
          if (error instanceof RateLimitedError && error.retryAt !== null) blockedUntil = error.retryAt;
          if (done === 0 || error instanceof AuthError || context.signal.aborted) throw error;
          startChunk = index;
          return batch;
        }
      }
      startChunk = 0;
      return { ...batch, complete: chunks.length > 0 };
    },
  };
}

/** Maps a non-2xx response to the poller's error kinds (PROVIDERS.md §9), or null. */
export function alpacaError(response: HttpResult, now: number, secrets: readonly string[]): Error | null {
  const { status } = response;
  if (status >= 200 && status < 300) return null;
  const detail = httpDetail(status, upstreamMessage(response.body, secrets));
  if (status === 401) return new AuthError(`alpaca rejected the API key (${detail}); check STOCK_API_KEY and STOCK_API_SECRET`);
  if (status === 403) return new AuthError(`alpaca refused access (${detail}); the free plan needs feed=iex`);
  if (status === 429) {
    const retryAt = resetTime(response.headers) ?? parseRetryAfter(response.headers.get('retry-after'), now);
    return new RateLimitedError(`alpaca rate limit reached (${detail})`, retryAt);
  }
  return new TransientError(`alpaca: upstream error (${detail})`);
}

/** X-RateLimit-Reset is epoch seconds. */
function resetTime(headers: Headers): number | null {
  const value = Number(headers.get('x-ratelimit-reset') ?? '');
  return headers.get('x-ratelimit-reset') && Number.isFinite(value) && value > 0 ? value * 1000 : null;
}

function parseSnapshots(body: string, now: number): RowResult[] {
  const envelope = EnvelopeSchema.safeParse(parseJsonBody(body, 'alpaca'));
  if (!envelope.success) throw new TransientError('alpaca: unexpected response shape (not an object keyed by symbol)');
  return Object.entries(envelope.data).map(([key, raw]) => {
    const symbol = key.trim() === '' ? null : fromProviderSymbol(key);
    if (raw === null && symbol) return { reason: 'schema', symbol, detail: 'null snapshot' } satisfies RejectedRow;
    return validateRow(raw, symbol, { schema: AlpacaSnapshotSchema, normalize: normalizeAlpacaSnapshot }, now);
  });
}

/**
 * Price from the latest trade (else the minute or daily bar); change against prevDailyBar.c.
 * Before the open the daily bar may still be the previous session's: when the price is from a
 * day after the daily bar's, that bar is the previous close and there is no volume yet.
 */
export function normalizeAlpacaSnapshot(snap: AlpacaSnapshot, symbol: string): RowResult {
  const source = priceSource(snap);
  if (!source) return { reason: 'schema', symbol, detail: 'no latestTrade, minuteBar or dailyBar' };
  const daily = snap.dailyBar ?? null;
  const dailyIsPrevious = daily !== null && source.time >= Date.parse(daily.t) + DAY_MS;
  const prevClose = dailyIsPrevious ? daily.c : snap.prevDailyBar?.c;
  if (prevClose === undefined) return { reason: 'schema', symbol, detail: 'no prevDailyBar' };
  if (!(prevClose > 0)) return { reason: 'non_positive_price', symbol, detail: `prev_close ${prevClose}` };
  const change = source.price - prevClose;
  return {
    symbol,
    price: source.price,
    change,
    pct_change: (change / prevClose) * 100,
    prev_close: prevClose,
    volume: dailyIsPrevious ? 0 : (daily?.v ?? 0),
    timestamp: source.time,
  };
}

function priceSource(snap: AlpacaSnapshot): { price: number; time: number } | null {
  if (snap.latestTrade) return { price: snap.latestTrade.p, time: Date.parse(snap.latestTrade.t) };
  const bar = snap.minuteBar ?? snap.dailyBar;
  return bar ? { price: bar.c, time: Date.parse(bar.t) } : null;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function addRows(batch: ProviderBatch, rows: RowResult[]): void {
  for (const row of rows) {
    if (isRejected(row)) batch.rejected.push(row);
    else batch.quotes.push(row as ProviderQuote);
  }
}
