import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { StorageState } from './api.ts';
import type { CachedSnapshot } from './cacheSchema.ts';
import { beginCacheRead } from './cacheRead.ts';
import { openStore, type Store } from './store.ts';
import { DB_NAME, DB_VERSION } from './storeOpen.ts';
import { feedOk, threeQuotes, T0 } from './test/fixtures.ts';

const snapshot: CachedSnapshot = { seq: 7, saved_at: T0, feed: feedOk, quotes: threeQuotes };

let cleanup: (() => void)[] = [];
afterEach(() => {
  cleanup.forEach((f) => f());
  cleanup = [];
});

/** Opens the store over a read begun earlier, as the worker does; records its logs and states. */
async function openAfterEarlyRead(factory: IDBFactory | undefined) {
  const read = beginCacheRead(factory);
  await new Promise((resolve) => setTimeout(resolve, 20));
  const logs: string[] = [];
  const states: StorageState[] = [];
  const store = await openStore({ factory, early: read, log: (m, f) => logs.push(`${m} ${JSON.stringify(f ?? {})}`), onStateChange: (s) => states.push(s) });
  cleanup.push(() => store.close());
  return { store, logs, states };
}

async function seed(factory: IDBFactory, value: CachedSnapshot): Promise<void> {
  const store: Store = await openStore({ factory, log: () => undefined });
  await store.saveSnapshot(value);
  store.close();
}

describe('beginCacheRead(factory)', () => {
  it('hands openStore the opened database and the stored snapshot', async () => {
    const factory = new IDBFactory();
    await seed(factory, snapshot);
    const { store } = await openAfterEarlyRead(factory);
    expect(store.state).toBe('ok');
    expect(await store.loadSnapshot()).toEqual(snapshot);
    await store.saveSnapshot({ ...snapshot, seq: 8 });
    expect((await store.loadSnapshot())?.seq).toBe(8);
  });

  it('still validates the early snapshot: a corrupt one is discarded with its reason', async () => {
    const factory = new IDBFactory();
    await seed(factory, { ...snapshot, quotes: [{ ...threeQuotes[0]!, price: -1 }] });
    const { store, logs } = await openAfterEarlyRead(factory);
    expect(await store.loadSnapshot()).toBeNull();
    expect(store.state).toBe('rebuilt');
    expect(logs.join('\n')).toContain('stored snapshot is invalid: quotes.0.price');
  });

  it('replays what happened before the store took over: a foreign database rebuilt', async () => {
    const factory = new IDBFactory();
    await new Promise<void>((resolve, reject) => {
      const request = factory.open(DB_NAME, DB_VERSION);
      request.onupgradeneeded = () => ['meta', 'snapshot', 'history'].forEach((s) => request.result.createObjectStore(s));
      request.onsuccess = () => (request.result.close(), resolve());
      request.onerror = () => reject(request.error);
    });
    const { store, logs, states } = await openAfterEarlyRead(factory);
    expect([store.state, states]).toEqual(['rebuilt', ['rebuilt']]);
    expect(logs.join('\n')).toContain('foreign database (marker: null)');
  });

  it('without IndexedDB gives an unavailable store and says so', async () => {
    const { store, logs } = await openAfterEarlyRead(undefined);
    expect(store.state).toBe('unavailable');
    expect(await store.loadSnapshot()).toBeNull();
    expect(logs.join('\n')).toContain('IndexedDB is not available');
  });
});
