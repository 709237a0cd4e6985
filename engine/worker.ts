/**
 * The engine's Web Worker entry: real sockets, fetch, IndexedDB and clock, exposed with Comlink.
 * All logic lives in createEngine; this file only wires the browser in.
 */
import { createEngine } from './engine.ts';
import { exposeEngine } from './expose.ts';
import { openStore } from './store.ts';

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
});

exposeEngine(engine);
