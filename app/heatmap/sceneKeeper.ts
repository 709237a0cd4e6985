/**
 * Saving the map on screen for the next start (savedScene.ts), as a picture of its canvas: a few
 * seconds after the map shows a new view or layout (once start-up is over and the map has come to
 * rest), then at most once per interval while its values change, and at once when the page is
 * hidden (a phone may never bring the tab back). A picture is encoded off the page's thread but
 * not in an instant, so a page that is being closed cannot save one: what the next start shows is
 * the last save, at most an interval old and striped as stale until live data replaces it.
 * On a full storage it removes its entry and stops for the session: a convenience for the next
 * start is never worth space something else needs.
 */
import type { RenderFrame } from '../data/frameStore.ts';
import { encodeSavedScene, SAVED_SCENE_KEY, type SavedScene } from './savedScene.ts';

export interface SceneKeeper {
  /** The frame now on the map, for the view named `key` (sceneKeyOf). */
  note(key: string, frame: Pick<RenderFrame, 'layout'>): void;
  /**
   * Saves a pending change now (the page is being hidden); resolves once every save begun so far
   * has finished (or given up).
   */
  flush(): Promise<void>;
  stop(): void;
}

export interface KeeperOptions {
  storage: Storage | null;
  /** The map on screen as an image, once all of it is painted; null without a map. */
  picture(): Promise<Blob | null>;
  /** After a new view or layout. After start-up's 3 s (AFTER_FIRST_FRAME_MS), whose cores it would share. */
  firstMs?: number;
  /** While only the values change: each save encodes the whole canvas, so not every few seconds on a wallboard. */
  everyMs?: number;
  timers?: { set(run: () => void, ms: number): unknown; clear(handle: unknown): void };
}

const browserTimers = { set: (run: () => void, ms: number): unknown => setTimeout(run, ms), clear: (handle: unknown) => clearTimeout(handle as number) };

const isQuota = (error: unknown) => error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);

/** `blob` as a `data:` URL. */
function dataUrlOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the picture'));
    reader.readAsDataURL(blob);
  });
}

type Shown = Omit<SavedScene, 'image'>;

export function createSceneKeeper({ storage, picture, firstMs = 4_000, everyMs = 30_000, timers = browserTimers }: KeeperOptions): SceneKeeper {
  /** What the map shows now, and whether that is not saved yet. */
  let shown: Shown | null = null;
  let pending = false;
  /** Counts changes of view or layout: a picture taken across one is not saved under the new name. */
  let generation = 0;
  let timer: unknown = null;
  let dropped = false;
  let stopped = false;
  let key: string | null = null;
  /** The layout version of the last frame noted. */
  let lastVersion: number | null = null;
  /** Settles when every save begun so far has. */
  let saves: Promise<void> = Promise.resolve();
  /**
   * The layout on the map when the view changed: frames still carrying it are the old view's (the
   * engine has not answered the new view yet) and are not saved under the new view's name.
   */
  let previousView: number | null = null;

  function schedule(ms: number): void {
    if (timer !== null) timers.clear(timer);
    timer = timers.set(() => void saveNow(), ms);
  }

  function saveNow(): Promise<void> {
    saves = Promise.all([saves, save()]).then(() => undefined);
    return saves;
  }

  async function save(): Promise<void> {
    timer = null;
    const scene = shown;
    if (!pending || !scene || !storage || dropped || stopped) return;
    pending = false;
    const taken = generation;
    const image = await picture().then((blob) => (blob ? dataUrlOf(blob) : null)).catch((error: unknown) => {
      console.warn('could not take a picture of the map for the next start', error);
      return null;
    });
    if (!image || taken !== generation || dropped) return;
    try {
      storage.setItem(SAVED_SCENE_KEY, encodeSavedScene({ ...scene, image }));
    } catch (error) {
      if (!isQuota(error)) return void console.warn('could not save the map for the next start', error);
      dropped = true;
      storage.removeItem(SAVED_SCENE_KEY);
      console.warn('storage is full: the map is not saved for the next start in this session');
    }
  }

  return {
    note(nextKey, frame) {
      const { layout } = frame;
      if (nextKey !== key) {
        key = nextKey;
        previousView = lastVersion;
      }
      lastVersion = layout.version;
      if (layout.version === previousView || layout.symbols.length === 0 || dropped || stopped) return;
      previousView = null;
      const next = { key: nextKey, width: layout.width, height: layout.height, tiles: layout.symbols.length };
      const changed = !shown || shown.key !== next.key || shown.width !== next.width || shown.height !== next.height || shown.tiles !== next.tiles;
      shown = next;
      pending = true;
      if (changed) {
        generation++;
        schedule(firstMs);
      } else if (timer === null) schedule(everyMs);
    },
    flush() {
      if (timer !== null) timers.clear(timer);
      return saveNow();
    },
    stop() {
      stopped = true;
      if (timer !== null) timers.clear(timer);
      timer = null;
    },
  };
}
