/**
 * Holding a worker's inbound messages until something listens. A dedicated worker delivers the
 * page's messages as soon as its top-level script has run; the engine worker's entry (worker.ts)
 * loads the engine only after that, so without this the page's first calls (`start`, `subscribe`)
 * would reach no listener and be lost.
 */
import type { Endpoint } from 'comlink';

type Listener = EventListenerOrEventListenerObject;

/** An endpoint over `scope` that keeps every message until the first listener comes, then replays them in order. */
export function holdMessages(scope: Endpoint): Endpoint {
  const held: Event[] = [];
  const listeners = new Set<Listener>();
  scope.addEventListener('message', (event) => {
    if (listeners.size === 0) held.push(event);
    else for (const listener of listeners) deliver(listener, event);
  });
  return {
    postMessage: (message: unknown, transfer?: Transferable[]) => scope.postMessage(message, transfer),
    addEventListener(type: string, listener: Listener) {
      if (type !== 'message') return scope.addEventListener(type, listener);
      listeners.add(listener);
      for (const event of held.splice(0)) deliver(listener, event);
    },
    removeEventListener(type: string, listener: Listener) {
      if (type !== 'message') return scope.removeEventListener(type, listener);
      listeners.delete(listener);
    },
  };
}

function deliver(listener: Listener, event: Event): void {
  if (typeof listener === 'function') listener(event);
  else listener.handleEvent(event);
}
