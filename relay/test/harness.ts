/**
 * Test harness: a real relay on 127.0.0.1 with a random port and a temporary data directory, and
 * WebSocket clients (the `ws` package) that record every message for assertions.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import WebSocket from 'ws';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { startRelay, type RunningRelay } from '../relay.ts';
import { decodeColumnDelta } from '../columnDelta.ts';
import { ServerMessageSchema, type ColumnDeltaMessage, type ServerMessage } from '../protocol.ts';

export interface TestRelay {
  relay: RunningRelay;
  base: string;
  wsUrl: string;
  dataDir: string;
  logs: string[];
  stop(): Promise<void>;
}

export async function startTestRelay(env: Record<string, string> = {}, dataDir?: string): Promise<TestRelay> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'relay-test-')));
  const config = loadConfig({
    BACKEND_HOST: '127.0.0.1', BACKEND_PORT: '0', SIM_SEED: '7', SIM_TICK_MS: '100', DATA_DIR: dir,
    STATIC_DIR: join(dir, 'no-app'), LOG_LEVEL: 'debug', ...env,
  });
  const logs: string[] = [];
  const log = createLogger({ level: 'debug', secrets: [config.apiKey], write: (line) => logs.push(line) });
  const relay = await startRelay({ config, log });
  return {
    relay, logs, dataDir: dir,
    base: `http://127.0.0.1:${relay.port}`,
    wsUrl: `ws://127.0.0.1:${relay.port}/ws/stocks`,
    stop: () => relay.stop(),
  };
}

export interface TestClient {
  socket: WebSocket;
  messages: ServerMessage[];
  /** Binary frames, decoded (only clients that asked for `?deltas=binary` get them). */
  columnDeltas: ColumnDeltaMessage[];
  raw: string[];
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves with the first recorded message (from `from` on) that matches. */
  waitFor<T extends ServerMessage>(match: (m: ServerMessage) => m is T, options?: { from?: number; timeoutMs?: number }): Promise<T>;
  waitFor(match: (m: ServerMessage) => boolean, options?: { from?: number; timeoutMs?: number }): Promise<ServerMessage>;
  /** Resolves once `done()` holds, checked after every message. */
  waitUntil(done: () => boolean, options?: { timeoutMs?: number }): Promise<void>;
  close(): void;
}

export function openClient(url: string, options: WebSocket.ClientOptions = {}): Promise<TestClient> {
  const socket = new WebSocket(url, options);
  const messages: ServerMessage[] = [];
  const columnDeltas: ColumnDeltaMessage[] = [];
  const raw: string[] = [];
  const waiters = new Set<() => void>();
  socket.on('message', (data, isBinary) => {
    if (isBinary) {
      const decoded = decodeColumnDelta(data as Buffer);
      if (!decoded.ok) throw new Error(decoded.detail);
      columnDeltas.push(decoded.value);
      for (const wake of waiters) wake();
      return;
    }
    const text = String(data);
    raw.push(text);
    messages.push(ServerMessageSchema.parse(JSON.parse(text)));
    for (const wake of waiters) wake();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => { resolve({ code, reason: String(reason) }); for (const wake of waiters) wake(); }));
  const waitUntil = (done: () => boolean, { timeoutMs = 10_000 } = {}) => new Promise<void>((resolve, reject) => {
    const check = () => {
      if (done()) { waiters.delete(check); clearTimeout(timer); resolve(); }
    };
    const timer = setTimeout(() => { waiters.delete(check); reject(new Error(`no matching message within ${timeoutMs} ms`)); }, timeoutMs);
    waiters.add(check);
    check();
  });
  const client: TestClient = {
    socket, messages, columnDeltas, raw, closed, waitUntil,
    async waitFor(match: (m: ServerMessage) => boolean, { from = 0, timeoutMs = 10_000 } = {}) {
      let found: ServerMessage | undefined;
      await waitUntil(() => (found = messages.slice(from).find(match)) !== undefined, { timeoutMs });
      return found!;
    },
    close: () => socket.close(),
  } as TestClient;
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(client));
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });
}

export async function getJson(url: string, init?: RequestInit): Promise<{ status: number; body: unknown; headers: Headers }> {
  const res = await fetch(url, init);
  return { status: res.status, body: await res.json(), headers: res.headers };
}

/** A raw GET, so a test sees the bytes as sent (fetch would decompress them) and every header. */
export function rawGet(base: string, path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}
