import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, type View } from './api.ts';
import { sceneKeyOf } from './savedScene.ts';
import { createSceneSaver } from './sceneSaver.ts';
import { openStore, type Store } from './store.ts';
import { createThrottle } from './throttle.ts';
import type { Timers } from './timers.ts';
import { readBackScene, sceneLayout } from './test/scenes.ts';

let cleanup: (() => void)[] = [];
afterEach(() => {
  cleanup.forEach((f) => f());
  cleanup = [];
});

const view: View = { ...DEFAULT_VIEW, width: 300, height: 200 };
const frame = (version = 4, values = [1, 2, 3]) => ({ layout: sceneLayout(version), values: Float32Array.from(values), prices: Float32Array.from([10, 20, 30]) });
/** Lets fake-indexeddb finish what a save started (it runs on real timers). */
const settle = () => new Promise((r) => setTimeout(r, 20));

/** Timers the test moves by hand. */
function manualTimers() {
  let now = 0;
  let pending: { fn: () => void; at: number }[] = [];
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      const timer = { fn, at: now + ms };
      pending.push(timer);
      return timer;
    },
    clearTimeout: (handle) => void (pending = pending.filter((t) => t !== handle)),
  };
  return {
    timers,
    now: () => now,
    async advance(ms: number) {
      now += ms;
      const due = pending.filter((t) => t.at <= now);
      pending = pending.filter((t) => t.at > now);
      due.forEach((t) => t.fn());
      await settle();
    },
  };
}

/** A saver every 1,000 ms over a real store (fake-indexeddb) that records the values of each save. */
async function setup() {
  const factory = new IDBFactory();
  const real = await openStore({ factory, log: () => undefined });
  cleanup.push(() => real.close());
  const saved: number[][] = [];
  const store: Store = { ...real, state: real.state, saveScene: (scene) => (saved.push([...scene.values]), real.saveScene(scene)) };
  const clock = manualTimers();
  const saver = createSceneSaver({ throttle: (run) => createThrottle({ everyMs: 1_000, timers: clock.timers, now: clock.now, run }), store: () => store });
  return { factory, saver, saved, clock };
}

describe('createSceneSaver(options)', () => {
  it('saves the map last noted, with its view, for the next start to read', async () => {
    const { factory, saver, clock } = await setup();
    const sent = frame(4, [1, 2, 3]);
    saver.note(view, sent);
    // The transport may take the frame's arrays away once it is sent: what was noted is a copy.
    sent.values.fill(0);
    await clock.advance(0);
    const read = await readBackScene(factory);
    expect(read?.key).toBe(sceneKeyOf(view));
    expect(read?.layout.symbols).toEqual(['AAPL', 'MSFT', 'XOM']);
    expect([...read!.values]).toEqual([1, 2, 3]);
  });

  it('writes at most once per interval, always the latest frame', async () => {
    const { factory, saver, saved, clock } = await setup();
    saver.note(view, frame(4, [1, 1, 1]));
    await clock.advance(0);
    saver.note(view, frame(4, [2, 2, 2]));
    await clock.advance(400);
    saver.note(view, frame(4, [3, 3, 3]));
    await clock.advance(400);
    expect(saved).toEqual([[1, 1, 1]]);
    await clock.advance(200);
    saver.note({ ...view, sectors: ['Energy'] }, frame(5, [4, 4, 4]));
    await saver.flush();
    expect(saved).toEqual([[1, 1, 1], [3, 3, 3], [4, 4, 4]]);
    const read = await readBackScene(factory);
    expect([read?.key, read?.layout.version]).toEqual([sceneKeyOf({ ...view, sectors: ['Energy'] }), 5]);
  });

  it('keeps the last map when the view shows no tiles', async () => {
    const { factory, saver } = await setup();
    saver.note(view, frame());
    await saver.flush();
    const empty = { ...sceneLayout(6), symbols: [], names: [], x: new Float32Array(0), y: new Float32Array(0), w: new Float32Array(0), h: new Float32Array(0) };
    saver.note({ ...view, search: 'nothing matches' }, { layout: empty, values: new Float32Array(0), prices: new Float32Array(0) });
    await saver.flush();
    expect((await readBackScene(factory))?.key).toBe(sceneKeyOf(view));
  });
});
