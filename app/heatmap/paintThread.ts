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
  release(): void;
}

interface Session {
  worker: Worker;
  api: Remote<PaintWorkerApi>;
  closing: ReturnType<typeof setTimeout> | null;
}

let early: Worker | null = null;
const sessions = new WeakMap<HTMLCanvasElement, Session>();

/** True where the map can be painted off the page's thread. */
export function canPaintOffThread(): boolean {
  return typeof Worker === 'function' && typeof OffscreenCanvas === 'function' && typeof HTMLCanvasElement.prototype.transferControlToOffscreen === 'function';
}

function spawn(): Worker {
  return new Worker(new URL('./paintWorker.ts', import.meta.url), { type: 'module', name: 'paint' });
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
    release() {
      // Stopped after the current task, unless the same canvas is mounted again before then.
      current.closing = setTimeout(() => {
        current.api[releaseProxy]();
        current.worker.terminate();
        sessions.delete(canvas);
      }, 0);
    },
  };
}
