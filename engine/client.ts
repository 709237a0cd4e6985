/**
 * The page's side of the engine: starts the worker and wraps it with Comlink. The UI calls
 * `api.subscribe(view, Comlink.proxy(onFrame))` and paints what arrives. When the page is hidden
 * the engine saves at once what it would save later: a phone puts the app away and may kill it,
 * or open it next offline, before the next interval's save (history's first is a minute out).
 */
import { releaseProxy, wrap, type Endpoint, type Remote } from 'comlink';
import type { EngineApi } from './api.ts';

export interface EngineWorker extends Endpoint {
  terminate(): void;
}

export interface EngineConnection {
  api: Remote<EngineApi>;
  /**
   * Settles if the worker fails before it has answered anything: its script did not load (a
   * deploy between the page and the worker's fetch, a network drop) or threw as it started. Calls
   * to `api` would then wait for ever; never settles once the worker has answered.
   */
  failedToStart: Promise<Event>;
  /** Lets the engine flush its cache (briefly), then stops the worker. */
  terminate(): void;
}

/** How long terminate() waits for dispose() to save the cache before killing the worker. */
const DISPOSE_GRACE_MS = 1_000;

function startWorker(): EngineWorker {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
}

/** The page's visibility, as the client needs it (the document; a stand-in in tests). */
export type PageVisibility = Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;

/** Starts the engine worker; tests pass their own endpoint instead of a Worker, and their own page. */
export function connectEngine(
  createWorker: () => EngineWorker = startWorker,
  page: PageVisibility | null = typeof document === 'undefined' ? null : document,
): EngineConnection {
  const worker = createWorker();
  const api = wrap<EngineApi>(worker);
  let terminated = false;
  let answered = false;
  const failedToStart = new Promise<Event>((resolve) => {
    worker.addEventListener('message', () => (answered = true), { once: true });
    worker.addEventListener('error', (event) => !answered && resolve(event));
  });
  const persistWhenHidden = () => {
    if (page?.visibilityState !== 'hidden') return;
    api.persist().catch((error: unknown) => console.warn('the engine could not save its data as the page was hidden', error));
  };
  page?.addEventListener('visibilitychange', persistWhenHidden);
  return {
    api,
    failedToStart,
    terminate() {
      if (terminated) return;
      terminated = true;
      page?.removeEventListener('visibilitychange', persistWhenHidden);
      let stopped = false;
      const stop = () => {
        if (stopped) return;
        stopped = true;
        clearTimeout(timer);
        api[releaseProxy]();
        worker.terminate();
      };
      const timer = setTimeout(stop, DISPOSE_GRACE_MS);
      api.dispose().then(stop, stop);
    },
  };
}
