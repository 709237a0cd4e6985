import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { StorageState } from './api.ts';
import type { CachedSnapshot } from './cacheSchema.ts';
import { openStore, type Store } from './store.ts';
import { APP_MARKER, DB_NAME, DB_VERSION, MIGRATIONS } from './storeOpen.ts';
import { feedOk, threeQuotes, T0 } from './test/fixtures.ts';
import { installQuota } from './test/quota.ts';

const snapshot: CachedSnapshot = { seq: 7, saved_at: T0, feed: feedOk, quotes: threeQuotes };
const row = (symbol: string, price = 10) => ({ symbol, t: [T0, T0 + 60_000], price: [price, price + 1] });

let cleanup: (() => void)[] = [];
afterEach(() => {
  cleanup.forEach((f) => f());
  cleanup = [];
});

async function open(factory: IDBFactory, logs: string[] = [], states: StorageState[] = []): Promise<Store> {
  const store = await openStore({ factory, log: (m, f) => logs.push(`${m} ${JSON.stringify(f ?? {})}`), onStateChange: (s) => states.push(s) });
  cleanup.push(() => store.close());
  return store;
}

/** Creates a database by hand, as some other code (or an older version) would have left it. */
function createRaw(factory: IDBFactory, version: number, setup: (db: IDBDatabase, tx: IDBTransaction) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DB_NAME, version);
    request.onupgradeneeded = () => setup(request.result, request.transaction!);
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

describe('openStore(options)', () => {
  it('round-trips the snapshot as one value and history rows', async () => {
    const factory = new IDBFactory();
    const store = await open(factory);
    expect(store.state).toBe('ok');
    expect(await store.loadSnapshot()).toBeNull();
    await store.saveSnapshot(snapshot);
    await store.saveHistory([row('AAPL'), row('XOM', 20)]);
    store.close();
    const again = await open(factory);
    expect(await again.loadSnapshot()).toEqual(snapshot);
    expect((await again.loadHistory()).map((r) => r.symbol).sort()).toEqual(['AAPL', 'XOM']);
  });

  it('upgrades a version-1 database and keeps its snapshot', async () => {
    const factory = new IDBFactory();
    await createRaw(factory, 1, (db, tx) => {
      MIGRATIONS[0]!(db);
      tx.objectStore('meta').put(APP_MARKER.value, APP_MARKER.key);
      tx.objectStore('snapshot').put(snapshot, 'last');
    });
    const store = await open(factory);
    expect(store.state).toBe('ok');
    expect(await store.loadSnapshot()).toEqual(snapshot);
    await store.saveHistory([row('AAPL')]);
    expect(await store.loadHistory()).toEqual([row('AAPL')]);
  });

  it('discards a foreign database with the same name and says why', async () => {
    const factory = new IDBFactory();
    await createRaw(factory, DB_VERSION, (db) => {
      db.createObjectStore('meta');
      db.createObjectStore('snapshot');
      db.createObjectStore('history');
    });
    const logs: string[] = [];
    const store = await open(factory, logs);
    expect(store.state).toBe('rebuilt');
    expect(logs.join('\n')).toContain('foreign database (marker: null)');
    await store.saveSnapshot(snapshot);
    expect(await store.loadSnapshot()).toEqual(snapshot);
  });

  it('discards a database from a newer version of the app', async () => {
    const factory = new IDBFactory();
    await createRaw(factory, DB_VERSION + 5, (db) => db.createObjectStore('future'));
    const logs: string[] = [];
    const store = await open(factory, logs);
    expect(store.state).toBe('rebuilt');
    expect(logs.join('\n')).toContain('VersionError');
  });

  it('rebuilds when an old database cannot be upgraded', async () => {
    const factory = new IDBFactory();
    // Version 1 that already has a "history" store: migration 2 cannot create it.
    await createRaw(factory, 1, (db) => db.createObjectStore('history'));
    const logs: string[] = [];
    const store = await open(factory, logs);
    expect(store.state).toBe('rebuilt');
    expect(logs.join('\n')).toContain('database upgrade failed');
  });

  it('discards a corrupt snapshot, rebuilds, and logs the reason', async () => {
    const factory = new IDBFactory();
    const store = await open(factory);
    await store.saveHistory([row('AAPL')]);
    await store.saveSnapshot({ ...snapshot, quotes: [{ ...threeQuotes[0]!, price: -1 }] });
    store.close();
    const logs: string[] = [];
    const again = await open(factory, logs);
    expect(await again.loadSnapshot()).toBeNull();
    expect(again.state).toBe('rebuilt');
    expect(logs.join('\n')).toContain('stored snapshot is invalid: quotes.0.price');
    expect(await again.loadHistory()).toEqual([]);
    await again.saveSnapshot(snapshot);
    expect(await again.loadSnapshot()).toEqual(snapshot);
  });

  it('drops invalid history rows and keeps the rest', async () => {
    const factory = new IDBFactory();
    const store = await open(factory);
    await store.saveHistory([row('AAPL'), { symbol: 'XOM', t: [1, 2], price: [1] }]);
    expect(await store.loadHistory()).toEqual([row('AAPL')]);
    expect(await store.loadHistory()).toEqual([row('AAPL')]);
  });

  it('drops history first on a quota error and keeps the snapshot', async () => {
    const factory = new IDBFactory();
    const states: StorageState[] = [];
    const store = await open(factory, [], states);
    await store.saveHistory([row('AAPL')]);
    cleanup.push(installQuota((name) => name === 'history'));
    await store.saveHistory([row('XOM')]);
    expect(store.state).toBe('quota');
    expect(states).toEqual(['quota']);
    await store.saveSnapshot(snapshot);
    expect(await store.loadSnapshot()).toEqual(snapshot);
    expect(await store.loadHistory()).toEqual([]);
  });

  it('keeps the previous snapshot when even the snapshot does not fit', async () => {
    const factory = new IDBFactory();
    const logs: string[] = [];
    const store = await open(factory, logs);
    await store.saveSnapshot(snapshot);
    await store.saveHistory([row('AAPL')]);
    cleanup.push(installQuota(() => true));
    await store.saveSnapshot({ ...snapshot, seq: 99 });
    expect(store.state).toBe('quota');
    expect(logs.join('\n')).toContain('snapshot not saved; the previous one is kept');
    expect((await store.loadSnapshot())?.seq).toBe(7);
    expect(await store.loadHistory()).toEqual([]);
  });

  it('reports unavailable while another tab blocks the upgrade, then recovers', async () => {
    const factory = new IDBFactory();
    await createRaw(factory, 1, (db, tx) => {
      MIGRATIONS[0]!(db);
      tx.objectStore('meta').put(APP_MARKER.value, APP_MARKER.key);
    });
    const other = await new Promise<IDBDatabase>((resolve) => {
      const r = factory.open(DB_NAME, 1);
      r.onsuccess = () => resolve(r.result);
    });
    const states: StorageState[] = [];
    const opening = open(factory, [], states);
    await new Promise((r) => setTimeout(r, 20));
    expect(states).toEqual(['unavailable']);
    other.close();
    const store = await opening;
    expect(store.state).toBe('ok');
    expect(states).toEqual(['unavailable', 'ok']);
  });

  it('works without IndexedDB as an unavailable, empty store', async () => {
    const store = await openStore({ factory: undefined, log: () => undefined });
    expect(store.state).toBe('unavailable');
    await store.saveSnapshot(snapshot);
    expect(await store.loadSnapshot()).toBeNull();
  });
});
