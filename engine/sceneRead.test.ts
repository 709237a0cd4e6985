import 'fake-indexeddb/auto';
import { runInNewContext } from 'node:vm';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openStore } from './store.ts';
import { DB_NAME, SCENE_RECORD } from './dbLayout.ts';
import { EARLY_READ_GLOBAL, earlySceneReadScript, readSavedSceneRecord } from './sceneRead.ts';
import { savedScene } from './test/scenes.ts';

/** The database's version as found, or 0 when there is none. */
async function versionOf(factory: IDBFactory): Promise<number> {
  const found = (await factory.databases()).find((d) => d.name === DB_NAME);
  return found?.version ?? 0;
}

async function storeWithScene(factory: IDBFactory, scene: unknown): Promise<void> {
  const store = await openStore({ factory, log: () => undefined });
  await store.saveScene(scene as ReturnType<typeof savedScene>);
  store.close();
}

/** Creates the engine's database by hand at `version`, with one store. */
function createAt(factory: IDBFactory, version: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DB_NAME, version);
    request.onupgradeneeded = () => request.result.createObjectStore(SCENE_RECORD.store).put({ old: true }, SCENE_RECORD.key);
    request.onsuccess = () => (request.result.close(), resolve());
    request.onerror = () => reject(request.error);
  });
}

describe('readSavedSceneRecord(factory)', () => {
  it('reads back what the engine saved, as stored', async () => {
    const factory = new IDBFactory();
    await storeWithScene(factory, savedScene());
    expect(await readSavedSceneRecord(factory)).toEqual(savedScene());
  });

  it('reads nothing where there is no database, and creates none', async () => {
    const factory = new IDBFactory();
    expect(await readSavedSceneRecord(factory)).toBeUndefined();
    expect(await versionOf(factory)).toBe(0);
  });

  it('leaves a database at an older version for the engine to upgrade', async () => {
    const factory = new IDBFactory();
    await createAt(factory, 1);
    expect(await readSavedSceneRecord(factory)).toBeUndefined();
    expect(await versionOf(factory)).toBe(1);
  });

  it('reads nothing from a database at a newer version', async () => {
    const factory = new IDBFactory();
    await createAt(factory, 99);
    expect(await readSavedSceneRecord(factory)).toBeUndefined();
    expect(await versionOf(factory)).toBe(99);
  });

  it('closes its connection, so the engine can upgrade the database afterwards', async () => {
    const factory = new IDBFactory();
    await storeWithScene(factory, savedScene());
    await readSavedSceneRecord(factory);
    // A version change would wait (blocked) on a connection left open.
    await new Promise<void>((resolve, reject) => {
      const request = factory.open(DB_NAME, 50);
      request.onblocked = () => reject(new Error('blocked by the reader'));
      request.onsuccess = () => (request.result.close(), resolve());
    });
  });

  it('without IndexedDB reads nothing', async () => {
    expect(await readSavedSceneRecord(undefined)).toBeUndefined();
  });
});

describe('earlySceneReadScript(gateKey)', () => {
  /** Runs the inline script as index.html would, against this window, storage and database. */
  function run(storage: Record<string, string>, factory: IDBFactory): Record<string, unknown> {
    const window: Record<string, unknown> = {};
    const localStorage = { getItem: (k: string) => storage[k] ?? null };
    runInNewContext(earlySceneReadScript('place'), { window, localStorage, indexedDB: factory });
    return window;
  }

  it('starts the read when the page has shown a map here before', async () => {
    const factory = new IDBFactory();
    await storeWithScene(factory, savedScene('inline'));
    const window = run({ place: '{}' }, factory);
    expect(await window[EARLY_READ_GLOBAL]).toEqual(savedScene('inline'));
  });

  it('opens nothing on a first visit', async () => {
    const factory = new IDBFactory();
    await storeWithScene(factory, savedScene());
    expect(run({}, factory)).toEqual({});
  });

  it('never throws into the page, even where storage is blocked', () => {
    const window: Record<string, unknown> = {};
    const blocked = { getItem: () => { throw new DOMException('denied', 'SecurityError'); } };
    expect(() => runInNewContext(earlySceneReadScript('place'), { window, localStorage: blocked, indexedDB: new IDBFactory() })).not.toThrow();
    expect(window).toEqual({});
  });
});
