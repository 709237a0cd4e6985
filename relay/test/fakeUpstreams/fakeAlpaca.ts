/**
 * A fake Alpaca market-data server: `/v2/stocks/snapshots` keyed by symbol with no wrapper,
 * APCA-API-KEY-ID / APCA-API-SECRET-KEY checked, X-RateLimit-* headers on every answer, and a
 * request window that runs out (429) like the real one.
 */
import type { ServerResponse } from 'node:http';
import { createFaultPlan, RowPatches, send, sendCommonFault, startFakeServer, upstreamJson } from './fakeServer.ts';
import type { FakeServer, Fault, FaultPlan, RecordedRequest } from './fakeServer.ts';
import { quoteTruth, type QuoteTruth } from './truth.ts';

export interface FakeAlpaca extends FakeServer {
  faults: FaultPlan;
  rows: RowPatches;
  truth(symbol: string): QuoteTruth;
  /** The current rate window: requests left and when it resets (epoch s). */
  window: { limit: number; remaining: number; resetAtSeconds: number };
}

export interface FakeAlpacaOptions {
  apiKey: string;
  apiSecret: string;
  now?: () => number;
  limit?: number;
}

export async function startFakeAlpaca(options: FakeAlpacaOptions): Promise<FakeAlpaca> {
  const now = options.now ?? Date.now;
  const faults = createFaultPlan();
  const rows = new RowPatches();
  const limit = options.limit ?? 200;
  const window = { limit, remaining: limit, resetAtSeconds: Math.ceil(now() / 1000) + 60 };

  function rateHeaders(): Record<string, string> {
    return {
      'X-RateLimit-Limit': String(window.limit),
      'X-RateLimit-Remaining': String(window.remaining),
      'X-RateLimit-Reset': String(window.resetAtSeconds),
    };
  }

  function sendFault(res: ServerResponse, fault: Fault): void {
    if (sendCommonFault(res, fault)) return;
    if (fault.kind === 'rate_limit') {
      const reset = fault.resetAtSeconds ?? window.resetAtSeconds;
      return send(res, 429, '{"code":42910000,"message":"too many requests"}', { ...rateHeaders(), 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(reset) });
    }
    if (fault.kind === 'forbidden') return send(res, 403, '{"message":"subscription does not permit querying recent SIP data"}');
    return send(res, 401, '{"code":40110000,"message":"request is not authorized"}');
  }

  function handle(req: RecordedRequest, res: ServerResponse): void {
    if (req.path !== '/v2/stocks/snapshots') return send(res, 404, '{"message":"Not Found"}');
    if (req.headers['apca-api-key-id'] !== options.apiKey || req.headers['apca-api-secret-key'] !== options.apiSecret) {
      return sendFault(res, { kind: 'unauthorized' });
    }
    if (req.query.get('feed') === 'sip') return sendFault(res, { kind: 'forbidden' });
    const fault = faults.take();
    if (fault) return sendFault(res, fault);
    if (now() / 1000 >= window.resetAtSeconds) Object.assign(window, { remaining: window.limit, resetAtSeconds: Math.ceil(now() / 1000) + 60 });
    if (window.remaining <= 0) return sendFault(res, { kind: 'rate_limit' });
    window.remaining--;
    const body: Record<string, unknown> = {};
    for (const symbol of (req.query.get('symbols') ?? '').split(',').filter(Boolean)) {
      const row = rows.apply(symbol, alpacaSnapshot(quoteTruth(symbol, now())));
      if (row !== null) body[symbol] = row;
    }
    send(res, 200, upstreamJson(body), rateHeaders());
  }

  const server = await startFakeServer(handle);
  return { ...server, faults, rows, window, truth: (symbol) => quoteTruth(symbol, now()) };
}

/** RFC-3339 with nanosecond precision, as Alpaca writes it. */
export function alpacaTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '456789Z');
}

/** Midnight New York time of the day holding `ms`, in UTC, as Alpaca dates its daily bars. */
export function alpacaDayStart(ms: number): string {
  const day = new Date(ms).toLocaleDateString('en-CA', { timeZone: 'America/New_York' });
  const offset = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', timeZoneName: 'shortOffset' })
    .formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')!.value; // "GMT-5"
  const hours = -Number(offset.replace('GMT', ''));
  return `${day}T${String(hours).padStart(2, '0')}:00:00Z`;
}

export function alpacaSnapshot(t: QuoteTruth): Record<string, unknown> {
  const bar = (time: string, c: number, v: number) => ({ t: time, o: c, h: c, l: c, c, v, n: 100, vw: c });
  return {
    latestTrade: { t: alpacaTime(t.timestampMs), x: 'V', p: t.price, s: 100, c: ['@'], i: 52983525029461, z: 'C' },
    latestQuote: { t: alpacaTime(t.timestampMs), ax: 'V', ap: t.price + 0.01, as: 2, bx: 'V', bp: t.price - 0.01, bs: 1, c: ['R'], z: 'C' },
    minuteBar: bar(new Date(t.timestampMs - (t.timestampMs % 60_000)).toISOString(), t.price, 1000),
    dailyBar: bar(alpacaDayStart(t.timestampMs), t.price, t.volume),
    prevDailyBar: bar(alpacaDayStart(t.timestampMs - 86_400_000), t.prevClose, t.volume),
  };
}
