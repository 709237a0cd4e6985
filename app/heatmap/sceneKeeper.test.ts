import { describe, expect, it, vi } from 'vitest';
import { createSceneKeeper } from './sceneKeeper.ts';
import { decodeSavedScene, SAVED_SCENE_KEY } from './savedScene.ts';
import { savedScene, sceneLayout } from '../test/scenes.ts';

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

/** Timers run by hand. */
function manualTimers() {
  const due = new Set<() => void>();
  return {
    set: (run: () => void) => (due.add(run), run),
    clear: (handle: unknown) => void due.delete(handle as () => void),
    runAll: () => [...due].forEach((run) => (due.delete(run), run())),
    pending: () => due.size,
  };
}

const frame = (version: number, values = [1.5, -0.5, 0]) => ({ layout: sceneLayout(version), values: Float32Array.from(values), prices: savedScene().prices });
const saved = (storage: Storage) => {
  const text = storage.getItem(SAVED_SCENE_KEY);
  const scene = text === null ? null : decodeSavedScene(text);
  return scene?.ok ? { key: scene.value.key, version: scene.value.layout.version, values: [...scene.value.values] } : null;
};

describe('createSceneKeeper(options)', () => {
  it('saves the latest frame once per interval, not every frame', () => {
    const storage = memoryStorage();
    const timers = manualTimers();
    const keeper = createSceneKeeper({ storage, timers });
    keeper.note('view-a', frame(1, [1, 1, 1]));
    keeper.note('view-a', frame(1, [2, 2, 2]));
    expect([timers.pending(), saved(storage)]).toEqual([1, null]);
    timers.runAll();
    expect(saved(storage)).toEqual({ key: 'view-a', version: 1, values: [2, 2, 2] });
    keeper.note('view-a', frame(1, [3, 3, 3]));
    keeper.flush();
    expect(saved(storage)).toEqual({ key: 'view-a', version: 1, values: [3, 3, 3] });
    expect(timers.pending()).toBe(0);
  });

  it('saves a map over periodicMaxTiles only when flushed (page hidden or left), not every interval', () => {
    const storage = memoryStorage();
    const timers = manualTimers();
    const keeper = createSceneKeeper({ storage, timers, periodicMaxTiles: 2 });
    keeper.note('view-a', frame(1, [1, 1, 1]));
    expect(timers.pending()).toBe(0);
    timers.runAll();
    expect(saved(storage)).toBeNull();
    keeper.flush();
    expect(saved(storage)).toEqual({ key: 'view-a', version: 1, values: [1, 1, 1] });
  });

  it("never saves the old view's frames under the new view's name", () => {
    const storage = memoryStorage();
    const keeper = createSceneKeeper({ storage, timers: manualTimers() });
    keeper.note('view-a', frame(4));
    keeper.flush();
    // The view changed; the engine's next frame is still the old layout.
    keeper.note('view-b', frame(4, [9, 9, 9]));
    keeper.flush();
    expect(saved(storage)).toEqual({ key: 'view-a', version: 4, values: [1.5, -0.5, 0] });
    keeper.note('view-b', frame(5, [7, 7, 7]));
    keeper.flush();
    expect(saved(storage)).toEqual({ key: 'view-b', version: 5, values: [7, 7, 7] });
  });

  it('does not save an empty map: the one before stays', () => {
    const storage = memoryStorage();
    const keeper = createSceneKeeper({ storage, timers: manualTimers() });
    keeper.note('view-a', frame(1));
    keeper.flush();
    keeper.note('view-a', { ...frame(2), layout: { ...sceneLayout(2), symbols: [], names: [] } });
    keeper.flush();
    expect(saved(storage)?.version).toBe(1);
  });

  it('on a full storage removes its entry and stops for the session, saying so once', () => {
    const storage = memoryStorage(true);
    storage.map.set(SAVED_SCENE_KEY, 'old');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const timers = manualTimers();
    const keeper = createSceneKeeper({ storage, timers });
    keeper.note('view-a', frame(1));
    keeper.flush();
    keeper.note('view-a', frame(2));
    keeper.flush();
    expect(storage.map.has(SAVED_SCENE_KEY)).toBe(false);
    expect(timers.pending()).toBe(0);
    expect(warn.mock.calls).toEqual([['storage is full: the map is not saved for the next start in this session']]);
    warn.mockRestore();
  });

  it('does nothing where storage is blocked', () => {
    const keeper = createSceneKeeper({ storage: null, timers: manualTimers() });
    keeper.note('view-a', frame(1));
    expect(() => keeper.flush()).not.toThrow();
  });
});
