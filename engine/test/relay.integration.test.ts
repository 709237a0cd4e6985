/**
 * The engine against a real relay (simulated market, fixed seed, random port): every claim about
 * merging, resync, reconnect, fallback and persistence is checked against the relay's own state.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { StocksResponse } from '../../relay/protocol.ts';
import { DEFAULT_VIEW, type EngineApi, type Frame } from '../api.ts';
import { createEngine } from '../engine.ts';
import { openStore } from '../store.ts';
import { DB_NAME, DB_VERSION } from '../storeOpen.ts';
import { closedPort, until } from './linkServer.ts';
import { nodeDeps, type NodeDeps } from './nodeDeps.ts';
import { installQuota } from './quota.ts';
import { startForwarder, startSimRelay, TappedSocket, type SimRelay } from './simRelay.ts';

let cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.reverse()) await f();
  cleanup = [];
});

async function sim(o?: Parameters<typeof startSimRelay>[0]): Promise<SimRelay> {
  const relay = await startSimRelay(o);
  cleanup.push(() => relay.stop());
  return relay;
}

function engineWith(deps: NodeDeps): EngineApi {
  const engine = createEngine(deps);
  cleanup.push(() => engine.dispose());
  return engine;
}

async function record(engine: EngineApi) {
  const frames: Frame[] = [];
  await engine.subscribe({ ...DEFAULT_VIEW, universe: 'sp500' }, (f) => frames.push(f));
  const waitFor = (check: (f: Frame) => boolean, what: string, from = 0) => until(() => frames.slice(from).some(check), 10_000, what);
  return { frames, last: () => frames.at(-1)!, waitFor };
}

const urls = (base: string, wsUrl: string, pollIntervalMs = 1_000) => ({ apiBaseUrl: base, wsUrl, pollIntervalMs });

/** Every quote the engine holds equals the relay's, field for field, at the same seq. */
async function expectSameState(engine: EngineApi, relay: StocksResponse, frame: Frame): Promise<void> {
  expect(frame.seq).toBe(relay.seq);
  const held = await Promise.all(relay.quotes.map((q) => engine.getDetail(q.symbol)));
  expect(held.map((d) => d?.quote)).toEqual(relay.quotes);
}

describe('engine ↔ relay', () => {
  it('cold start: an empty first frame, then the relay\'s market, live', async () => {
    const relay = await sim();
    const engine = engineWith(nodeDeps());
    await engine.start(urls(relay.base, relay.wsUrl));
    const r = await record(engine);
    expect(r.frames[0]!.values.length).toBe(0);
    expect(r.frames[0]!.status).toMatchObject({ fromCache: false, stale: true });
    const state = await relay.stocks();
    await r.waitFor((f) => f.status.connection === 'live' && f.seq === state.seq && f.values.length > 400, 'live market');
    expect(r.last().status).toMatchObject({ fromCache: false, stale: false, feed: { provider: 'simulated' }, invalidMessages: 0 });
    expect((await engine.getFilters())?.universes.map((u) => u.id)).toContain('sp500');
  });

  it('merges the snapshot and (binary) deltas into exactly the relay\'s own state', async () => {
    const relay = await sim();
    let socket: TappedSocket | null = null;
    const deps = { ...nodeDeps(), openSocket: (url: string) => (socket = new TappedSocket(url)) };
    const engine = engineWith(deps);
    await engine.start(urls(relay.base, relay.wsUrl));
    const r = await record(engine);
    await r.waitFor((f) => f.status.connection === 'live' && f.values.length > 0, 'live');
    let state = await relay.stocks();
    for (let i = 0; i < 5; i++) {
      state = await relay.tick();
      await r.waitFor((f) => f.seq === state.seq, `seq ${state.seq}`);
    }
    await expectSameState(engine, state, r.last());
    expect(socket!.binaryFrames).toBeGreaterThan(0); // the deltas came as column deltas
    expect(deps.logs.filter((l) => l.startsWith('resyncing'))).toEqual([]);
  });

  it('resyncs after a lost delta, without a frame ever losing its tiles', async () => {
    const relay = await sim();
    let socket: TappedSocket | null = null;
    const deps = { ...nodeDeps(), openSocket: (url: string) => (socket = new TappedSocket(url)) };
    const engine = engineWith(deps);
    await engine.start(urls(relay.base, relay.wsUrl));
    const r = await record(engine);
    await r.waitFor((f) => f.status.connection === 'live' && f.values.length > 0, 'live');
    const tiles = r.last().values.length;
    let dropped = 0;
    const isDelta = (data: unknown) => (typeof data === 'string' ? data.startsWith('{"type":"delta"') : data instanceof ArrayBuffer);
    socket!.drop = (data) => isDelta(data) && dropped++ === 0;
    await relay.tick();
    const state = await relay.tick();
    await r.waitFor((f) => f.seq === state.seq, 'resynced seq');
    await expectSameState(engine, state, r.last());
    expect(dropped).toBeGreaterThan(0);
    expect(deps.logs.some((l) => l.startsWith('resyncing') && l.includes(`gap at seq ${state.seq}`))).toBe(true);
    expect(r.frames.filter((f) => f.values.length !== tiles).filter((f) => f.status.connection === 'live')).toEqual([]);
  });

  it('ignores and counts malformed and schema-violating messages', async () => {
    const relay = await sim();
    let socket: TappedSocket | null = null;
    const engine = engineWith({ ...nodeDeps(), openSocket: (url: string) => (socket = new TappedSocket(url)) });
    await engine.start(urls(relay.base, relay.wsUrl));
    const r = await record(engine);
    await r.waitFor((f) => f.status.connection === 'live' && f.values.length > 0, 'live');
    const seq = r.last().seq;
    socket!.inject('{"type":"delta",');
    socket!.inject(JSON.stringify({ type: 'delta', seq: seq + 1, sent_at: 1, quotes: [{ symbol: 'AAPL', price: -5 }] }));
    socket!.inject(JSON.stringify({ type: 'surprise' }));
    socket!.inject(Buffer.from('binary'));
    await r.waitFor((f) => f.status.invalidMessages === 4, 'four counted');
    const state = await relay.tick();
    await r.waitFor((f) => f.seq === state.seq, 'next real delta');
    await expectSameState(engine, state, r.last());
  });

  it('reconnects and resyncs after the relay is killed and restarted', async () => {
    const first = await startSimRelay();
    const forwarder = await startForwarder(first.port);
    cleanup.push(() => forwarder.close());
    const engine = engineWith(nodeDeps());
    const via = `127.0.0.1:${forwarder.port}`;
    await engine.start(urls(`http://${via}`, `ws://${via}/ws/stocks`));
    const r = await record(engine);
    await r.waitFor((f) => f.status.connection === 'live' && f.values.length > 0, 'live');
    await first.tick();
    await first.stop();
    await r.waitFor((f) => f.status.connection !== 'live', 'connection lost', r.frames.length - 1);
    const second = await sim({ dataDir: first.dataDir });
    forwarder.retarget(second.port);
    const backAt = r.frames.length;
    await r.waitFor((f) => f.status.connection === 'live', 'live again', backAt);
    const state = await second.tick();
    await r.waitFor((f) => f.seq === state.seq, 'new relay seq');
    await expectSameState(engine, state, r.last());
  });

  it('falls back to polling /api/stocks when the socket cannot connect', async () => {
    const relay = await sim();
    const port = await closedPort();
    const engine = engineWith(nodeDeps());
    await engine.start(urls(relay.base, `ws://127.0.0.1:${port}/ws/stocks`, 100));
    const r = await record(engine);
    await r.waitFor((f) => f.status.connection === 'polling', 'polling');
    const state = await relay.tick();
    await r.waitFor((f) => f.seq === state.seq && f.status.connection === 'polling', 'polled seq');
    await expectSameState(engine, state, r.last());
    expect(r.last().status.stale).toBe(false);
  });

  it('persists, then reloads from IndexedDB with no network', async () => {
    const relay = await sim();
    const factory = new IDBFactory();
    const first = createEngine(nodeDeps({ factory }));
    await first.start(urls(relay.base, relay.wsUrl));
    const a = await record(first);
    const state = await relay.tick();
    await a.waitFor((f) => f.seq === state.seq, 'live seq');
    await first.dispose();

    const port = await closedPort();
    const second = engineWith(nodeDeps({ factory }));
    await second.start(urls(`http://127.0.0.1:${port}`, `ws://127.0.0.1:${port}/ws/stocks`));
    const b = await record(second);
    expect(b.frames[0]!.status).toMatchObject({ fromCache: true, stale: true, receivedAt: null });
    expect(b.frames[0]!.layout!.symbols.slice().sort()).toEqual(a.frames.findLast((f) => f.layout)!.layout!.symbols.slice().sort());
    await expectSameState(second, state, b.frames[0]!);
    expect((await second.getHistory('AAPL')).price.length).toBeGreaterThan(0);
    await b.waitFor((f) => f.status.connection !== 'connecting', 'gave up connecting');
    expect(b.last().status.fromCache).toBe(true);
  });

  it('rebuilds a foreign database and keeps working', async () => {
    const relay = await sim();
    const factory = new IDBFactory();
    await new Promise<void>((resolve) => {
      const request = factory.open(DB_NAME, DB_VERSION);
      request.onupgradeneeded = () => request.result.createObjectStore('somebody-else');
      request.onsuccess = () => (request.result.close(), resolve());
    });
    const deps = nodeDeps({ factory });
    const engine = createEngine(deps);
    await engine.start(urls(relay.base, relay.wsUrl));
    const r = await record(engine);
    const state = await relay.tick();
    await r.waitFor((f) => f.seq === state.seq && f.status.storage === 'rebuilt', 'live on a rebuilt store');
    expect(deps.logs.some((l) => l.includes('missing object store'))).toBe(true);
    await engine.dispose();
    const store = await openStore({ factory });
    expect((await store.loadSnapshot())?.seq).toBe(state.seq);
    store.close();
  });

  it('drops history but keeps the snapshot when storage is full', async () => {
    const relay = await sim();
    cleanup.push(installQuota((name) => name === 'history'));
    const factory = new IDBFactory();
    const engine = createEngine(nodeDeps({ factory }));
    await engine.start(urls(relay.base, relay.wsUrl));
    const r = await record(engine);
    const state = await relay.tick();
    await r.waitFor((f) => f.seq === state.seq && f.status.storage === 'quota', 'quota state');
    await engine.dispose();
    const store = await openStore({ factory });
    expect([(await store.loadSnapshot())?.seq, await store.loadHistory()]).toEqual([state.seq, []]);
    store.close();
  });
});
