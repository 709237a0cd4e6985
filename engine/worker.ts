/**
 * The engine's Web Worker entry, small on purpose. Chromium keeps no code cache for a worker's
 * top-level script (measured: its ~170 KB were compiled afresh on every start, ~30 ms, and the
 * cache re-produced each time, ~10 ms more), but it does for modules the worker imports. So this
 * file starts reading the cache, holds the page's early messages and imports the engine
 * (serveEngine.ts) as its own chunk; the IndexedDB round trips run while that chunk loads.
 */
import { expose, type Endpoint } from 'comlink';
import { beginCacheRead } from './cacheRead.ts';
import { holdMessages } from './inbox.ts';

const cacheRead = beginCacheRead(typeof indexedDB === 'undefined' ? undefined : indexedDB);
const inbox = holdMessages(self as unknown as Endpoint);

import('./serveEngine.ts')
  .then(({ serveEngine }) => serveEngine(inbox, cacheRead))
  .catch((error: unknown) => {
    // Every call from the page then fails with the reason, instead of waiting forever.
    const reason = `the engine could not be loaded: ${String(error)}`;
    console.error(reason);
    expose(new Proxy({}, { get: () => () => Promise.reject(new Error(reason)) }), inbox);
  });
