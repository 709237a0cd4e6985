/**
 * The engine's IndexedDB store (via `idb`): the last-good snapshot as one value, and bounded
 * per-symbol intraday history. Nothing here throws at the engine: a database that is corrupt,
 * foreign or newer than this code is deleted and rebuilt (state `rebuilt`, reason logged); a full
 * disk drops history first to keep the snapshot (state `quota`); no IndexedDB at all, or another
 * tab blocking an upgrade, is state `unavailable`.
 */
import type { IDBPDatabase } from 'idb';
import * as z from 'zod/mini';
import type { StorageState } from './api.ts';
import { CachedSnapshotSchema, HistoryRowSchema, type CachedSnapshot, type HistoryRow } from './cacheSchema.ts';
import type { CacheRead } from './cacheRead.ts';
import { openDatabase, DB_NAME, SNAPSHOT_KEY } from './storeOpen.ts';

export interface Store {
  readonly state: StorageState;
  loadSnapshot(): Promise<CachedSnapshot | null>;
  saveSnapshot(snapshot: CachedSnapshot): Promise<void>;
  loadHistory(): Promise<HistoryRow[]>;
  saveHistory(rows: readonly HistoryRow[]): Promise<void>;
  close(): void;
}

export interface StoreOptions {
  /** `indexedDB` in the worker; a fresh fake-indexeddb `IDBFactory` per test. */
  factory: IDBFactory | undefined;
  name?: string;
  log?: (message: string, fields?: Record<string, unknown>) => void;
  onStateChange?: (state: StorageState) => void;
  /** A read begun before the engine loaded (cacheRead.ts): its database and snapshot are used instead of opening again. */
  early?: CacheRead;
}

/**
 * The stored shapes, compiled by zod into flat validators on first use: same results and issues,
 * but a 500-quote snapshot checks in ~1 ms instead of ~25 ms (after a ~7 ms compile), and a day of
 * history for 500 symbols in ~20 ms instead of ~90 ms (Node figures). Compiled one at a time so the
 * history's compile is not on the way to the first, cached, frame. Where eval is forbidden
 * `z.compile` returns the schema itself and zod's interpreter checks instead.
 */
let snapshotSchema: typeof CachedSnapshotSchema | null = null;
let historyRowSchema: typeof HistoryRowSchema | null = null;

/** Opens (creating, upgrading or rebuilding as needed) the engine's database. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const name = options.name ?? DB_NAME;
  const warned = new Set<string>();
  // Saves repeat every few seconds; one line per distinct problem is enough.
  const log = (message: string, fields?: Record<string, unknown>) => {
    const key = message + JSON.stringify(fields ?? {});
    if (warned.has(key)) return;
    warned.add(key);
    (options.log ?? console.warn)(message, fields);
  };
  let state: StorageState = 'ok';
  const setState = (next: StorageState) => {
    if (next === state) return;
    state = next;
    options.onStateChange?.(next);
  };
  const early = options.early ? await options.early.take({ log, setState }) : null;
  const opened = early ? early.opened : await openDatabase({ factory: options.factory, name, log, setState });
  /** The early read's snapshot, used by the first loadSnapshot() only. */
  let prefetched: { raw: unknown } | null = early ? { raw: early.snapshot } : null;
  if (!opened) {
    setState('unavailable');
    return unavailableStore();
  }
  let db: IDBPDatabase = opened.db;
  let historyDropped = false;

  /** Deletes and recreates the database after finding bad content in it. */
  async function rebuild(reason: string): Promise<void> {
    log('discarding the engine database', { reason });
    db.close();
    const again = await openDatabase({ factory: options.factory, name, log, setState, discard: reason });
    if (again) db = again.db;
    else setState('unavailable');
  }

  /** Clears history to free space for the snapshot; history stays off for this session. */
  async function dropHistory(reason: string): Promise<void> {
    historyDropped = true;
    setState('quota');
    log('storage quota exceeded: dropping intraday history to keep the snapshot', { reason });
    await write(db, 'history', (store) => store.clear()).catch(() => undefined);
  }

  return {
    get state() {
      return state;
    },
    async loadSnapshot() {
      const raw = prefetched ? prefetched.raw : await db.get('snapshot', SNAPSHOT_KEY).catch(() => undefined);
      prefetched = null;
      if (raw === undefined) return null;
      const parsed = (snapshotSchema ??= z.compile(CachedSnapshotSchema)).safeParse(raw);
      if (parsed.success) return parsed.data;
      await rebuild(`stored snapshot is invalid: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
      return null;
    },
    async saveSnapshot(snapshot) {
      let error = await write(db, 'snapshot', (store) => store.put(snapshot, SNAPSHOT_KEY));
      if (isQuota(error) && !historyDropped) {
        await dropHistory('while saving the snapshot');
        error = await write(db, 'snapshot', (store) => store.put(snapshot, SNAPSHOT_KEY));
      }
      if (isQuota(error)) {
        setState('quota');
        log('storage quota exceeded: snapshot not saved; the previous one is kept');
      } else if (error) {
        log('could not save the snapshot', { error: describe(error) });
      }
    },
    async loadHistory() {
      const raw: unknown[] = await db.getAll('history').catch(() => []);
      const rows: HistoryRow[] = [];
      let invalid = 0;
      const schema = (historyRowSchema ??= z.compile(HistoryRowSchema));
      for (const value of raw) {
        const parsed = schema.safeParse(value);
        if (parsed.success) rows.push(parsed.data);
        else invalid++;
      }
      if (invalid > 0) {
        log('dropped invalid history rows', { count: invalid });
        const keep = new Set(rows.map((r) => r.symbol));
        const bad = raw.map((v) => (v as { symbol?: unknown } | null)?.symbol).filter((s) => typeof s === 'string' && !keep.has(s));
        await write(db, 'history', (store) => bad.forEach((s) => store.delete(s as string)));
      }
      return rows;
    },
    async saveHistory(rows) {
      if (historyDropped || rows.length === 0) return;
      const error = await write(db, 'history', (store) => rows.forEach((row) => store.put(row)));
      if (isQuota(error)) await dropHistory('while saving history');
      else if (error) log('could not save history', { error: describe(error) });
    },
    close: () => db.close(),
  };
}

type WritableStore = { put(value: unknown, key?: string): Promise<unknown>; delete(key: string): Promise<unknown>; clear(): Promise<unknown> };

/**
 * Runs puts in one readwrite transaction and resolves with its error (or null). A failed request
 * aborts the transaction, so its error surfaces once, through `tx.done`.
 */
async function write(db: IDBPDatabase, storeName: string, fill: (store: WritableStore) => unknown): Promise<unknown> {
  let done: Promise<void>;
  try {
    const tx = db.transaction(storeName, 'readwrite');
    done = tx.done;
    const store = tx.objectStore(storeName);
    const guarded: WritableStore = {
      put: (value, key) => store.put(value, key).catch(() => undefined),
      delete: (key) => store.delete(key).catch(() => undefined),
      clear: () => store.clear().catch(() => undefined),
    };
    try {
      fill(guarded);
    } catch (error) {
      done.catch(() => undefined);
      try {
        tx.abort();
      } catch {
        // Already finished or aborted by the failed request: nothing left to undo.
      }
      return error;
    }
    await done;
    return null;
  } catch (error) {
    return error;
  }
}

function isQuota(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'QuotaExceededError';
}

function describe(error: unknown): string {
  return error instanceof Error || error instanceof DOMException ? `${error.name}: ${error.message}` : String(error);
}

/** A store for when IndexedDB cannot be used at all: reads find nothing, writes do nothing. */
function unavailableStore(): Store {
  return {
    state: 'unavailable',
    loadSnapshot: async () => null,
    saveSnapshot: async () => undefined,
    loadHistory: async () => [],
    saveHistory: async () => undefined,
    close: () => undefined,
  };
}
