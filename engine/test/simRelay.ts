/**
 * A real relay for the engine's integration tests: the simulated market with a fixed seed on a
 * random 127.0.0.1 port. Its tick is an hour, so the market moves only when a test calls
 * `tick()`: each call is exactly one provider poll, hence at most one delta.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { loadConfig } from '../../relay/config.ts';
import { createLogger } from '../../relay/log.ts';
import { StocksResponseSchema, type StocksResponse } from '../../relay/protocol.ts';
import { startRelay, type RunningRelay } from '../../relay/relay.ts';
import type { SocketLike } from '../connection.ts';

export interface SimRelay {
  relay: RunningRelay;
  port: number;
  base: string;
  wsUrl: string;
  dataDir: string;
  /** One provider poll; resolves once the relay's REST state shows a higher seq. */
  tick(): Promise<StocksResponse>;
  stocks(): Promise<StocksResponse>;
  stop(): Promise<void>;
}

export async function startSimRelay(o: { port?: number; dataDir?: string } = {}): Promise<SimRelay> {
  const dataDir = o.dataDir ?? (await mkdtemp(join(tmpdir(), 'engine-relay-')));
  const config = loadConfig({
    BACKEND_HOST: '127.0.0.1', BACKEND_PORT: String(o.port ?? 0), SIM_SEED: '11', SIM_TICK_MS: '3600000',
    DATA_DIR: dataDir, STATIC_DIR: join(dataDir, 'no-app'), LOG_LEVEL: 'silent',
  });
  const relay = await startRelay({ config, log: createLogger({ level: 'silent' }) });
  const base = `http://127.0.0.1:${relay.port}`;
  const stocks = async () => StocksResponseSchema.parse(await (await fetch(`${base}/api/stocks`)).json());
  const sim: SimRelay = {
    relay, port: relay.port, base, dataDir, stocks,
    wsUrl: `ws://127.0.0.1:${relay.port}/ws/stocks`,
    async tick() {
      const before = (await stocks()).seq;
      relay.pollNow();
      for (let i = 0; i < 400; i++) {
        const now = await stocks();
        if (now.seq > before) return now;
        await new Promise((r) => setTimeout(r, 5));
      }
      throw new Error(`relay seq stayed at ${before}`);
    },
    stop: () => relay.stop(),
  };
  // The first poll runs at start; wait for it so every test begins from a populated market.
  for (let i = 0; i < 400 && (await stocks()).count === 0; i++) await new Promise((r) => setTimeout(r, 5));
  return sim;
}

/**
 * A `ws` socket with a hand on its inbound stream: `drop` can swallow chosen frames (a lossy
 * network) and `inject` delivers frames the relay never sent (a broken proxy).
 */
export class TappedSocket implements SocketLike {
  private readonly ws: WebSocket;
  private readonly listeners: ((event: { data: unknown }) => void)[] = [];
  /** Binary frames the relay sent (column deltas). */
  binaryFrames = 0;
  drop: (data: unknown) => boolean = () => false;

  constructor(url: string) {
    this.ws = new WebSocket(url);
    this.ws.addEventListener('message', (event) => {
      if (typeof event.data !== 'string') this.binaryFrames++;
      if (this.drop(event.data)) return;
      for (const listener of this.listeners) listener({ data: event.data });
    });
  }

  get readyState(): number {
    return this.ws.readyState;
  }

  set binaryType(type: string) {
    this.ws.binaryType = type as WebSocket['binaryType'];
  }

  send(data: string): void {
    this.ws.send(data);
  }

  close(code?: number, reason?: string): void {
    this.ws.close(code, reason);
  }

  inject(data: unknown): void {
    for (const listener of this.listeners) listener({ data });
  }

  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'open' | 'message' | 'close' | 'error', listener: (event: { data: unknown }) => void): void {
    if (type === 'message') this.listeners.push(listener);
    else this.ws.addEventListener(type, () => listener({ data: undefined }));
  }
}

/**
 * A plain TCP forwarder with a stable port in front of a relay whose port changes: a restarted
 * relay cannot rebind its old port while that port's connections sit in TIME_WAIT, so the test
 * restarts it on a new port and points the forwarder there, as a load balancer would.
 */
export async function startForwarder(targetPort: number): Promise<{ port: number; retarget(port: number): void; close(): Promise<void> }> {
  const { createServer, connect } = await import('node:net');
  let target = targetPort;
  const open = new Set<import('node:net').Socket>();
  const server = createServer((client) => {
    const upstream = connect(target, '127.0.0.1');
    for (const s of [client, upstream]) {
      open.add(s);
      s.on('close', () => open.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).on('close', () => upstream.destroy());
    upstream.pipe(client).on('close', () => client.destroy());
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as import('node:net').AddressInfo).port,
    retarget: (port) => void (target = port),
    async close() {
      for (const s of open) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
