/**
 * The map's renderer as the page uses it, wherever the painting happens: in the paint worker on an
 * OffscreenCanvas where the browser can (the page's thread then only hit-tests and runs the UI),
 * or on the page's thread otherwise (older browsers, jsdom). Hit-testing always runs here, on the
 * tiles' target rectangles, so a pointer never waits for another thread.
 */
import type { FrameLayout } from '../../engine/api.ts';
import type { RenderFrame } from '../data/frameStore.ts';
import type { HitModel } from './hitTest.ts';
import type { LabelBox } from './labelBoxes.ts';
import type { PaintOptions } from './paintProtocol.ts';
import { logPaints, type PaintLog } from './paintLog.ts';
import { frameIntervals } from './frameIntervals.ts';
import { pictureOfPageMap } from './mapImage.ts';
import { encodePicture } from './encodePicture.ts';
import { canPaintOffThread, paintCallFailed, paintThreadFor } from './paintThread.ts';
import type { HeatmapRenderer, RendererOptions } from './renderer.ts';

/** Read-only views for browser automation (probe.ts); asynchronous, as the painter may be a worker. */
export interface RendererProbe {
  labels(): Promise<LabelBox[]>;
  /** True while tiles are still moving or changing colour. */
  busy(): Promise<boolean>;
  /** Milliseconds spent in each paint since the last call (then cleared). */
  takePaints(): Promise<number[]>;
  /** `r,g,b` of the painted pixel at each point (CSS px). */
  pixels(points: readonly { x: number; y: number }[]): Promise<string[]>;
  /** Animation-frame intervals of the thread that paints, over `ms`. */
  frameIntervals(ms: number): Promise<number[]>;
  /** Where the painting happens. */
  thread: 'worker' | 'page';
}

export interface MapRenderer {
  setFrame(frame: RenderFrame): void;
  setOptions(options: RendererOptions): void;
  resize(width: number, height: number, dpr: number): void;
  /**
   * Called when a paint changed the number of tiles on the canvas, with when that paint finished
   * (ms since the epoch; from the paint worker the call itself comes a message later).
   */
  onPainted: ((tiles: number, paintedAt: number) => void) | null;
  /**
   * Called if the painter cannot paint any more (the paint worker failed to load or died): the
   * canvas it was given is lost, so the caller mounts a new one (painted on the page's thread).
   */
  onFailed: ((reason: string) => void) | null;
  /** The map as an image once all of it is painted (for the next start, sceneKeeper.ts); null without tiles. */
  picture(): Promise<Blob | null>;
  /** The tiles as last laid out, for hit-testing; null before the first frame. */
  hitModel(): HitModel | null;
  probe: RendererProbe;
  destroy(): void;
}

export function createMapRenderer(canvas: HTMLCanvasElement, options: RendererOptions): MapRenderer {
  return canPaintOffThread() ? workerRenderer(canvas, options) : pageRenderer(canvas, options);
}

/** Hit-testing on the layout of the last frame given (the tiles' target rectangles). */
function layoutHits(): { see(layout: FrameLayout): void; model(): HitModel | null } {
  let current: FrameLayout | null = null;
  let hit: { layout: FrameLayout; model: HitModel } | null = null;
  return {
    see: (layout) => void (current = layout),
    model() {
      if (!current) return null;
      if (hit?.layout !== current) hit = { layout: current, model: hitModelOf(current) };
      return hit.model;
    },
  };
}

/**
 * Painting on the page's thread, for browsers without OffscreenCanvas. The renderer (and d3's
 * timer and easing with it) is loaded only here, so the page's bundle does not carry it for
 * everyone else; until it has loaded, the latest frame, options and size wait for it.
 */
function pageRenderer(canvas: HTMLCanvasElement, options: RendererOptions): MapRenderer {
  const hits = layoutHits();
  let renderer: HeatmapRenderer | null = null;
  let destroyed = false;
  let latest: { options: RendererOptions; size: [number, number, number] | null; frame: RenderFrame | null } = { options, size: null, frame: null };
  let paints: PaintLog | null = null;
  const loaded = import('./renderer.ts').then(({ createHeatmapRenderer }) => {
    if (destroyed) return null;
    const r = createHeatmapRenderer(canvas, latest.options);
    paints = logPaints(r, (tiles, paintedAt) => map.onPainted?.(tiles, paintedAt));
    if (latest.size) r.resize(...latest.size);
    if (latest.frame) r.setFrame(latest.frame);
    renderer = r;
    return r;
  });
  loaded.catch((error: unknown) => console.error('the map renderer could not be loaded', error));
  const when = <T,>(read: (r: HeatmapRenderer) => T, otherwise: T): Promise<T> => loaded.then((r) => (r ? read(r) : otherwise));
  const map: MapRenderer = {
    onPainted: null,
    onFailed: null,
    setFrame(frame) {
      hits.see(frame.layout);
      if (renderer) renderer.setFrame(frame);
      else latest = { ...latest, frame };
    },
    setOptions(next) {
      if (renderer) renderer.setOptions(next);
      else latest = { ...latest, options: next };
    },
    resize(width, height, dpr) {
      if (renderer) renderer.resize(width, height, dpr);
      else latest = { ...latest, size: [width, height, dpr] };
    },
    picture: () => loaded.then((r) => (r ? pictureOfPageMap(r, canvas) : null)),
    hitModel: () => hits.model(),
    probe: {
      labels: () => when((r) => r.labelBoxes(), []),
      busy: () => when((r) => r.busy(), false),
      takePaints: async () => paints?.take() ?? [],
      pixels: (points) => when((r) => r.pixels(points), []),
      frameIntervals,
      thread: 'page',
    },
    destroy() {
      destroyed = true;
      renderer?.destroy();
    },
  };
  return map;
}

function paintOptions(o: RendererOptions): PaintOptions {
  return { palette: o.scale.palette, domain: o.scale.domain, theme: o.theme, labelSizes: o.labelSizes, reducedMotion: o.reducedMotion };
}

/** A layout as hit-testing reads it (the same arrays, no copy). */
function hitModelOf(layout: FrameLayout): HitModel {
  return { symbols: layout.symbols, to: { x: layout.x, y: layout.y, w: layout.w, h: layout.h }, groups: layout.groups.map((box) => ({ box })) };
}

function workerRenderer(canvas: HTMLCanvasElement, options: RendererOptions): MapRenderer {
  const thread = paintThreadFor(canvas);
  const { api } = thread;
  // Usually already handed over by boot.ts (prepareMapCanvas); then this only sets the options.
  thread.handOver(paintOptions(options));
  /** The layout version the worker has; frames carry their layout only when it differs. */
  let sentVersion: number | null = null;
  const hits = layoutHits();
  const map: MapRenderer = {
    onPainted: null,
    onFailed: null,
    setFrame(frame) {
      const send = frame.layoutChanged || frame.layout.version !== sentVersion;
      sentVersion = frame.layout.version;
      hits.see(frame.layout);
      // Copies, not transfers: the page keeps this frame for the table and hit-testing.
      api.setFrame({ layout: send ? frame.layout : null, values: frame.values, prices: frame.prices, stale: frame.stale }).catch(paintCallFailed('setFrame'));
    },
    setOptions: (next) => void api.setOptions(paintOptions(next)).catch(paintCallFailed('setOptions')),
    resize: (width, height, dpr) => void api.resize(width, height, dpr).catch(paintCallFailed('resize')),
    picture: () => api.snapshot().then((bitmap) => (bitmap ? encodePicture(bitmap) : null)),
    hitModel: () => hits.model(),
    probe: {
      labels: () => api.labelBoxes(),
      busy: () => api.busy(),
      takePaints: () => api.takePaints(),
      pixels: (points) => api.pixels(points),
      frameIntervals: (ms) => api.frameIntervals(ms),
      thread: 'worker',
    },
    destroy: () => thread.release(),
  };
  thread.onPainted((tiles, paintedAt) => map.onPainted?.(tiles, paintedAt));
  thread.onFailure((reason) => map.onFailed?.(reason));
  return map;
}
