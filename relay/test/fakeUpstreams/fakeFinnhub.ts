/**
 * A fake Finnhub `/api/v1/quote` server: one symbol per request, the token read from
 * X-Finnhub-Token or ?token=, Finnhub's real limit and sign-up bodies, and an optional
 * enforcement of the per-minute and per-second caps on the fake's own clock.
 */
import type { ServerResponse } from 'node:http';
import { createFaultPlan, RowPatches, send, sendCommonFault, startFakeServer, upstreamJson } from './fakeServer.ts';
import type { FakeServer, Fault, FaultPlan, RecordedRequest } from './fakeServer.ts';
import { quoteTruth, type QuoteTruth } from './truth.ts';

export const FINNHUB_LIMIT_BODY = '{"error":"API limit reached. Please try again later. Remaining Limit: 0"}';
export const FINNHUB_SIGNUP_BODY = '{"error":"API limit reached. Please sign up for a free account to continue using the API."}';
/** What Finnhub answers for a symbol it does not know. */
export const FINNHUB_EMPTY_QUOTE = { c: 0, d: null, dp: null, h: 0, l: 0, o: 0, pc: 0, t: 0 };

export interface FakeFinnhub extends FakeServer {
  faults: FaultPlan;
  rows: RowPatches;
  truth(symbol: string): QuoteTruth;
  /** Requests the fake refused for going over its caps. */
  readonly overLimit: number;
}

export interface FakeFinnhubOptions {
  apiKey: string;
  now?: () => number;
  /** Enforce Finnhub's caps on the fake's clock (429 with the limit body when exceeded). */
  enforce?: { perMinute: number; perSecond: number };
}

export async function startFakeFinnhub(options: FakeFinnhubOptions): Promise<FakeFinnhub> {
  const now = options.now ?? Date.now;
  const faults = createFaultPlan();
  const rows = new RowPatches();
  const served: number[] = [];
  let overLimit = 0;

  function overCaps(t: number): boolean {
    if (!options.enforce) return false;
    const inMinute = served.filter((s) => s > t - 60_000).length;
    const inSecond = served.filter((s) => s > t - 1_000).length;
    return inMinute >= options.enforce.perMinute || inSecond >= options.enforce.perSecond;
  }

  function handle(req: RecordedRequest, res: ServerResponse): void {
    if (req.path !== '/api/v1/quote') return send(res, 404, '{"error":"Not found"}');
    const token = req.headers['x-finnhub-token'] ?? req.query.get('token');
    if (!token) return sendFault(res, { kind: 'signup' });
    if (token !== options.apiKey) return sendFault(res, { kind: 'unauthorized' });
    const fault = faults.take();
    if (fault) return sendFault(res, fault);
    const t = now();
    if (overCaps(t)) {
      overLimit++;
      return sendFault(res, { kind: 'rate_limit' });
    }
    served.push(t);
    const symbol = req.query.get('symbol') ?? '';
    const row = rows.apply(symbol, finnhubQuote(quoteTruth(symbol, t)));
    send(res, 200, upstreamJson(row ?? FINNHUB_EMPTY_QUOTE));
  }

  const server = await startFakeServer(handle);
  return { ...server, faults, rows, truth: (symbol) => quoteTruth(symbol, now()), get overLimit() { return overLimit; } };
}

function sendFault(res: ServerResponse, fault: Fault): void {
  if (sendCommonFault(res, fault)) return;
  switch (fault.kind) {
    case 'rate_limit':
      return send(res, 429, FINNHUB_LIMIT_BODY);
    case 'signup':
      return send(res, 429, FINNHUB_SIGNUP_BODY);
    case 'forbidden':
      return send(res, 403, `{"error":"You don't have access to this resource."}`);
    default:
      return send(res, 401, '{"error":"Invalid API key"}');
  }
}

/** Finnhub's quote: price fields in dollars, `dp` in percent units, `t` in epoch seconds. */
export function finnhubQuote(t: QuoteTruth): Record<string, unknown> {
  return { c: t.price, d: t.change, dp: t.pctChange, h: t.price, l: t.price, o: t.prevClose, pc: t.prevClose, t: Math.floor(t.timestampMs / 1000) };
}
