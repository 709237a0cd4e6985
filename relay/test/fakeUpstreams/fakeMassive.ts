/**
 * A fake Massive (Polygon) full-market snapshot server: the real response shape for any
 * requested tickers, the real 401/403/429 bodies on command, and the key checked where Massive
 * takes it (Authorization: Bearer, or ?apiKey=).
 */
import type { ServerResponse } from 'node:http';
import { createFaultPlan, RowPatches, send, sendCommonFault, startFakeServer, upstreamJson } from './fakeServer.ts';
import type { FakeServer, Fault, FaultPlan, RecordedRequest } from './fakeServer.ts';
import { quoteTruth, type QuoteTruth } from './truth.ts';

export interface FakeMassive extends FakeServer {
  faults: FaultPlan;
  rows: RowPatches;
  /** The values served for `symbol` at the fake's current time. */
  truth(symbol: string): QuoteTruth;
}

export interface FakeMassiveOptions {
  apiKey: string;
  now?: () => number;
}

export const MASSIVE_LIMIT_BODY = {
  status: 'ERROR',
  request_id: 'a1b2c3',
  error: "You've exceeded the maximum requests per minute, please wait or upgrade your subscription to continue.",
};

export async function startFakeMassive(options: FakeMassiveOptions): Promise<FakeMassive> {
  const now = options.now ?? Date.now;
  const faults = createFaultPlan();
  const rows = new RowPatches();

  function handle(req: RecordedRequest, res: ServerResponse): void {
    if (req.path !== '/v2/snapshot/locale/us/markets/stocks/tickers') return send(res, 404, '{"status":"NOT_FOUND","message":"Not found"}');
    const bearer = req.headers.authorization === `Bearer ${options.apiKey}`;
    if (!bearer && req.query.get('apiKey') !== options.apiKey) return sendFault(res, { kind: 'unauthorized' });
    const fault = faults.take();
    if (fault) return sendFault(res, fault);
    const tickers = (req.query.get('tickers') ?? '').split(',').filter(Boolean);
    const served = tickers.map((t) => rows.apply(t, massiveRow(quoteTruth(t, now())))).filter((r) => r !== null);
    send(res, 200, upstreamJson({ status: 'OK', count: served.length, request_id: 'r1', tickers: served }));
  }

  const server = await startFakeServer(handle);
  return { ...server, faults, rows, truth: (symbol) => quoteTruth(symbol, now()) };
}

function sendFault(res: ServerResponse, fault: Fault): void {
  if (sendCommonFault(res, fault)) return;
  switch (fault.kind) {
    case 'rate_limit':
      return send(res, 429, JSON.stringify(MASSIVE_LIMIT_BODY), fault.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(fault.retryAfterSeconds) });
    case 'forbidden':
      return send(res, 403, JSON.stringify({ status: 'NOT_AUTHORIZED', request_id: 'r2', message: 'You are not entitled to this data. Please upgrade your plan at https://massive.com/pricing' }));
    default:
      return send(res, 401, JSON.stringify({ status: 'ERROR', request_id: 'r3', error: 'Unknown API Key' }));
  }
}

/** One ticker in the OpenAPI example's shape: ns trade/quote times, ms minute-bar start. */
export function massiveRow(t: QuoteTruth): Record<string, unknown> {
  const ns = t.timestampMs * 1e6;
  const bar = (c: number, v: number) => ({ o: c, h: c, l: c, c, v, vw: c });
  return {
    ticker: t.symbol,
    todaysChange: t.change,
    todaysChangePerc: t.pctChange,
    updated: ns,
    day: bar(t.price, t.volume),
    prevDay: bar(t.prevClose, t.volume * 1.1),
    min: { av: t.volume, t: t.timestampMs - (t.timestampMs % 60_000), n: 12, ...bar(t.price, 1000) },
    lastTrade: { c: [14, 41], i: '4046', p: t.price, s: 100, t: ns, x: 10 },
    lastQuote: { P: t.price + 0.01, S: 4, p: t.price - 0.01, s: 8, t: ns },
  };
}
