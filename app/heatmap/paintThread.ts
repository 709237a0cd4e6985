/**
 * The paint worker's life on the page side. It is started as early as the page can (boot.ts calls
 * `startPaintWorker` beside the engine's), so its thread and code are ready when the map mounts and
 * hands over its canvas. A canvas can be handed over only once, so its worker belongs to it for
 * good: a remount of the same canvas (React's StrictMode does one in development) takes the same
 * worker back instead of starting another.
 */
import { releaseProxy, wrap, type Remote } from 'comlink';
import type { PaintWorkerApi } from './paintProtocol.ts';

export interface PaintThread {
  api: Remote<PaintWorkerApi>;
  /** True the first time: the canvas still has to be handed over (`init`). */
  fresh: boolean;
  /** Calls `listener` if the worker fails (its script does not load, or it dies). */
  onFailure(listener: (reason: string) => void): void;
  release(): void;
}

interface Session {
  worker: Worker;
  api: Remote<PaintWorkerApi>;
  closing: ReturnType<typeof setTimeout> | null;
}

let early: Worker | null = null;
/** Set once a paint worker has failed: from then on this page paints on its own thread. */
let broken = false;
const sessions = new WeakMap<HTMLCanvasElement, Session>();

/** True where the map can be painted off the page's thread. */
export function canPaintOffThread(): boolean {
  return !broken && typeof Worker === 'function' && typeof OffscreenCanvas === 'function' && typeof HTMLCanvasElement.prototype.transferControlToOffscreen === 'function';
}

/** Why each worker failed, once it has; listened for from the start (an early worker may fail first). */
const failures = new WeakMap<Worker, string>();
const failureListeners = new WeakMap<Worker, (reason: string) => void>();

function spawn(): Worker {
  const worker = new Worker(new URL('./paintWorker.ts', import.meta.url), { type: 'module', name: 'paint' });
  // A worker that cannot load its script (or dies) reports an error event, and nothing else.
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    broken = true;
    if (failures.has(worker)) return;
    const reason = event.message || 'the paint worker failed to start';
    console.error(`paint worker failed (${reason}); the map is painted on the page instead`);
    failures.set(worker, reason);
    failureListeners.get(worker)?.(reason);
  });
  return worker;
}

/** Starts the paint worker ahead of the map (does nothing where it cannot be used). */
export function startPaintWorker(): void {
  if (!early && canPaintOffThread()) early = spawn();
}

/** The paint worker for `canvas`: the one started early, or the one it already has. */
export function paintThreadFor(canvas: HTMLCanvasElement): PaintThread {
  let session = sessions.get(canvas);
  const fresh = !session;
  if (!session) {
    const worker = early ?? spawn();
    early = null;
    session = { worker, api: wrap<PaintWorkerApi>(worker), closing: null };
    sessions.set(canvas, session);
  }
  const current = session;
  if (current.closing !== null) clearTimeout(current.closing);
  current.closing = null;
  return {
    api: current.api,
    fresh,
    onFailure(listener) {
      failureListeners.set(current.worker, listener);
      const reason = failures.get(current.worker);
      if (reason !== undefined) listener(reason);
    },
    release() {
      failureListeners.delete(current.worker);
      // Stopped after the current task, unless the same canvas is mounted again before then.
      current.closing = setTimeout(() => {
        current.api[releaseProxy]();
        current.worker.terminate();
        sessions.delete(canvas);
      }, 0);
    },
  };
}
