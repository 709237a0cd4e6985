/**
 * Opening the engine's database: versioned migrations, a marker that tells our database from a
 * foreign one with the same name, and one delete-and-recreate when what is on disk is unusable
 * (newer than this code, failed to upgrade, missing a store, or not ours).
 */
import { wrap, type IDBPDatabase } from 'idb';
import type { StorageState } from './api.ts';

export const DB_NAME = 'live-market-heatmap-engine';
export const DB_VERSION = 2;
/** The key of the one stored snapshot in the `snapshot` store. */
export const SNAPSHOT_KEY = 'last';
/** Written once at creation; a database without it was made by something else. */
export const APP_MARKER = { key: 'app', value: 'live-market-heatmap' } as const;

/** Append-only: step i upgrades a database from version i to i + 1. Never edit a shipped step. */
export const MIGRATIONS: readonly ((db: IDBDatabase) => void)[] = [
  (db) => {
    db.createObjectStore('meta');
    db.createObjectStore('snapshot');
  },
  (db) => {
    db.createObjectStore('history', { keyPath: 'symbol' });
  },
];

const STORES = ['meta', 'snapshot', 'history'];
/** Errors that deleting the database cannot fix (IndexedDB disabled, private mode, ...). */
const FATAL = new Set(['SecurityError', 'InvalidAccessError', 'NotSupportedError']);

export interface OpenOptions {
  factory: IDBFactory | undefined;
  name: string;
  log: (message: string, fields?: Record<string, unknown>) => void;
  setState: (state: StorageState) => void;
  /** Delete whatever is there first, for this reason. */
  discard?: string;
}

export interface Opened {
  db: IDBPDatabase;
  rebuilt: boolean;
}

/** Opens the database, rebuilding it once if needed; null when IndexedDB cannot be used. */
export async function openDatabase(o: OpenOptions): Promise<Opened | null> {
  if (!o.factory) {
    o.log('IndexedDB is not available; running without a cache');
    return null;
  }
  if (o.discard) await deleteDatabase(o);
  const first = await tryOpen(o);
  const problem = 'error' in first ? first.error : await problemWith(first.db);
  if (problem === null && 'db' in first) {
    o.setState(o.discard ? 'rebuilt' : 'ok');
    return { db: first.db, rebuilt: Boolean(o.discard) };
  }
  if ('db' in first) first.db.close();
  if ('fatal' in first && first.fatal) {
    o.log('IndexedDB cannot be opened; running without a cache', { reason: problem });
    return null;
  }
  o.log('discarding the engine database', { reason: problem });
  await deleteDatabase(o);
  const second = await tryOpen(o);
  if ('error' in second) {
    o.log('IndexedDB cannot be opened after a rebuild; running without a cache', { reason: second.error });
    return null;
  }
  o.setState('rebuilt');
  return { db: second.db, rebuilt: true };
}

type Attempt = { db: IDBPDatabase } | { error: string; fatal: boolean };

function tryOpen(o: OpenOptions): Promise<Attempt> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = o.factory!.open(o.name, DB_VERSION);
    } catch (error) {
      resolve({ error: describe(error), fatal: true });
      return;
    }
    request.onupgradeneeded = (event) => {
      try {
        for (let v = event.oldVersion; v < DB_VERSION; v++) MIGRATIONS[v]!(request.result);
        if (event.oldVersion === 0) request.transaction!.objectStore('meta').put(APP_MARKER.value, APP_MARKER.key);
      } catch (error) {
        o.log('database upgrade failed', { from: event.oldVersion, error: describe(error) });
        request.transaction?.abort();
      }
    };
    request.onblocked = () => {
      o.setState('unavailable');
      o.log('database upgrade blocked by another open tab; waiting for it to close');
    };
    request.onsuccess = () => resolve({ db: watch(wrap(request.result), o) });
    request.onerror = (event) => {
      event.preventDefault();
      const name = request.error?.name ?? 'Error';
      resolve({ error: `${name}: ${request.error?.message ?? 'open failed'}`, fatal: FATAL.has(name) });
    };
  });
}

/** Another tab upgrading, or the browser closing the database, makes storage unavailable here. */
function watch(db: IDBPDatabase, o: OpenOptions): IDBPDatabase {
  db.addEventListener('versionchange', () => {
    db.close();
    o.setState('unavailable');
    o.log('another tab is upgrading the engine database; closed it here');
  });
  db.addEventListener('close', () => o.setState('unavailable'));
  return db;
}

async function problemWith(db: IDBPDatabase): Promise<string | null> {
  const missing = STORES.find((s) => !db.objectStoreNames.contains(s));
  if (missing) return `missing object store: ${missing}`;
  const marker: unknown = await db.get('meta', APP_MARKER.key).catch(() => undefined);
  return marker === APP_MARKER.value ? null : `foreign database (marker: ${JSON.stringify(marker ?? null)})`;
}

function deleteDatabase(o: OpenOptions): Promise<void> {
  return new Promise((resolve) => {
    const request = o.factory!.deleteDatabase(o.name);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
    request.onblocked = () => o.log('database delete blocked by another open tab; waiting for it to close');
  });
}

function describe(error: unknown): string {
  return error instanceof Error || error instanceof DOMException ? `${error.name}: ${error.message}` : String(error);
}
