/**
 * A small real HTTP + WebSocket server on 127.0.0.1 for the connection's unit tests: it can refuse
 * upgrades, answer /api/stocks with any status, stay silent on a socket, or drop it. Tests of the
 * whole engine use the real relay instead (engine/test/relay.integration.test.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface LinkServer {
  port: number;
  wsUrl: string;
  stocksUrl: string;
  /** Open sockets, newest last. */
  sockets: WebSocket[];
  /** Every text frame the server received. */
  received: string[];
  upgrades: number;
  stocksRequests: number;
  filtersRequests: number;
  acceptUpgrades: boolean;
  /** Reply to pings with pongs (on by default). */
  answerPings: boolean;
  stocks: (req: IncomingMessage, res: ServerResponse) => void;
  /** Answers /api/filters (404 by default: the engine then derives its filters from quotes). */
  filters: (req: IncomingMessage, res: ServerResponse) => void;
  /** Called for each accepted socket (e.g. to send a snapshot, as the relay does). */
  onOpen: (ws: WebSocket) => void;
  /** Called for each parsed client message after the built-in ping handling. */
  onClientMessage: (ws: WebSocket, message: { type: string; t?: number }) => void;
  close(): Promise<void>;
}

export async function startLinkServer(): Promise<LinkServer> {
  const wss = new WebSocketServer({ noServer: true });
  const http = createServer((req, res) => {
    if (req.url?.startsWith('/api/stocks')) {
      link.stocksRequests++;
      return link.stocks(req, res);
    }
    if (req.url?.startsWith('/api/filters')) {
      link.filtersRequests++;
      return link.filters(req, res);
    }
    res.writeHead(404).end();
  });
  http.on('upgrade', (req, socket, head) => {
    link.upgrades++;
    if (!link.acceptUpgrades) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      link.sockets.push(ws);
      ws.on('message', (data) => {
        const text = String(data);
        link.received.push(text);
        const message = JSON.parse(text) as { type: string; t?: number };
        if (message.type === 'ping' && link.answerPings) ws.send(JSON.stringify({ type: 'pong', t: message.t }));
        link.onClientMessage(ws, message);
      });
      link.onOpen(ws);
      ws.on('close', () => link.sockets.splice(link.sockets.indexOf(ws), 1));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  const link: LinkServer = {
    port,
    wsUrl: `ws://127.0.0.1:${port}/ws/stocks`,
    stocksUrl: `http://127.0.0.1:${port}/api/stocks`,
    sockets: [], received: [], upgrades: 0, stocksRequests: 0, filtersRequests: 0, acceptUpgrades: true, answerPings: true,
    stocks: (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"seq":1}'),
    filters: (_req, res) => res.writeHead(404).end(),
    onOpen: () => undefined,
    onClientMessage: () => undefined,
    async close() {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
  return link;
}

/** A port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Polls `check` until it holds or the time runs out (real timers; sockets are real). */
export async function until(check: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
