/**
 * The engine inside its Web Worker: real sockets, fetch, IndexedDB and clock, exposed with Comlink
 * on `endpoint`. All logic lives in createEngine; this module only wires the browser in. Loaded by
 * the worker's entry (worker.ts) with `import()`, which is what lets Chromium reuse its code cache.
 */
import type { Endpoint } from 'comlink';
import type { CacheRead } from './cacheRead.ts';
import { createEngine } from './engine.ts';
import { exposeEngine } from './expose.ts';
import { openStore } from './store.ts';

/**
 * Creates the engine and exposes it on `endpoint`. The engine opens its store at once, taking over
 * `cacheRead` (the database and snapshot the entry began reading) when there is one.
 */
export function serveEngine(endpoint: Endpoint, cacheRead?: CacheRead): void {
  let early = cacheRead;
  const engine = createEngine({
    openSocket: (url) => new WebSocket(url),
    fetch: (url, init) => fetch(url, init),
    openDb({ onStateChange }) {
      const read = early;
      early = undefined;
      return openStore({ factory: typeof indexedDB === 'undefined' ? undefined : indexedDB, onStateChange, ...(read ? { early: read } : {}) });
    },
    now: Date.now,
    isOnline: () => navigator.onLine,
    watchOnline(listener) {
      const online = () => listener(true);
      const offline = () => listener(false);
      self.addEventListener('online', online);
      self.addEventListener('offline', offline);
      return () => {
        self.removeEventListener('online', online);
        self.removeEventListener('offline', offline);
      };
    },
    origin: self.location.origin,
    // In the worker's own performance timeline; app/bench/startupTimeline.mjs reads them.
    mark: (name) => performance.mark(`engine:${name}`),
  });
  exposeEngine(engine, endpoint);
  performance.mark('engine:loaded');
}
