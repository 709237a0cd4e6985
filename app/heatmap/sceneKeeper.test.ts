// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSceneKeeper } from './sceneKeeper.ts';
import { decodeSavedScene, SAVED_SCENE_KEY } from './savedScene.ts';
import { sceneLayout, TINY_PNG } from '../test/scenes.ts';

/** localStorage's surface over a Map; `full` makes writes fail as a full storage does. */
function memoryStorage(full = false): Storage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem(k, v) {
      if (full) throw new DOMException('full', 'QuotaExceededError');
      map.set(k, v);
    },
    removeItem: (k) => void map.delete(k),
    clear: () => map.clear(),
  };
}

/** Timers run by hand; each remembers its delay. */
function manualTimers() {
  const due = new Map<() => void, number>();
  return {
    set: (run: () => void, ms: number) => (due.set(run, ms), run),
    clear: (handle: unknown) => void due.delete(handle as () => void),
    runAll: () => [...due.keys()].forEach((run) => (due.delete(run), run())),
    delays: () => [...due.values()],
  };
}

/** The picture "taken" of the map: a real PNG, as the canvas would give. */
const pictures = () => {
  const taken = { count: 0 };
  const picture = async () => {
    taken.count++;
    return new Blob([Uint8Array.from(atob(TINY_PNG.split(',')[1]!), (c) => c.charCodeAt(0))], { type: 'image/png' });
  };
  return { taken, picture };
};

const frame = (version: number, tiles = 3) => {
  const layout = sceneLayout(version);
  return { layout: { ...layout, symbols: layout.symbols.slice(0, tiles) } };
};
const saved = (storage: Storage) => {
  const text = storage.getItem(SAVED_SCENE_KEY);
  const scene = text === null ? null : decodeSavedScene(text);
  return scene?.ok ? { key: scene.value.key, size: [scene.value.width, scene.value.height], tiles: scene.value.tiles, image: scene.value.image } : null;
};

afterEach(() => vi.restoreAllMocks());

describe('createSceneKeeper(options)', () => {
  it('saves a picture of the map a little after it shows a new view, then at most once per interval', async () => {
    const storage = memoryStorage();
    const timers = manualTimers();
    const { taken, picture } = pictures();
    const keeper = createSceneKeeper({ storage, timers, picture, firstMs: 4000, everyMs: 30000 });
    keeper.note('view-a', frame(1));
    keeper.note('view-a', frame(1));
    expect(timers.delays()).toEqual([4000]);
    expect(saved(storage)).toBeNull();
    timers.runAll();
    await keeper.flush(); // nothing pending: waits for the timer's save
    expect(saved(storage)).toEqual({ key: 'view-a', size: [300, 200], tiles: 3, image: TINY_PNG });
    expect(taken.count).toBe(1);
    // Values change: the next save waits for the interval.
    keeper.note('view-a', frame(1));
    keeper.note('view-a', frame(1));
    expect(timers.delays()).toEqual([30000]);
    // A new view: saved sooner again.
    keeper.note('view-b', frame(2));
    expect(timers.delays()).toEqual([4000]);
    timers.runAll();
    await keeper.flush(); // nothing pending: waits for the timer's save
    expect(saved(storage)?.key).toBe('view-b');
    expect(taken.count).toBe(2);
  });

  it('saves a pending change at once when flushed (the page is hidden), and nothing when none is pending', async () => {
    const storage = memoryStorage();
    const timers = manualTimers();
    const { taken, picture } = pictures();
    const keeper = createSceneKeeper({ storage, timers, picture });
    keeper.note('view-a', frame(1));
    await keeper.flush();
    expect(saved(storage)?.key).toBe('view-a');
    expect(timers.delays()).toEqual([]);
    await keeper.flush();
    expect(taken.count).toBe(1);
  });

  it("never saves the old view's frames under the new view's name", async () => {
    const storage = memoryStorage();
    const { picture } = pictures();
    const keeper = createSceneKeeper({ storage, timers: manualTimers(), picture });
    keeper.note('view-a', frame(4));
    await keeper.flush();
    // The view changed; the engine's next frame is still the old layout.
    keeper.note('view-b', frame(4));
    await keeper.flush();
    expect(saved(storage)?.key).toBe('view-a');
    keeper.note('view-b', frame(5, 2));
    await keeper.flush();
    expect(saved(storage)).toMatchObject({ key: 'view-b', tiles: 2 });
  });

  it('does not save a picture taken while the view changed', async () => {
    const storage = memoryStorage();
    let finish: (blob: Blob) => void = () => {};
    const picture = () => new Promise<Blob>((resolve) => (finish = resolve));
    const keeper = createSceneKeeper({ storage, timers: manualTimers(), picture });
    keeper.note('view-a', frame(1));
    const saving = keeper.flush();
    keeper.note('view-b', frame(2));
    finish(await pictures().picture());
    await saving;
    expect(saved(storage)).toBeNull();
  });

  it('does not save an empty map, or a map the renderer has no picture of: the one before stays', async () => {
    const storage = memoryStorage();
    const { picture } = pictures();
    const keeper = createSceneKeeper({ storage, timers: manualTimers(), picture });
    keeper.note('view-a', frame(1));
    await keeper.flush();
    keeper.note('view-a', frame(2, 0));
    await keeper.flush();
    expect(saved(storage)?.tiles).toBe(3);
    const none = createSceneKeeper({ storage, timers: manualTimers(), picture: async () => null });
    none.note('view-c', frame(3));
    await none.flush();
    expect(saved(storage)?.key).toBe('view-a');
  });

  it('on a full storage removes its entry and stops for the session, saying so once', async () => {
    const storage = memoryStorage(true);
    storage.map.set(SAVED_SCENE_KEY, 'old');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const timers = manualTimers();
    const { taken, picture } = pictures();
    const keeper = createSceneKeeper({ storage, timers, picture });
    keeper.note('view-a', frame(1));
    await keeper.flush();
    keeper.note('view-a', frame(2));
    await keeper.flush();
    expect(storage.map.has(SAVED_SCENE_KEY)).toBe(false);
    expect(timers.delays()).toEqual([]);
    expect(taken.count).toBe(1);
    expect(warn.mock.calls).toEqual([['storage is full: the map is not saved for the next start in this session']]);
  });

  it('once stopped (the map unmounted) saves nothing more', async () => {
    const storage = memoryStorage();
    const timers = manualTimers();
    const { taken, picture } = pictures();
    const keeper = createSceneKeeper({ storage, timers, picture });
    keeper.note('view-a', frame(1));
    keeper.stop();
    expect(timers.delays()).toEqual([]);
    await keeper.flush();
    expect(taken.count).toBe(0);
  });

  it('does nothing where storage is blocked', async () => {
    const { taken, picture } = pictures();
    const keeper = createSceneKeeper({ storage: null, timers: manualTimers(), picture });
    keeper.note('view-a', frame(1));
    await expect(keeper.flush()).resolves.toBeUndefined();
    expect(taken.count).toBe(0);
  });
});
