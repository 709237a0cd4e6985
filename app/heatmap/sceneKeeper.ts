/**
 * Saving the map on screen for the next start (savedScene.ts): the latest frame of the view shown,
 * at most once per interval, and at once when the page is hidden or left (a phone may never bring
 * the tab back). On a full storage it removes its entry and stops for the session: a convenience
 * for the next start is never worth space something else needs.
 */
import type { RenderFrame } from '../data/frameStore.ts';
import { encodeSavedScene, SAVED_SCENE_KEY, type SavedScene } from './savedScene.ts';

export interface SceneKeeper {
  /** The frame now on the map, for the view named `key` (sceneKeyOf). */
  note(key: string, frame: Pick<RenderFrame, 'layout' | 'values' | 'prices'>): void;
  /** Writes a pending save now. */
  flush(): void;
}

export interface KeeperOptions {
  storage: Storage | null;
  everyMs?: number;
  /**
   * Maps with more tiles than this are saved only when the page is hidden or left, not every
   * interval: writing one costs the page's thread ≈ 1 ms per 100 tiles (≈ 50 ms for a 6,000-tile
   * universe, a long task every interval), while the interval only guards against a tab that ends
   * without being hidden first.
   */
  periodicMaxTiles?: number;
  timers?: { set(run: () => void, ms: number): unknown; clear(handle: unknown): void };
}

const browserTimers = { set: (run: () => void, ms: number): unknown => setTimeout(run, ms), clear: (handle: unknown) => clearTimeout(handle as number) };

const isQuota = (error: unknown) => error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);

export function createSceneKeeper({ storage, everyMs = 10_000, periodicMaxTiles = 2_000, timers = browserTimers }: KeeperOptions): SceneKeeper {
  let pending: SavedScene | null = null;
  let timer: unknown = null;
  let dropped = false;
  let key: string | null = null;
  /** The layout version of the last frame noted. */
  let lastVersion: number | null = null;
  /**
   * The layout on the map when the view changed: frames still carrying it are the old view's (the
   * engine has not answered the new view yet) and are not saved under the new view's name.
   */
  let previousView: number | null = null;

  function write(): void {
    timer = null;
    const scene = pending;
    pending = null;
    if (!scene || !storage || dropped) return;
    try {
      storage.setItem(SAVED_SCENE_KEY, encodeSavedScene(scene));
    } catch (error) {
      if (!isQuota(error)) return void console.warn('could not save the map for the next start', error);
      dropped = true;
      storage.removeItem(SAVED_SCENE_KEY);
      console.warn('storage is full: the map is not saved for the next start in this session');
    }
  }

  return {
    note(nextKey, frame) {
      if (nextKey !== key) {
        key = nextKey;
        previousView = lastVersion;
      }
      lastVersion = frame.layout.version;
      if (frame.layout.version === previousView || frame.layout.symbols.length === 0 || dropped) return;
      previousView = null;
      pending = { key: nextKey, layout: frame.layout, values: frame.values, prices: frame.prices };
      if (frame.layout.symbols.length <= periodicMaxTiles) timer ??= timers.set(write, everyMs);
    },
    flush() {
      if (timer !== null) timers.clear(timer);
      write();
    },
  };
}
