/**
 * The engine's Web Worker entry, small on purpose. Chromium keeps no code cache for a worker's
 * top-level script (measured: its ~170 KB were compiled afresh on every start, ~30 ms, and the
 * cache re-produced each time, ~10 ms more), but it does for modules the worker imports. So this
 * file starts reading the cache, sends the saved map to the paint worker, holds the page's early
 * messages and imports the engine (serveEngine.ts) as its own chunk; the IndexedDB round trips
 * run while that chunk loads.
 */
import { expose, type Endpoint } from 'comlink';
import { beginCacheRead } from './cacheRead.ts';
import { holdMessages } from './inbox.ts';
import { isScenePortMessage, sendSavedScene } from './scenePort.ts';

const cacheRead = beginCacheRead(typeof indexedDB === 'undefined' ? undefined : indexedDB);
// The paint worker's end of the scene channel (scenePort.ts): the saved map goes there as soon as
// it is read, while the engine's chunk still loads.
const inbox = holdMessages(self as unknown as Endpoint, (data) => {
  if (!isScenePortMessage(data)) return false;
  sendSavedScene(cacheRead.readScene(), data.port)
    .then(() => performance.mark('engine:scene-sent'))
    .catch((error: unknown) => console.warn('the saved map could not be sent to the paint worker', error));
  return true;
});

import('./serveEngine.ts')
  .then(({ serveEngine }) => serveEngine(inbox, cacheRead))
  .catch((error: unknown) => {
    // Every call from the page then fails with the reason, instead of waiting forever.
    const reason = `the engine could not be loaded: ${String(error)}`;
    console.error(reason);
    expose(new Proxy({}, { get: () => () => Promise.reject(new Error(reason)) }), inbox);
  });
