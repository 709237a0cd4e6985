/**
 * The page's side of the engine: starts the worker and wraps it with Comlink. The UI calls
 * `api.subscribe(view, Comlink.proxy(onFrame))` and paints what arrives.
 */
import { releaseProxy, wrap, type Endpoint, type Remote } from 'comlink';
import type { EngineApi } from './api.ts';

export interface EngineWorker extends Endpoint {
  terminate(): void;
}

export interface EngineConnection {
  api: Remote<EngineApi>;
  /** Lets the engine flush its cache (briefly), then stops the worker. */
  terminate(): void;
}

/** How long terminate() waits for dispose() to save the cache before killing the worker. */
const DISPOSE_GRACE_MS = 1_000;

function startWorker(): EngineWorker {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
}

/** Starts the engine worker; tests pass their own endpoint instead of a Worker. */
export function connectEngine(createWorker: () => EngineWorker = startWorker): EngineConnection {
  const worker = createWorker();
  const api = wrap<EngineApi>(worker);
  let terminated = false;
  return {
    api,
    terminate() {
      if (terminated) return;
      terminated = true;
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
