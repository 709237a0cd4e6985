import { afterEach, describe, expect, it } from 'vitest';
import { proxy, releaseProxy, wrap, type Remote } from 'comlink';
import { DEFAULT_VIEW, type EngineApi, type Frame } from './api.ts';
import { createEngine } from './engine.ts';
import { exposeEngine } from './expose.ts';
import { openStore } from './store.ts';
import { until } from './test/linkServer.ts';
import { nodeDeps } from './test/nodeDeps.ts';
import { feedOk, T0, threeQuotes } from './test/fixtures.ts';

let cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.reverse()) await f();
  cleanup = [];
});

/** An engine with a cached market and no network, exposed over a MessageChannel in this thread. */
async function exposed(wrapEngine: (engine: EngineApi) => EngineApi = (e) => e): Promise<{ api: Remote<EngineApi>; sent: Frame[] }> {
  const deps = nodeDeps();
  const seed = await openStore({ factory: deps.factory });
  await seed.saveSnapshot({ seq: 9, saved_at: T0, feed: feedOk, quotes: threeQuotes });
  seed.close();
  const engine = createEngine(deps);
  const sent: Frame[] = [];
  const spy: EngineApi = { ...engine, subscribe: (view, onFrame) => engine.subscribe(view, (f) => (sent.push(f), onFrame(f))) };
  const { port1, port2 } = new MessageChannel();
  exposeEngine(wrapEngine(spy), port1);
  const api = wrap<EngineApi>(port2);
  cleanup.push(async () => {
    await engine.dispose();
    api[releaseProxy]();
    port1.close();
    port2.close();
  });
  // Not started: the engine reads its cache on creation, and with no link to a relay nothing but
  // the tests' own calls produces frames.
  return { api, sent };
}

describe('exposeEngine(engine, endpoint)', () => {
  it('delivers frames with typed arrays moved (transferred), not copied', async () => {
    const { api, sent } = await exposed();
    const frames: Frame[] = [];
    await api.subscribe(DEFAULT_VIEW, proxy((f: Frame) => void frames.push(f)));
    await until(() => frames.length > 0);
    const frame = frames[0]!;
    expect(frame.seq).toBe(9);
    expect(frame.values).toBeInstanceOf(Float32Array);
    expect(frame.layout!.x).toBeInstanceOf(Float32Array);
    expect(frame.layout!.symbols).toHaveLength(3);
    expect([...frame.prices].sort((a, b) => a - b)).toEqual([110, 200, 250]);
    // The worker-side arrays are detached: they moved instead of being cloned.
    expect([sent[0]!.values.byteLength, sent[0]!.layout!.x.byteLength]).toEqual([0, 0]);
  });

  it('returns an unsubscribe that works across the boundary', async () => {
    const { api } = await exposed();
    const frames: Frame[] = [];
    const unsubscribe = await api.subscribe(DEFAULT_VIEW, proxy((f: Frame) => void frames.push(f)));
    await until(() => frames.length > 0);
    await unsubscribe();
    const count = frames.length;
    await api.setView({ ...DEFAULT_VIEW, width: 640 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(frames.length).toBe(count);
  });

  it('drops a subscriber whose callback fails instead of failing every frame', async () => {
    const { api, sent } = await exposed();
    let calls = 0;
    await api.subscribe(DEFAULT_VIEW, proxy(() => {
      calls++;
      throw new Error('page gone');
    }));
    await until(() => calls === 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await api.setView({ ...DEFAULT_VIEW, width: 640 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect([calls, sent.length]).toEqual([1, 1]);
  });

  it('moves history arrays and returns plain data', async () => {
    const { api } = await exposed();
    const history = await api.getHistory('AAPL');
    expect(history.t).toBeInstanceOf(Float64Array);
    // No stored history: the series is the cached quote's own point (the minute in progress).
    expect([...history.price]).toEqual([200]);
    expect((await api.getDetail('JPM'))?.quote.price).toBe(250);
    expect((await api.getFilters())?.sectors).toHaveLength(3);
  });

  it('keeps a thrown error\'s message across the boundary', async () => {
    const { api } = await exposed((engine) => ({ ...engine, getDetail: async (s) => { throw new Error(`unknown symbol: ${s}`); } }));
    await expect(api.getDetail('ZZZ')).rejects.toThrow('unknown symbol: ZZZ');
  });
});
