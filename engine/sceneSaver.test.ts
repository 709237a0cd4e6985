import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, type View } from './api.ts';
import { beginCacheRead } from './cacheRead.ts';
import { sceneKeyOf } from './savedScene.ts';
import { createSceneSaver } from './sceneSaver.ts';
import { openStore, type Store } from './store.ts';
import { createThrottle } from './throttle.ts';
import { systemTimers } from './timers.ts';
import { sceneLayout } from './test/scenes.ts';

let cleanup: (() => void)[] = [];
afterEach(() => {
  cleanup.forEach((f) => f());
  cleanup = [];
});

const view: View = { ...DEFAULT_VIEW, width: 300, height: 200 };
const frame = (version = 4, values = [1, 2, 3]) => ({ layout: sceneLayout(version), values: Float32Array.from(values), prices: Float32Array.from([10, 20, 30]) });

/** A saver over a real store (fake-indexeddb) that records which saves carried a layout. */
async function setup(everyMs = 1_000) {
  const factory = new IDBFactory();
  const real = await openStore({ factory, log: () => undefined });
  cleanup.push(() => real.close());
  const writes: ('layout' | 'values')[] = [];
  const store: Store = {
    ...real,
    state: real.state,
    saveScene: (layout, values) => (writes.push(layout ? 'layout' : 'values'), real.saveScene(layout, values)),
  };
  const saver = createSceneSaver({ throttle: (run) => createThrottle({ everyMs, timers: systemTimers, now: Date.now, run }), store: () => store, now: () => 1_700_000_000_000 });
  return { factory, saver, writes };
}

/** What the next start would read. */
async function nextStartReads(factory: IDBFactory) {
  return beginCacheRead(factory).scene;
}

describe('createSceneSaver(options)', () => {
  it('saves the map last noted, with its view, for the next start to read', async () => {
    const { factory, saver } = await setup();
    const sent = frame(4, [1, 2, 3]);
    saver.note(view, sent);
    // The transport may take the frame's arrays away once it is sent: what was noted is a copy.
    sent.values.fill(0);
    await saver.flush();
    const read = await nextStartReads(factory);
    expect(read?.key).toBe(sceneKeyOf(view));
    expect(read?.layout.symbols).toEqual(['AAPL', 'MSFT', 'XOM']);
    expect([...read!.values]).toEqual([1, 2, 3]);
    expect(read?.savedAt).toBe(1_700_000_000_000);
  });

  it('writes at most once per interval, the latest frame, and the layout only when it changed', async () => {
    const { factory, saver, writes } = await setup(40);
    saver.note(view, frame(4, [1, 1, 1]));
    await new Promise((r) => setTimeout(r, 10));
    saver.note(view, frame(4, [2, 2, 2]));
    saver.note(view, frame(4, [3, 3, 3]));
    await new Promise((r) => setTimeout(r, 80));
    saver.note({ ...view, sectors: ['Energy'] }, frame(4, [4, 4, 4]));
    await new Promise((r) => setTimeout(r, 80));
    saver.note({ ...view, sectors: ['Energy'] }, frame(5, [5, 5, 5]));
    await saver.flush();
    // First save at once; the next two notes in one write with the same layout; a new view and a new version rewrite it.
    expect(writes).toEqual(['layout', 'values', 'layout', 'layout']);
    const read = await nextStartReads(factory);
    expect([read?.key, read?.version, [...read!.values]]).toEqual([sceneKeyOf({ ...view, sectors: ['Energy'] }), 5, [5, 5, 5]]);
  });

  it('keeps the last map when the view shows no tiles', async () => {
    const { factory, saver } = await setup();
    saver.note(view, frame());
    await saver.flush();
    const empty = { ...sceneLayout(6), symbols: [], names: [], x: new Float32Array(0), y: new Float32Array(0), w: new Float32Array(0), h: new Float32Array(0) };
    saver.note({ ...view, search: 'nothing matches' }, { layout: empty, values: new Float32Array(0), prices: new Float32Array(0) });
    await saver.flush();
    expect((await nextStartReads(factory))?.key).toBe(sceneKeyOf(view));
  });
});
