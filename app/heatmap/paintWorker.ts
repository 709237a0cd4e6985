/**
 * The paint worker: the map's canvas, handed over by the page as an OffscreenCanvas, painted here
 * by the same renderer the page would use, so transitions, labels and the browser's canvas work
 * (rasterising, committing the backing store) never hold up the page's own thread. The page
 * still hit-tests, keeps focus and the accessible table; this thread only paints.
 */
import './workerWindow.ts';
import { expose } from 'comlink';
import { createColorScale, type ColorScale } from '../color/colorScale.ts';
import { createHeatmapRenderer, WORKER_PACING, type HeatmapRenderer, type RendererOptions } from './renderer.ts';
import type { FrameLayout } from '../../engine/api.ts';
import type { PaintFrame, PaintOptions, PaintWorkerApi } from './paintProtocol.ts';
import { warmCanvasText, sharedCanvasMeasure } from './canvasMeasure.ts';
import { logPaints, type PaintLog } from './paintLog.ts';
import { frameIntervals } from './frameIntervals.ts';
import { fitsLayout } from '../data/frameStore.ts';

/**
 * The one-time text set-up (font matching, character widths), started once the first map is on the
 * canvas: that paint has no labels (they follow in slices), and before it this thread's time is
 * better spent on the canvas and the frame.
 */
let warmed = false;
function warmTextOnce(): void {
  if (warmed) return;
  warmed = true;
  const measure = sharedCanvasMeasure();
  if (measure) warmCanvasText(measure);
}

let renderer: HeatmapRenderer | null = null;
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
    renderer?.destroy();
    // A thread of its own: fades every frame, labels in bigger slices (see WORKER_PACING).
    renderer = createHeatmapRenderer(canvas, rendererOptions(options), WORKER_PACING);
    paints = logPaints(renderer, (tiles, paintedAt) => {
      painted?.(tiles, paintedAt);
      if (tiles > 0) warmTextOnce();
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
