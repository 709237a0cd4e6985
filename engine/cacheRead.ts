/**
 * Starting the cache read before the engine's code has loaded. The worker's entry calls
 * `beginCacheRead` as its first act, so opening the database and reading the stored snapshot (a
 * few tens of ms of IndexedDB round trips) overlap the fetch, compile and evaluation of the engine
 * chunk instead of following them. The snapshot is read raw: `openStore` validates it like any
 * other read, and takes over the log and state changes that happened meanwhile.
 */
import type { StorageState } from './api.ts';
import { openDatabase, DB_NAME, SNAPSHOT_KEY, type Opened } from './storeOpen.ts';

export interface StoreHooks {
  log(message: string, fields?: Record<string, unknown>): void;
  setState(state: StorageState): void;
}

export interface EarlyRead {
  opened: Opened | null;
  /** The stored snapshot as found, unvalidated; undefined when there is none (or no database). */
  snapshot: unknown;
}

export interface CacheRead {
  /** Replays what was logged and reported so far into `hooks`, routes later reports there, and waits for the read. */
  take(hooks: StoreHooks): Promise<EarlyRead>;
}

/** Opens the engine's database and reads the snapshot now; `take` hands both to the store. */
export function beginCacheRead(factory: IDBFactory | undefined, name = DB_NAME): CacheRead {
  const held: ((hooks: StoreHooks) => void)[] = [];
  let target: StoreHooks | null = null;
  const hooks: StoreHooks = {
    log: (message, fields) => (target ? target.log(message, fields) : held.push((h) => h.log(message, fields))),
    setState: (state) => (target ? target.setState(state) : held.push((h) => h.setState(state))),
  };
  const read = openDatabase({ factory, name, ...hooks }).then(async (opened): Promise<EarlyRead> => ({
    opened,
    snapshot: opened ? await opened.db.get('snapshot', SNAPSHOT_KEY).catch(() => undefined) : undefined,
  }));
  return {
    take(into) {
      target = into;
      for (const replay of held.splice(0)) replay(into);
      return read;
    },
  };
}
