/**
 * Massive (formerly Polygon.io) full-market snapshot: the whole universe in one call
 * (PROVIDERS.md §3). The key goes in an `Authorization: Bearer` header, as the official client
 * sends it, rather than `?apiKey=`, so it never sits in a URL that a proxy or an error could log.
 */
import { z } from 'zod';
import { AuthError, RateLimitedError, TransientError } from './types.ts';
import type { FetchContext, HttpProviderOptions, Provider, ProviderBatch, ProviderLimits, RejectedRow, ProviderQuote } from './types.ts';
import { requestText, type HttpResult } from './http/request.ts';
import { endpointUrl } from './http/url.ts';
import { httpDetail, parseJsonBody, upstreamMessage } from './http/body.ts';
import { parseRetryAfter } from './http/retryAfter.ts';
import { toEpochMs } from './http/epoch.ts';
import { fromProviderSymbol, toProviderSymbol } from './http/symbols.ts';
import { isRejected, validateRow, type RowResult } from './http/rows.ts';

export const MASSIVE_DEFAULT_BASE_URL = 'https://api.massive.com';
export const MASSIVE_SNAPSHOT_PATH = '/v2/snapshot/locale/us/markets/stocks/tickers';
/** The free Basic plan's limit; paid stock plans advertise unlimited calls (pass Infinity). */
export const MASSIVE_FREE_CALLS_PER_MINUTE = 5;

export type MassiveOptions = HttpProviderOptions;

const bar = z.object({ o: z.number(), h: z.number(), l: z.number(), c: z.number(), v: z.number() }).partial();
const MassiveRowSchema = z.object({
  ticker: z.string(),
  todaysChange: z.number().optional(),
  todaysChangePerc: z.number().optional(),
  updated: z.number().optional(),
  day: bar.nullish(),
  prevDay: bar.nullish(),
  min: bar.extend({ av: z.number().optional(), t: z.number().optional() }).nullish(),
  lastTrade: z.object({ p: z.number(), t: z.number() }).nullish(),
});
type MassiveRow = z.infer<typeof MassiveRowSchema>;

const EnvelopeSchema = z.object({
  status: z.string().optional(),
  tickers: z.array(z.unknown()).nullish(),
});

export function createMassiveProvider(options: MassiveOptions): Provider {
  const baseUrl = options.baseUrl || MASSIVE_DEFAULT_BASE_URL;
  const timeoutMs = options.timeoutMs ?? 8000;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const now = options.now ?? Date.now;
  const callsPerMinute = options.callsPerMinute ?? MASSIVE_FREE_CALLS_PER_MINUTE;
  const secrets = [options.apiKey];

  return {
    id: 'massive',
    updatesWhenClosed: false,
    limits(): ProviderLimits {
      return { callsPerMinute, callsPerRefresh: 1, fullRefreshMs: Number.isFinite(callsPerMinute) ? 60_000 / callsPerMinute : 0 };
    },
    async fetchQuotes(context: FetchContext): Promise<ProviderBatch> {
      const tickers = context.universe.map((m) => toProviderSymbol(m.symbol, 'dot')).join(',');
      const response = await requestText({
        url: endpointUrl(baseUrl, MASSIVE_SNAPSHOT_PATH, { tickers }),
        headers: { Authorization: `Bearer ${options.apiKey}`, Accept: 'application/json' },
        signal: context.signal,
        timeoutMs,
        fetch: fetchImpl,
        label: 'massive',
      });
      const failure = massiveError(response, now(), secrets);
      if (failure) throw failure;
      return parseSnapshot(response.body, context.now, secrets);
    },
  };
}

/** Maps a non-2xx response to the error the poller acts on (PROVIDERS.md §9), or null. */
export function massiveError(response: HttpResult, now: number, secrets: readonly string[]): Error | null {
  const { status } = response;
  if (status >= 200 && status < 300) return null;
  const detail = httpDetail(status, upstreamMessage(response.body, secrets));
  if (status === 401) return new AuthError(`massive rejected the API key (${detail}); check STOCK_API_KEY`);
  if (status === 403) return new AuthError(`massive: the plan is not entitled to the full-market snapshot (${detail})`);
  if (status === 429) return new RateLimitedError(`massive rate limit reached (${detail})`, parseRetryAfter(response.headers.get('retry-after'), now));
  return new TransientError(`massive: upstream error (${detail})`);
}

function parseSnapshot(body: string, now: number, secrets: readonly string[]): ProviderBatch {
  const envelope = EnvelopeSchema.safeParse(parseJsonBody(body, 'massive'));
  if (!envelope.success) throw new TransientError('massive: unexpected response shape (no tickers array)');
  if (envelope.data.status === 'ERROR' || envelope.data.status === 'NOT_AUTHORIZED') {
    const detail = upstreamMessage(body, secrets);
    if (envelope.data.status === 'NOT_AUTHORIZED') throw new AuthError(`massive: not authorized (${detail})`);
    throw new TransientError(`massive: error status in response (${detail})`);
  }
  const quotes: ProviderQuote[] = [];
  const rejected: RejectedRow[] = [];
  for (const raw of envelope.data.tickers ?? []) {
    const result = validateRow(raw, tickerOf(raw), { schema: MassiveRowSchema, normalize: normalizeMassiveRow }, now);
    if (isRejected(result)) rejected.push(result);
    else quotes.push(result);
  }
  return { quotes, rejected, complete: true };
}

function tickerOf(raw: unknown): string | null {
  const ticker = (raw as { ticker?: unknown } | null)?.ticker;
  return typeof ticker === 'string' && ticker.trim() !== '' ? fromProviderSymbol(ticker) : null;
}

/**
 * Price from the last trade, then the minute bar, then the day bar: before the first regular
 * trade the day bar is all zeros while trades and minute bars already move (PROVIDERS.md §3).
 * Change is computed against prevDay.c so it always agrees with the price chosen.
 */
export function normalizeMassiveRow(row: MassiveRow, symbol: string): RowResult {
  const candidates: Array<[number | undefined, number | undefined]> = [
    [row.lastTrade?.p, row.lastTrade?.t],
    [row.min?.c, row.min?.t],
    [row.day?.c, row.updated],
  ];
  // Zero means "nothing yet" (a cleared or pre-open bar); a negative price is bad data, kept for the checks.
  const found = candidates.find(([price]) => price !== undefined && price !== 0);
  const prevClose = row.prevDay?.c ?? 0;
  if (!found) return { reason: 'non_positive_price', symbol, detail: 'no price in lastTrade, min or day' };
  const price = found[0]!;
  const time = found[1] ?? row.updated ?? row.lastTrade?.t;
  if (time === undefined) return { reason: 'schema', symbol, detail: 'no timestamp' };
  if (prevClose < 0) return { reason: 'non_positive_price', symbol, detail: `prevDay.c ${prevClose}` };
  if (prevClose === 0 && (row.todaysChange === undefined || row.todaysChangePerc === undefined)) {
    return row.prevDay?.c === undefined
      ? { reason: 'schema', symbol, detail: 'no prevDay.c and no todaysChange' }
      : { reason: 'non_positive_price', symbol, detail: `prevDay.c ${prevClose}` };
  }
  const change = prevClose > 0 ? price - prevClose : row.todaysChange!;
  const pct = prevClose > 0 ? (change / prevClose) * 100 : row.todaysChangePerc!;
  const dayVolume = row.day?.v ?? 0;
  return {
    symbol,
    price,
    change,
    pct_change: pct,
    prev_close: prevClose > 0 ? prevClose : price - change,
    // day.v is zero until the open; min.av accumulates pre-market shares meanwhile.
    volume: dayVolume > 0 ? dayVolume : (row.min?.av ?? 0),
    timestamp: toEpochMs(time),
  };
}
