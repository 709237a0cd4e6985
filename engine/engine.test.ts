import { afterEach, describe, expect, it } from 'vitest';
import type { Quote } from '../relay/protocol.ts';
import { DEFAULT_VIEW, type EngineApi, type Frame, type View } from './api.ts';
import { createEngine } from './engine.ts';
import { openStore } from './store.ts';
import { closedPort, startLinkServer, until, type LinkServer } from './test/linkServer.ts';
import { nodeDeps, type NodeDeps } from './test/nodeDeps.ts';
import { feedOk, threeQuotes, T0 } from './test/fixtures.ts';

let cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.reverse()) await f();
  cleanup = [];
});

const snapshot = (seq: number, quotes: Quote[] = threeQuotes) => JSON.stringify({ type: 'snapshot', seq, sent_at: T0, feed: feedOk, quotes });
const delta = (seq: number, rows: object[]) => JSON.stringify({ type: 'delta', seq, sent_at: T0, quotes: rows });

/** A link server that behaves like the relay for a fixed three-quote market at seq 5. */
async function relayLike(): Promise<LinkServer> {
  const link = await startLinkServer();
  link.onOpen = (ws) => ws.send(snapshot(5));
  link.stocks = (_req, res) => res.writeHead(200).end(JSON.stringify({ seq: 5, count: 3, total: 3, feed: feedOk, quotes: threeQuotes }));
  cleanup.push(() => link.close());
  return link;
}

function engineWith(deps: NodeDeps): EngineApi {
  const engine = createEngine(deps);
  cleanup.push(() => engine.dispose());
  return engine;
}

async function record(engine: EngineApi, view: View = DEFAULT_VIEW) {
  const frames: Frame[] = [];
  const unsubscribe = await engine.subscribe(view, (f) => frames.push(f));
  return { frames, last: () => frames.at(-1)!, unsubscribe, waitFor: (check: (f: Frame) => boolean, what = 'a frame') => until(() => frames.some(check), 5_000, what) };
}

const config = (link: { port: number; wsUrl: string }, pollIntervalMs = 1_000) => ({ apiBaseUrl: `http://127.0.0.1:${link.port}`, wsUrl: link.wsUrl, pollIntervalMs });

/** Starts `engine` against a relayLike() link and records frames until the live snapshot (seq 5) is in. */
async function recordLive(engine: EngineApi, link: LinkServer) {
  await engine.start(config(link));
  const r = await record(engine);
  await r.waitFor((f) => f.seq === 5);
  return r;
}

describe('createEngine(deps)', () => {
  it('shows the cached snapshot at once, stale and from cache, with no network', async () => {
    const deps = nodeDeps();
    const seed = await openStore({ factory: deps.factory });
    await seed.saveSnapshot({ seq: 41, saved_at: T0, feed: feedOk, quotes: threeQuotes });
    seed.close();
    const port = await closedPort();
    const engine = engineWith(deps);
    // As the app does: start, then subscribe (start connects once the cached map is out).
    const started = engine.start(config({ port, wsUrl: `ws://127.0.0.1:${port}/ws/stocks` }));
    const r = await record(engine);
    await started;
    const first = r.frames[0]!;
    expect(first.seq).toBe(41);
    expect(first.layout?.symbols.slice().sort()).toEqual(['AAPL', 'JPM', 'XOM']);
    expect(first.status).toMatchObject({ fromCache: true, stale: true, dataTime: feedOk.last_update, storage: 'ok', receivedAt: null });
    await r.waitFor((f) => f.status.connection === 'reconnecting', 'reconnecting');
    expect(r.last().layout === null && r.last().status.fromCache).toBe(true);
  });

  it('reads the cache before start(): a subscriber\'s first frame is the cached map, not an empty one', async () => {
    const deps = nodeDeps();
    const seed = await openStore({ factory: deps.factory });
    await seed.saveSnapshot({ seq: 41, saved_at: T0, feed: feedOk, quotes: threeQuotes });
    seed.close();
    const engine = engineWith(deps);
    const r = await record(engine);
    await r.waitFor((f) => f.seq === 41, 'the cached frame');
    expect(r.frames[0]!.layout?.symbols).toHaveLength(3);
    expect(r.frames[0]!.status).toMatchObject({ fromCache: true, connection: 'connecting' });
  });

  it('connects only once the cached map has gone out to a subscriber', async () => {
    const link = await relayLike();
    const deps = nodeDeps({ tuning: { cacheWaitMs: 5_000 } });
    const seed = await openStore({ factory: deps.factory });
    await seed.saveSnapshot({ seq: 41, saved_at: T0, feed: feedOk, quotes: threeQuotes });
    seed.close();
    const engine = engineWith(deps);
    const started = engine.start(config(link));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(link.upgrades).toBe(0);
    const r = await record(engine);
    await started;
    await r.waitFor((f) => f.seq === 5 && f.status.connection === 'live', 'live data');
    expect(r.frames[0]!.seq).toBe(41);
  });

  it('connects without a subscriber once the cache wait has run out', async () => {
    const link = await relayLike();
    const deps = nodeDeps({ tuning: { cacheWaitMs: 50 } });
    const seed = await openStore({ factory: deps.factory });
    await seed.saveSnapshot({ seq: 41, saved_at: T0, feed: feedOk, quotes: threeQuotes });
    seed.close();
    const engine = engineWith(deps);
    await engine.start(config(link));
    await until(() => link.upgrades === 1, 2_000, 'the socket');
  });

  it('keeps stored history when live data arrives before it was read', async () => {
    const link = await relayLike();
    const deps = nodeDeps({ tuning: { persistHistoryMs: 60_000 } });
    const seed = await openStore({ factory: deps.factory });
    await seed.saveHistory([{ symbol: 'AAPL', t: [T0 - 120_000, T0 - 60_000], price: [190, 195] }]);
    seed.close();
    const engine = createEngine(deps);
    // No subscriber: nothing asks for history before the live snapshot triggers the first save.
    await engine.start(config(link));
    let live = false;
    await until(() => (void engine.getDetail('AAPL').then((d) => (live = d !== null)), live), 2_000, 'live data');
    await engine.dispose();
    const store = await openStore({ factory: deps.factory });
    expect((await store.loadHistory()).find((h) => h.symbol === 'AAPL')).toEqual({ symbol: 'AAPL', t: [T0 - 120_000, T0 - 60_000, T0], price: [190, 195, 200] });
    store.close();
  });

  it('replaces the cache with live data; later frames carry values, not layout', async () => {
    const link = await relayLike();
    const engine = engineWith(nodeDeps());
    await engine.start(config(link));
    const r = await record(engine);
    await r.waitFor((f) => f.status.connection === 'live' && !f.status.stale && f.seq === 5, 'live data');
    const at = r.frames.length;
    link.sockets[0]!.send(delta(6, [{ symbol: 'AAPL', price: 210, pct_change: 7 }]));
    await r.waitFor((f) => f.seq === 6, 'the delta');
    const frame = r.last();
    const k = r.frames.findLast((f) => f.layout)!.layout!.symbols.indexOf('AAPL');
    expect([frame.layout, frame.prices[k], frame.values[k]]).toEqual([null, 210, 7]);
    expect(r.frames.slice(at).every((f) => f.layout === null)).toBe(true);
    expect(frame.status).toMatchObject({ fromCache: false, connection: 'live', feed: feedOk, invalidMessages: 0 });
  });

  it('coalesces a burst of deltas into a few frames and always shows the last', async () => {
    const link = await relayLike();
    const engine = engineWith(nodeDeps());
    const r = await recordLive(engine, link);
    const before = r.frames.length;
    for (let seq = 6; seq < 56; seq++) link.sockets[0]!.send(delta(seq, [{ symbol: 'XOM', price: 100 + seq }]));
    await r.waitFor((f) => f.seq === 55, 'the last delta');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(r.frames.length - before).toBeLessThan(10);
    expect(r.last().seq).toBe(55);
  });

  it('marks frames stale after three silent poll intervals', async () => {
    const link = await relayLike();
    link.answerPings = false;
    const engine = engineWith(nodeDeps({ tuning: { connection: { idleTimeoutMs: 60_000 } } }));
    await engine.start(config(link, 50));
    const r = await record(engine);
    await r.waitFor((f) => f.seq === 5 && !f.status.stale, 'fresh data');
    await r.waitFor((f) => f.status.stale, 'stale');
    expect(r.last().status.receivedAt).not.toBeNull();
  });

  it('goes offline on the browser event and reconnects at once when back', async () => {
    const link = await relayLike();
    const deps = nodeDeps();
    const engine = engineWith(deps);
    await engine.start(config(link));
    const r = await record(engine);
    await r.waitFor((f) => f.status.connection === 'live');
    deps.setOnline(false);
    await r.waitFor((f) => f.status.connection === 'offline', 'offline');
    const offlineAt = r.frames.length;
    deps.setOnline(true);
    await until(() => r.frames.slice(offlineAt).some((f) => f.status.connection === 'live'), 2_000, 'live again');
    expect(link.upgrades).toBe(2);
  });

  it('shows rate_limited with the relay\'s retry time', async () => {
    const link = await relayLike();
    const engine = engineWith(nodeDeps());
    await engine.start(config(link));
    const r = await record(engine);
    await r.waitFor((f) => f.status.connection === 'live');
    link.sockets[0]!.send(JSON.stringify({ type: 'status', sent_at: T0, ...feedOk, status: 'rate_limited', reason: '429', retry_at: T0 + 30_000 }));
    await r.waitFor((f) => f.status.connection === 'rate_limited', 'rate_limited');
    expect(r.last().status.retryAt).toBe(T0 + 30_000);
  });

  it('gives each subscriber the layout on its first frame', async () => {
    const link = await relayLike();
    const engine = engineWith(nodeDeps());
    const a = await recordLive(engine, link);
    const b = await record(engine);
    expect(b.frames[0]!.layout?.symbols).toHaveLength(3);
    link.sockets[0]!.send(delta(6, [{ symbol: 'JPM', price: 260 }]));
    await until(() => a.last().seq === 6 && b.last().seq === 6);
    expect([a.last().layout, b.last().layout]).toEqual([null, null]);
    b.unsubscribe();
    const count = b.frames.length;
    link.sockets[0]!.send(delta(7, [{ symbol: 'JPM', price: 261 }]));
    await a.waitFor((f) => f.seq === 7);
    expect(b.frames.length).toBe(count);
  });

  it('persists the snapshot and history, and flushes them on dispose', async () => {
    const link = await relayLike();
    const deps = nodeDeps({ tuning: { persistSnapshotMs: 60_000, persistHistoryMs: 60_000 } });
    const engine = createEngine(deps);
    const r = await recordLive(engine, link);
    link.sockets[0]!.send(delta(6, [{ symbol: 'AAPL', price: 222, timestamp: T0 + 120_000 }]));
    await r.waitFor((f) => f.seq === 6);
    await engine.dispose();
    await until(() => link.sockets.length === 0, 2_000, 'socket closed');
    const store = await openStore({ factory: deps.factory });
    const saved = await store.loadSnapshot();
    expect([saved?.seq, saved?.quotes.find((q) => q.symbol === 'AAPL')?.price]).toEqual([6, 222]);
    expect((await store.loadHistory()).find((h) => h.symbol === 'AAPL')).toEqual({ symbol: 'AAPL', t: [T0, T0 + 120_000], price: [200, 222] });
    store.close();
  });

  it('persist() saves the snapshot and history at once, long before their intervals, and the engine carries on', async () => {
    const link = await relayLike();
    const deps = nodeDeps({ tuning: { persistSnapshotMs: 60_000, persistHistoryMs: 60_000, persistFirstDelayMs: 60_000 } });
    const engine = engineWith(deps);
    const r = await recordLive(engine, link);
    link.sockets[0]!.send(delta(6, [{ symbol: 'AAPL', price: 222, timestamp: T0 + 120_000 }]));
    await r.waitFor((f) => f.seq === 6);
    const store = await openStore({ factory: deps.factory });
    expect([await store.loadSnapshot(), await store.loadHistory()]).toEqual([null, []]);
    await engine.persist();
    expect((await store.loadSnapshot())?.seq).toBe(6);
    expect((await store.loadHistory()).find((h) => h.symbol === 'AAPL')).toEqual({ symbol: 'AAPL', t: [T0, T0 + 120_000], price: [200, 222] });
    // Still live: a later delta makes a frame, and a second persist() saves it.
    link.sockets[0]!.send(delta(7, [{ symbol: 'AAPL', price: 230, timestamp: T0 + 180_000 }]));
    await r.waitFor((f) => f.seq === 7);
    await engine.persist();
    expect((await store.loadSnapshot())?.seq).toBe(7);
    store.close();
  });

  it('holds the first save of live data back by persistFirstDelayMs (the page is starting up), then saves', async () => {
    const link = await relayLike();
    const deps = nodeDeps({ tuning: { persistSnapshotMs: 50, persistFirstDelayMs: 400 } });
    const engine = engineWith(deps);
    await recordLive(engine, link);
    const live = Date.now();
    const store = await openStore({ factory: deps.factory });
    expect(await store.loadSnapshot()).toBeNull();
    while ((await store.loadSnapshot())?.seq !== 5) {
      expect(Date.now() - live, 'first snapshot saved within 3 s').toBeLessThan(3_000);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(Date.now() - live).toBeGreaterThanOrEqual(300);
    store.close();
  });

  it('reads the stored history historyReadDelayMs after the first frame, not with it, or at once when asked for', async () => {
    const link = await relayLike();
    /** nodeDeps whose store counts its history reads. */
    const counting = (historyReadDelayMs: number) => {
      const base = nodeDeps({ tuning: { historyReadDelayMs } });
      const counter = { reads: 0 };
      const deps: NodeDeps = {
        ...base,
        openDb: async (hooks) => {
          const store = await base.openDb(hooks);
          const load = store.loadHistory.bind(store);
          return Object.assign(store, { loadHistory: () => (counter.reads++, load()) });
        },
      };
      return { deps, counter };
    };
    const later = counting(300);
    const engine = engineWith(later.deps);
    await recordLive(engine, link);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(later.counter.reads).toBe(0);
    await until(() => later.counter.reads === 1, 2_000, 'the delayed history read');

    const asked = counting(60_000);
    const other = engineWith(asked.deps);
    await recordLive(other, link);
    expect(asked.counter.reads).toBe(0);
    expect([...(await other.getHistory('XOM')).price]).toEqual([110]);
    expect(asked.counter.reads).toBe(1);
  });

  it('answers detail, history and filters (derived when /api/filters fails)', async () => {
    const link = await relayLike();
    const engine = engineWith(nodeDeps());
    await recordLive(engine, link);
    const detail = await engine.getDetail('XOM');
    expect(detail?.quote).toEqual(threeQuotes[1]);
    expect(detail!.age).toBeGreaterThan(0);
    expect(await engine.getDetail('NOPE')).toBeNull();
    expect([...(await engine.getHistory('XOM')).price]).toEqual([110]);
    const filters = await engine.getFilters();
    expect(filters?.sectors).toEqual(['Information Technology', 'Financials', 'Energy']);
    expect(filters?.universes).toEqual([{ id: 'sp500', name: 'S&P 500', count: 3 }]);
  });

  it('asks for /api/filters once when the start and the socket going live both want it', async () => {
    const link = await relayLike();
    link.filters = (_req, res) => void setTimeout(() => res.writeHead(404).end(), 300);
    const engine = engineWith(nodeDeps());
    await recordLive(engine, link);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(link.filtersRequests).toBe(1);
    expect((await engine.getFilters())?.sectors).toEqual(['Information Technology', 'Financials', 'Energy']);
  });

  it('reports a criteria error in frames and counts invalid messages', async () => {
    const link = await relayLike();
    const engine = engineWith(nodeDeps());
    const r = await recordLive(engine, link);
    await engine.setView({ ...DEFAULT_VIEW, criteria: 'volume >' });
    link.sockets[0]!.send('{"type":"delta","seq":"six"}');
    await r.waitFor((f) => f.criteriaError !== null && f.status.invalidMessages === 1, 'error and count');
    expect(r.last().criteriaError).toEqual({ message: 'expected a value at 8', position: 8 });
    expect(r.last().layout?.symbols ?? r.frames.findLast((f) => f.layout)!.layout!.symbols).toHaveLength(3);
  });
});
