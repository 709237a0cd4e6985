/**
 * The paint worker: the map's canvas, handed over by the page as an OffscreenCanvas, painted here
 * by the same renderer the page would use, so transitions, labels and the browser's canvas work
 * (rasterising, committing the backing store) never hold up the page's own thread. The page
 * still hit-tests, keeps focus and the accessible table; this thread only paints.
 */
import './workerWindow.ts';
import { expose, transfer } from 'comlink';
import { createColorScale, type ColorScale } from '../color/colorScale.ts';
import { createHeatmapRenderer, WORKER_PACING, type HeatmapRenderer, type RendererOptions } from './renderer.ts';
import type { FrameLayout } from '../../engine/api.ts';
import type { PaintFrame, PaintOptions, PaintWorkerApi } from './paintProtocol.ts';
import { warmCanvasText, sharedCanvasMeasure, resolveTileFontNow } from './canvasMeasure.ts';
import { AFTER_FIRST_FRAME_MS } from '../scheduling/startupWindow.ts';
import { logPaints, type PaintLog } from './paintLog.ts';
import { frameIntervals } from './frameIntervals.ts';
import { fitsLayout } from '../data/frameStore.ts';
import { snapshotOfMap } from './mapImage.ts';

/**
 * The rest of the one-time text set-up (every label character's width in both weights, a font per
 * label size), once start-up is over. The first map's labels measure what they need as they go;
 * this readies the rest for later zooms and resizes. Run in the seconds after the first paint,
 * as before, it was a quarter to a third of this thread's CPU samples there (a profiled Lighthouse
 * run, mobile), on cores the page and the engine were waiting for: this thread's idle time is not
 * the device's.
 */
let warmScheduled = false;
function warmTextAfterStartUp(): void {
  if (warmScheduled) return;
  warmScheduled = true;
  setTimeout(() => {
    const measure = sharedCanvasMeasure();
    if (measure) warmCanvasText(measure, { resolveFont: false });
  }, AFTER_FIRST_FRAME_MS);
}

let renderer: HeatmapRenderer | null = null;
let mapCanvas: OffscreenCanvas | null = null;
let layout: FrameLayout | null = null;
let scale: ColorScale | null = null;
let paints: PaintLog | null = null;
let painted: ((tiles: number, paintedAt: number) => void) | null = null;

function rendererOptions(o: PaintOptions): RendererOptions {
  if (!scale || scale.palette !== o.palette || scale.domain !== o.domain) scale = createColorScale(o.palette, o.domain);
  return { scale, theme: o.theme, labelSizes: o.labelSizes, reducedMotion: o.reducedMotion };
}

function started(): HeatmapRenderer {
  if (!renderer) throw new Error('the paint worker has no canvas yet (init first)');
  return renderer;
}

// Start-up milestones in this worker's timeline (app/bench/startupTimeline.mjs reads them).
const mark = (name: string) => performance.mark(`paint:${name}`);
mark('loaded');
let framesIn = 0;
let mismatched = 0;

const api: PaintWorkerApi = {
  init(canvas, options) {
    mark('init');
    // Before the first frame arrives (this thread waits for it): labels are then set in the one
    // installed family, not looked up through the whole font stack for every size.
    if (!renderer) resolveTileFontNow();
    renderer?.destroy();
    mapCanvas = canvas;
    // A thread of its own: fades every frame, labels in bigger slices (see WORKER_PACING).
    renderer = createHeatmapRenderer(canvas, rendererOptions(options), WORKER_PACING);
    paints = logPaints(renderer, (tiles, paintedAt) => {
      painted?.(tiles, paintedAt);
      if (tiles > 0) warmTextAfterStartUp();
    });
  },
  setFrame(frame: PaintFrame) {
    if (framesIn++ === 0) mark('first-frame-in');
    const next = frame.layout ?? layout;
    // Frames are checked on the page (frameStore.ts); this guards the hand-over between layouts.
    if (!next || !fitsLayout(frame, next)) {
      if (++mismatched === 1 || mismatched % 100 === 0) console.warn(`paint worker: dropped ${mismatched} frame(s) not matching the layout`);
      return;
    }
    layout = next;
    started().setFrame({ layout: next, layoutChanged: frame.layout !== null, values: frame.values, prices: frame.prices, stale: frame.stale });
  },
  async snapshot() {
    const bitmap = renderer && mapCanvas ? await snapshotOfMap(renderer, mapCanvas) : null;
    return bitmap && transfer(bitmap, [bitmap]);
  },
  onPainted(listener) {
    painted = listener;
  },
  setOptions: (options) => started().setOptions(rendererOptions(options)),
  resize: (width, height, dpr) => started().resize(width, height, dpr),
  labelBoxes: () => started().labelBoxes(),
  busy: () => started().busy(),
  takePaints: () => paints?.take() ?? [],
  pixels: (points) => started().pixels(points),
  frameIntervals,
};

expose(api);
