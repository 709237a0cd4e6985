/**
 * The shared half of the fake upstreams: a real node:http server on 127.0.0.1, port 0, that
 * records every request and serves through a per-provider handler, plus the fault plan the
 * tests drive (a standing fault, or faults for the next N requests).
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Path plus query string exactly as received. */
  url: string;
}

/** What a fake can be told to do instead of answering normally; each fake uses its provider's real bodies. */
export type Fault =
  | { kind: 'rate_limit'; retryAfterSeconds?: number; resetAtSeconds?: number }
  | { kind: 'unauthorized' }
  | { kind: 'forbidden' }
  /** Finnhub's 429 "Please sign up for a free account" (a missing or bad token). */
  | { kind: 'signup' }
  | { kind: 'server_error'; status?: number }
  /** Accept the request and never answer. */
  | { kind: 'hang' }
  | { kind: 'malformed' };

export interface FaultPlan {
  /** A fault for every request until cleared with null. */
  set(fault: Fault | null): void;
  /** A fault (null: a normal answer) for the next `count` requests, ahead of any standing fault. */
  next(fault: Fault | null, count?: number): void;
  /** The fault for the request being served, if any. */
  take(): Fault | null;
}

export function createFaultPlan(): FaultPlan {
  let standing: Fault | null = null;
  const queued: Array<Fault | null> = [];
  return {
    set: (fault) => { standing = fault; },
    next: (fault, count = 1) => { for (let i = 0; i < count; i++) queued.push(fault); },
    take: () => (queued.length > 0 ? queued.shift()! : standing),
  };
}

/** Patches applied to generated rows by symbol: top-level fields replaced, or the row left out. */
export class RowPatches {
  private readonly patches = new Map<string, Record<string, unknown> | 'omit'>();
  set(symbol: string, patch: Record<string, unknown> | 'omit'): void { this.patches.set(symbol, patch); }
  clear(): void { this.patches.clear(); }
  /** The patched row, or null when the symbol is to be left out. */
  apply(symbol: string, row: Record<string, unknown>): Record<string, unknown> | null {
    const patch = this.patches.get(symbol);
    if (patch === 'omit') return null;
    return patch ? { ...row, ...patch } : row;
  }
}

export interface FakeServer {
  baseUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export type FakeHandler = (request: RecordedRequest, response: ServerResponse) => void;

export async function startFakeServer(handle: FakeHandler): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const recorded = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, url: req.url ?? '/' };
    requests.push(recorded);
    handle(recorded, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/**
 * Serializes like a careless upstream: Infinity becomes `1e999` (valid JSON that parses to
 * Infinity) and NaN becomes a bare `NaN` (not JSON; Python's json module writes it).
 */
export function upstreamJson(value: unknown): string {
  const marker = '\u0000special:';
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? `${marker}${v}` : v));
  return text.replace(/"\\u0000special:(-?Infinity|NaN)"/g, (_m, n: string) => (n === 'NaN' ? 'NaN' : n.replace('Infinity', '1e999')));
}

export function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(body);
}

/** The common faults every fake answers the same way; returns false when the fault is provider-specific. */
export function sendCommonFault(res: ServerResponse, fault: Fault): boolean {
  if (fault.kind === 'hang') return true;
  if (fault.kind === 'malformed') {
    send(res, 200, '{"cut": [1, 2, {"off":');
    return true;
  }
  if (fault.kind === 'server_error') {
    send(res, fault.status ?? 500, '<html><body>Internal Server Error</body></html>', { 'Content-Type': 'text/html' });
    return true;
  }
  return false;
}
