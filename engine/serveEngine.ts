/**
 * The engine inside its Web Worker: real sockets, fetch, IndexedDB and clock, exposed with Comlink
 * on `endpoint`. All logic lives in createEngine; this module only wires the browser in. Loaded by
 * the worker's entry (worker.ts) with `import()`, which is what lets Chromium reuse its code cache.
 */
import type { Endpoint } from 'comlink';
import { createEngine } from './engine.ts';
import { exposeEngine } from './expose.ts';
import { openStore } from './store.ts';

/** Creates the engine (it starts reading the cache at once) and exposes it on `endpoint`. */
export function serveEngine(endpoint: Endpoint): void {
  const engine = createEngine({
    openSocket: (url) => new WebSocket(url),
    fetch: (url, init) => fetch(url, init),
    openDb: ({ onStateChange }) => openStore({ factory: typeof indexedDB === 'undefined' ? undefined : indexedDB, onStateChange }),
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
