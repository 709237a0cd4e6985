/**
 * The paint worker's life on the page side. boot.ts starts it and hands it the map's canvas before
 * the app's code has loaded (`prepareMapCanvas`): handing a canvas over (transferring its control
 * and the first message) costs 20–40 ms on the page's thread on a busy phone, which is then spent
 * while the page waits for its bundle instead of inside the app's first commit. A canvas can be
 * handed over only once, so its worker belongs to it for good: a remount of the same canvas
 * (React's StrictMode does one in development) takes the same worker back instead of starting
 * another.
 */
import { proxy, releaseProxy, transfer, wrap, type Remote } from 'comlink';
import type { PaintOptions, PaintWorkerApi } from './paintProtocol.ts';
import { createMapCanvas } from './mapCanvas.ts';

export interface PaintThread {
  api: Remote<PaintWorkerApi>;
  /** Hands the canvas over with these options the first time; afterwards only sets the options. */
  handOver(options: PaintOptions): void;
  /** Calls `listener` after each paint that changed the tile count (replacing the last listener). */
  onPainted(listener: (tiles: number, paintedAt: number) => void): void;
  /** Calls `listener` if the worker fails (its script does not load, or it dies). */
  onFailure(listener: (reason: string) => void): void;
  release(): void;
}

interface Session {
  worker: Worker;
  api: Remote<PaintWorkerApi>;
  closing: ReturnType<typeof setTimeout> | null;
  handedOver: boolean;
  painted: ((tiles: number, paintedAt: number) => void) | null;
}

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

/** A handler for a rejected call to the paint worker: logs which call failed and why. */
export const paintCallFailed = (what: string) => (error: unknown) => console.error(`paint worker: ${what} failed`, error);

let prepared: HTMLCanvasElement | null = null;

/**
 * Starts the paint worker and hands it a new map canvas, ahead of the app (does nothing where the
 * map cannot be painted off the page's thread). The map takes that canvas when it mounts.
 */
export function prepareMapCanvas(options: PaintOptions): void {
  if (prepared || !canPaintOffThread()) return;
  const canvas = createMapCanvas();
  paintThreadFor(canvas).handOver(options);
  prepared = canvas;
}

/**
 * The canvas `prepareMapCanvas` made, once: null if there is none, it was taken, or its worker has
 * failed already (the canvas belongs to that worker and can no longer be painted on this page).
 */
export function takePreparedCanvas(): HTMLCanvasElement | null {
  const canvas = broken ? null : prepared;
  prepared = null;
  return canvas;
}

/** The paint worker for `canvas`: the one it already has, or a new one. */
export function paintThreadFor(canvas: HTMLCanvasElement): PaintThread {
  let session = sessions.get(canvas);
  if (!session) {
    const worker = spawn();
    session = { worker, api: wrap<PaintWorkerApi>(worker), closing: null, handedOver: false, painted: null };
    sessions.set(canvas, session);
  }
  const current = session;
  if (current.closing !== null) clearTimeout(current.closing);
  current.closing = null;
  return {
    api: current.api,
    handOver(options) {
      if (current.handedOver) {
        current.api.setOptions(options).catch(paintCallFailed('setOptions'));
        return;
      }
      current.handedOver = true;
      const offscreen = canvas.transferControlToOffscreen();
      current.api.init(transfer(offscreen, [offscreen]), options).catch(paintCallFailed('init'));
      // One listener per worker, for good; each mount of the map sets where it reports to.
      current.api.onPainted(proxy((tiles: number, paintedAt: number) => current.painted?.(tiles, paintedAt))).catch(paintCallFailed('onPainted'));
    },
    onPainted(listener) {
      current.painted = listener;
    },
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
