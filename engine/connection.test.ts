import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createConnection, withBinaryDeltas, type Connection, type ConnectionOptions, type TransportState } from './connection.ts';
import { systemTimers } from './timers.ts';
import { closedPort, startLinkServer, until, type LinkServer } from './test/linkServer.ts';

let cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.reverse()) await f();
  cleanup = [];
});

async function server(): Promise<LinkServer> {
  const s = await startLinkServer();
  cleanup.push(() => s.close());
  return s;
}

function connect(urls: { wsUrl: string; stocksUrl: string }, overrides: Partial<ConnectionOptions> = {}) {
  const states: { state: TransportState; retryAt: number | null }[] = [];
  const messages: unknown[] = [];
  const stocks: string[] = [];
  const connection: Connection = createConnection({
    ...urls,
    pollIntervalMs: 40,
    openSocket: (url) => new WebSocket(url),
    fetch: (url, init) => fetch(url, init),
    timers: systemTimers,
    now: Date.now,
    random: () => 0.5,
    onMessage: (data) => messages.push(data),
    onStocks: (text) => stocks.push(text),
    onState: (state, retryAt) => states.push({ state, retryAt }),
    tuning: { backoffBaseMs: 20, backoffMaxMs: 80, connectTimeoutMs: 1_000, heartbeatMs: 1_000, idleTimeoutMs: 5_000 },
    ...overrides,
  });
  cleanup.push(() => connection.stop());
  const seen = () => states.map((s) => s.state);
  return { connection, states, seen, messages, stocks };
}

describe('createConnection(options)', () => {
  it('goes connecting → live, fetches /api/stocks once, and passes frames through unparsed', async () => {
    const link = await server();
    const c = connect(link);
    c.connection.start(true);
    await until(() => c.connection.state === 'live' && c.stocks.length === 1);
    link.sockets[0]!.send('{"type":"ping","t":1}');
    await until(() => c.messages.length === 1);
    expect(c.messages).toEqual(['{"type":"ping","t":1}']);
    expect(c.seen()).toEqual(['connecting', 'live']);
    expect(c.stocks).toEqual(['{"seq":1}']);
  });

  it('sends client messages only on a live socket', async () => {
    const link = await server();
    const c = connect(link);
    expect(c.connection.send({ type: 'resync' })).toBe(false);
    c.connection.start(true);
    await until(() => c.connection.state === 'live');
    expect(c.connection.send({ type: 'resync' })).toBe(true);
    await until(() => link.received.length === 1);
    expect(link.received).toEqual(['{"type":"resync"}']);
  });

  it('reconnects with a backoff after the server drops the socket', async () => {
    const link = await server();
    const c = connect(link);
    c.connection.start(true);
    await until(() => c.connection.state === 'live');
    const before = Date.now();
    link.sockets[0]!.terminate();
    await until(() => c.seen().length === 4, 5_000, 'reconnect');
    expect(c.seen()).toEqual(['connecting', 'live', 'reconnecting', 'live']);
    const retryAt = c.states[2]!.retryAt!;
    // First retry: base 20 ms with jitter 0.5 → 15 ms.
    expect(retryAt - before).toBeGreaterThanOrEqual(15);
    expect(retryAt - before).toBeLessThan(1_000);
    expect(link.upgrades).toBe(2);
  });

  it('falls back to polling after repeated failures and upgrades when the socket works again', async () => {
    const link = await server();
    link.acceptUpgrades = false;
    const c = connect(link);
    c.connection.start(true);
    await until(() => c.connection.state === 'polling');
    expect(c.seen().slice(0, 3)).toEqual(['connecting', 'reconnecting', 'reconnecting']);
    await until(() => c.stocks.length >= 4, 5_000, 'several polls');
    link.acceptUpgrades = true;
    await until(() => c.connection.state === 'live', 5_000, 'upgrade');
    const polls = link.stocksRequests;
    await new Promise((r) => setTimeout(r, 150));
    expect(link.stocksRequests).toBe(polls);
  });

  it('is offline when neither the socket nor REST reaches the relay, and recovers', async () => {
    const port = await closedPort();
    const c = connect({ wsUrl: `ws://127.0.0.1:${port}/ws/stocks`, stocksUrl: `http://127.0.0.1:${port}/api/stocks` });
    c.connection.start(true);
    await until(() => c.connection.state === 'offline', 5_000, 'offline');
    expect(c.seen()).toContain('polling');
    expect(c.states.at(-1)!.retryAt).not.toBeNull();
  });

  it('shows rate_limited with the Retry-After time when a poll gets 429', async () => {
    const link = await server();
    link.acceptUpgrades = false;
    link.stocks = (_req, res) => res.writeHead(429, { 'retry-after': '2' }).end();
    const c = connect(link);
    const start = Date.now();
    c.connection.start(true);
    await until(() => c.connection.state === 'rate_limited');
    const retryAt = c.states.at(-1)!.retryAt!;
    expect(retryAt - start).toBeGreaterThanOrEqual(2_000);
    expect(retryAt - start).toBeLessThan(3_000);
    const polls = link.stocksRequests;
    await new Promise((r) => setTimeout(r, 200));
    expect(link.stocksRequests).toBe(polls);
  });

  it('pings a quiet live socket and drops one that stays silent', async () => {
    const link = await server();
    link.answerPings = false;
    const c = connect(link, { tuning: { backoffBaseMs: 20, heartbeatMs: 30, idleTimeoutMs: 100 } });
    c.connection.start(true);
    await until(() => link.received.some((m) => m.includes('"ping"')), 2_000, 'a ping');
    await until(() => c.seen().includes('reconnecting'), 2_000, 'an idle drop');
    expect(c.seen().slice(0, 3)).toEqual(['connecting', 'live', 'reconnecting']);
  });

  it('keeps a quiet socket that answers pings', async () => {
    const link = await server();
    const c = connect(link, { tuning: { heartbeatMs: 30, idleTimeoutMs: 100 } });
    c.connection.start(true);
    await until(() => c.connection.state === 'live');
    await new Promise((r) => setTimeout(r, 300));
    expect(c.seen()).toEqual(['connecting', 'live']);
    expect(c.messages.filter((m) => String(m).includes('pong')).length).toBeGreaterThan(2);
  });

  it('goes offline at once when the browser does, and reconnects immediately when back', async () => {
    const link = await server();
    const c = connect(link);
    c.connection.start(true);
    await until(() => c.connection.state === 'live');
    c.connection.setOnline(false);
    expect(c.connection.state).toBe('offline');
    await until(() => link.sockets.length === 0);
    await new Promise((r) => setTimeout(r, 150));
    expect(link.upgrades).toBe(1);
    c.connection.setOnline(true);
    await until(() => c.connection.state === 'live');
    expect(c.seen()).toEqual(['connecting', 'live', 'offline', 'connecting', 'live']);
  });

  it('waits offline when started offline', async () => {
    const link = await server();
    const c = connect(link);
    c.connection.start(false);
    await new Promise((r) => setTimeout(r, 100));
    expect([c.connection.state, link.upgrades, link.stocksRequests]).toEqual(['offline', 0, 0]);
  });

  it('stops everything on stop()', async () => {
    const link = await server();
    const c = connect(link);
    c.connection.start(true);
    await until(() => c.connection.state === 'live');
    c.connection.stop();
    await until(() => link.sockets.length === 0);
    await new Promise((r) => setTimeout(r, 150));
    expect([link.upgrades, c.seen()]).toEqual([1, ['connecting', 'live']]);
  });
});

describe('withBinaryDeltas(wsUrl)', () => {
  it('asks for binary deltas unless the configured URL already chose a format', () => {
    expect(withBinaryDeltas('ws://relay.test/ws/stocks')).toBe('ws://relay.test/ws/stocks?deltas=binary');
    expect(withBinaryDeltas('wss://relay.test/ws/stocks?token=a')).toBe('wss://relay.test/ws/stocks?token=a&deltas=binary');
    expect(withBinaryDeltas('ws://relay.test/ws/stocks?deltas=json')).toBe('ws://relay.test/ws/stocks?deltas=json');
    expect(withBinaryDeltas('not a url')).toBe('not a url');
  });
});
