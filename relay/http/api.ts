/** REST routes: /api/health, /api/stocks, /api/filters and, only when enabled, /api/sim/fault. */
import type { HttpResponse, TemplatedApp } from 'uWebSockets.js';
import type { FeedStatus, FiltersResponse, HealthResponse, StocksResponse } from '../protocol.ts';
import type { SnapshotStore } from '../snapshot.ts';
import type { Logger } from '../log.ts';
import { parseStocksQuery, selectQuotes } from '../stocksQuery.ts';
import { corsHeaders } from './cors.ts';
import { sendJson } from './respond.ts';

/** Switches the simulated market's fault; returns the fault now active or why the body was refused. */
export interface FaultControl {
  setFault(body: unknown): { ok: true; fault: unknown } | { ok: false; reason: string };
}

export interface ApiOptions {
  store: SnapshotStore;
  feed: () => FeedStatus;
  health: () => HealthResponse;
  filters: FiltersResponse;
  corsOrigins: readonly string[];
  log: Logger;
  faultControl?: FaultControl;
}

const MAX_CONTROL_BODY_BYTES = 4096;

export function registerApi(app: TemplatedApp, options: ApiOptions): void {
  const cors = (origin: string) => corsHeaders(origin, options.corsOrigins);

  app.get('/api/health', (res, req) => {
    sendJson(res, 200, options.health(), cors(req.getHeader('origin')));
  });

  app.get('/api/filters', (res, req) => {
    sendJson(res, 200, options.filters, cors(req.getHeader('origin')), req.getHeader('accept-encoding'));
  });

  app.get('/api/stocks', (res, req) => {
    const headers = cors(req.getHeader('origin'));
    const parsed = parseStocksQuery(req.getQuery() ?? '');
    if (!parsed.ok) {
      sendJson(res, 400, { error: 'bad_request', parameter: parsed.parameter, reason: parsed.reason }, headers);
      return;
    }
    const { quotes, total } = selectQuotes(options.store.quotes(), parsed.query);
    const body: StocksResponse = { seq: options.store.seq, count: quotes.length, total, feed: options.feed(), quotes };
    sendJson(res, 200, body, headers, req.getHeader('accept-encoding'));
  });

  if (options.faultControl) registerFaultControl(app, options.faultControl, options.log);

  app.any('/api/*', (res, req) => {
    const known = ['/api/health', '/api/stocks', '/api/filters'].includes(req.getUrl());
    sendJson(res, known ? 405 : 404, { error: known ? 'method_not_allowed' : 'not_found', reason: `${req.getMethod().toUpperCase()} ${req.getUrl()}` });
  });
}

function registerFaultControl(app: TemplatedApp, control: FaultControl, log: Logger): void {
  app.post('/api/sim/fault', (res) => {
    readBody(res, (body) => {
      if (body === null) return sendJson(res, 413, { error: 'too_large', reason: `body over ${MAX_CONTROL_BODY_BYTES} bytes` });
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        return sendJson(res, 400, { error: 'bad_request', reason: 'body is not JSON' });
      }
      const result = control.setFault(json);
      if (!result.ok) return sendJson(res, 400, { error: 'bad_request', reason: result.reason });
      log.info('simulated fault switched', { fault: result.fault });
      sendJson(res, 200, { fault: result.fault });
    });
  });
}

/** Collects a small request body; calls back with null when it is too large. */
function readBody(res: HttpResponse, done: (body: string | null) => void): void {
  let aborted = false;
  res.onAborted(() => { aborted = true; });
  const chunks: Buffer[] = [];
  let size = 0;
  res.onData((chunk, isLast) => {
    size += chunk.byteLength;
    if (size <= MAX_CONTROL_BODY_BYTES) chunks.push(Buffer.from(chunk.slice(0)));
    if (!isLast || aborted) return;
    done(size > MAX_CONTROL_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8'));
  });
}
