/**
 * Reading the saved map (savedScene.ts) on the page's own thread, without the engine: a worker's
 * thread start, script fetch and database open take ~200 ms of a start, while the page's thread
 * can read the record from the first parsed line of index.html (vite.config.ts inlines
 * `earlySceneReadScript` there, so the read starts before any script has been fetched).
 *
 * It never creates, upgrades or deletes anything: a database that does not exist yet, or is at
 * another version, reads as no map, and the engine opens it as always. The record comes back
 * unchecked (savedScene.ts checks it).
 */
import { DB_NAME, DB_VERSION, SCENE_RECORD } from './dbLayout.ts';

/**
 * Self-contained (no imports, no outer names) so that its source can be inlined into the HTML.
 * Resolves to the stored record, or undefined when there is none or it cannot be read.
 */
export function readStoredScene(factory: IDBFactory | undefined, name: string, version: number, store: string, key: string): Promise<unknown> {
  return new Promise((resolve) => {
    if (!factory) return resolve(undefined);
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, version);
    } catch {
      return resolve(undefined);
    }
    // A database to create or upgrade is the engine's job: abort, so nothing is created here.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = (event) => {
      event.preventDefault();
      resolve(undefined);
    };
    request.onblocked = () => resolve(undefined);
    request.onsuccess = () => {
      const db = request.result;
      try {
        const get = db.transaction(store, 'readonly').objectStore(store).get(key);
        get.onsuccess = () => resolve(get.result);
        get.onerror = () => resolve(undefined);
      } catch {
        resolve(undefined); // No such store: not a database this build can read.
      } finally {
        // Pending reads still finish; the connection never stands in the engine's way.
        db.close();
      }
    };
  });
}

/** The engine's database and the saved map's record. */
export const SCENE_READ_ARGS = [DB_NAME, DB_VERSION, SCENE_RECORD.store, SCENE_RECORD.key] as const;

/** Reads the saved map now, from this thread. */
export const readSavedSceneRecord = (factory: IDBFactory | undefined = globalThis.indexedDB): Promise<unknown> =>
  readStoredScene(factory, ...SCENE_READ_ARGS);

/** Where the inline script leaves its read for savedMap.ts. */
export const EARLY_READ_GLOBAL = '__savedSceneRead';

/**
 * The inline script for index.html: starts the read if `gateKey` is in localStorage (the page has
 * shown a map before: on a first visit nothing is opened), and leaves the promise on `window`.
 */
export function earlySceneReadScript(gateKey: string): string {
  const args = SCENE_READ_ARGS.map((a) => JSON.stringify(a)).join(', ');
  return `try { if (localStorage.getItem(${JSON.stringify(gateKey)})) window.${EARLY_READ_GLOBAL} = (${readStoredScene.toString()})(indexedDB, ${args}); } catch (e) {}`;
}
