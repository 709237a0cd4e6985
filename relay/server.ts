/**
 * The relay's one uWS server: REST under /api, the live feed at /ws/stocks, the built app for
 * everything else. One builder chain; the handlers live in their own modules.
 */
import uWS from 'uWebSockets.js';
import type { FeedStatus, FiltersResponse, HealthResponse, QuoteUpdate } from './protocol.ts';
import type { SnapshotStore } from './snapshot.ts';
import type { Logger } from './log.ts';
import { corsHeaders } from './http/cors.ts';
import { sendJson } from './http/respond.ts';
import { registerApi } from './http/api.ts';
import { registerStatic } from './http/staticRoutes.ts';
import { createFeedSocket } from './ws/feedSocket.ts';
import { listenExclusive } from './http/listen.ts';
import type { FaultControl } from './http/api.ts';

export interface ServerOptions {
  host: string;
  port: number;
  store: SnapshotStore;
  feed: () => FeedStatus;
  filters: FiltersResponse;
  corsOrigins: readonly string[];
  staticDir: string;
  log: Logger;
  startedAt: number;
  now: () => number;
  /** How long to wait for a port still held by a previous run's closed connections (0 in tests). */
  listenWaitMs?: number;
  /** Present only when SIM_CONTROL is on: the fault-injection endpoint does not exist otherwise. */
  faultControl?: FaultControl;
}

export interface RelayServer {
  port: number;
  publishDelta(rows: QuoteUpdate[]): void;
  /** Sends every client a fresh snapshot (when symbols appear, which a delta cannot express). */
  publishSnapshot(): void;
  publishStatus(feed: FeedStatus): void;
  health(): HealthResponse;
  close(): void;
}

/** `uws-native` when the C++ binding loaded; the mirror silently falls back to `ws` otherwise. */
export function uwsTransport(): 'uws-native' | 'ws-fallback' {
  return Function.prototype.toString.call(uWS.App).includes('[native code]') ? 'uws-native' : 'ws-fallback';
}

export function startServer(options: ServerOptions): Promise<RelayServer> {
  const app = uWS.App();
  const feedSocket = createFeedSocket(app, options);

  const health = (): HealthResponse => {
    const quotes = options.store.quotes();
    return {
      ...options.feed(),
      uptime: Math.round((options.now() - options.startedAt) / 1000),
      seq: options.store.seq,
      symbols: quotes.length,
      stale_symbols: quotes.filter((q) => q.stale).length,
      clients: feedSocket.clients(),
      dropped: options.store.dropped(),
      transport: uwsTransport(),
    };
  };

  registerApi(app, { ...options, health });
  app.options('/api/*', (res, req) => {
    const headers = corsHeaders(req.getHeader('origin'), options.corsOrigins);
    sendJson(res, Object.keys(headers).length ? 204 : 403, '', headers);
  });
  registerStatic(app, options.staticDir);

  return listenExclusive(app, { host: options.host, port: options.port, waitMs: options.listenWaitMs ?? 0, log: options.log })
    .then((listenSocket) => ({
      port: uWS.us_socket_local_port(listenSocket),
      publishDelta: feedSocket.publishDelta,
      publishSnapshot: feedSocket.publishSnapshot,
      publishStatus: feedSocket.publishStatus,
      health,
      close() {
        uWS.us_listen_socket_close(listenSocket);
        feedSocket.closeAll();
      },
    }));
}
