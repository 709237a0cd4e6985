/**
 * Drives the canvas: takes frames, runs transitions on a d3 timer (one rAF loop that stops when
 * nothing moves) and paints. Geometry transitions repaint everything; colour-only transitions
 * repaint just the tiles whose colour changed. The canvas backing store follows devicePixelRatio.
 */
import { now as d3Now, timer, type Timer } from 'd3';
import type { RenderFrame } from '../data/frameStore.ts';
import type { ColorScale } from '../color/colorScale.ts';
import { sharedCanvasMeasure } from './canvasMeasure.ts';
import type { Canvas2D } from './canvas2d.ts';
import { resetCanvasState, setFill } from './canvasState.ts';
import { createLabelQueue } from './labelQueue.ts';
import { whenIdle } from '../scheduling/whenIdle.ts';
import { labelBoxes, type LabelBox } from './labelBoxes.ts';
import { paintHeaders, paintScene, paintTiles, type PaintStyle } from './paint.ts';
import { createHatch } from './hatch.ts';
import { advance, applyLayout, applyValues, type Durations, type TileModel } from './tileModel.ts';
import { markStartup } from '../perfMarks.ts';
import type { LabelSizes } from './labelSizes.ts';

export interface RendererTheme {
  background: string;
  headerFill: string;
  headerText: string;
  industryText: string;
  headerUp: string;
  headerDown: string;
}


export interface RendererOptions {
  scale: ColorScale;
  theme: RendererTheme;
  /** Label font sizes in CSS px: the smallest worth drawing and the cap (larger on the wallboard). */
  labelSizes: LabelSizes;
  reducedMotion: boolean;
}

/** What painting needs of a frame. */
export type PaintableFrame = Pick<RenderFrame, 'layout' | 'layoutChanged' | 'values' | 'prices' | 'stale'>;

export interface HeatmapRenderer {
  setFrame(frame: PaintableFrame): void;
  setOptions(options: RendererOptions): void;
  resize(width: number, height: number, dpr: number): void;
  model(): TileModel | null;
  /** True while a transition is running. */
  busy(): boolean;
  /** True when everything is on the canvas: no transition running, no labels still to paint. */
  allPainted(): boolean;
  /** Where each drawn label sits (for the e2e overlap check). */
  labelBoxes(): LabelBox[];
  /** `r,g,b` of the painted pixel at each point in CSS px (for browser tests). */
  pixels(points: readonly { x: number; y: number }[]): string[];
  /** Called after each painted frame, with the time it took (for the benchmark). */
  onPaint: ((ms: number) => void) | null;
  destroy(): void;
}

const DURATIONS: Durations = { geometry: 520, color: 450 };
const NO_MOTION: Durations = { geometry: 0, color: 0 };

/** How often the renderer paints what is not moving, by the thread it paints on. */
export interface Pacing {
  /** Colour fades and label slices are painted at most every this many ms (0: every frame). */
  colorFrameMs: number;
  /** Per frame, time for labels of a still full repaint (see labelQueue.ts); ×4 on a phone. */
  labelBudgetMs: number;
  /**
   * Where the map holds still (start-up, or reduced motion), a full repaint paints the labels in
   * the same frame as the tiles instead of over the next frames. Only for a thread of its own:
   * there a longer frame holds up nothing else, while every frame is compositor work for the
   * device (in a Lighthouse trace, ~15 ms of the compositor's time per frame, in the seconds of a
   * start-up when the page's thread needs the cores most).
   */
  stillLabelsAtOnce: boolean;
}

/**
 * On the page's thread, colour fades and label slices are painted at most ~30 times a second;
 * moving tiles get every frame. A half-second fade needs no more than 15 steps, and each painted
 * frame costs the page a compositor frame: every second's fade on every tile that moved took the
 * main thread 27 times a second on a phone. Labels get 4 ms a frame, so a frame's task stays short.
 */
export const PAGE_PACING: Pacing = { colorFrameMs: 28, labelBudgetMs: 4, stillLabelsAtOnce: false };

/**
 * The paint worker has a thread of its own: fades get every frame, and labels 8 ms a frame, so a
 * full map's labels take half as many frames (each one a compositor frame while the page starts),
 * and a frame with a label slice still fits in 16.7 ms at 6,000 tiles (npm run bench:app). A still
 * map gets all its labels in the frame of its tiles.
 */
export const WORKER_PACING: Pacing = { colorFrameMs: 0, labelBudgetMs: 8, stillLabelsAtOnce: true };

/**
 * Whether two sets of options paint the same map. Compared by value: in the paint worker every
 * set of options arrives as a fresh copy.
 */
export function sameLook(a: RendererOptions, b: RendererOptions): boolean {
  return a.scale === b.scale && a.labelSizes.min === b.labelSizes.min && a.labelSizes.max === b.labelSizes.max &&
    (Object.keys(a.theme) as (keyof RendererTheme)[]).every((key) => a.theme[key] === b.theme[key]);
}

/** The canvas the renderer paints: the page's own, or one handed to the paint worker. */
export type MapCanvas = HTMLCanvasElement | OffscreenCanvas;

export function createHeatmapRenderer(canvas: MapCanvas, initial: RendererOptions, pacing: Pacing = PAGE_PACING): HeatmapRenderer {
  const { colorFrameMs, labelBudgetMs, stillLabelsAtOnce } = pacing;
  // `desynchronized`: without GPU compositing, a normal canvas is copied whole into every
  // compositor commit (measured: half the main thread at 6,000 tiles); a low-latency canvas is not.
  // Both kinds of canvas take the same settings (the cast only picks one of the two overloads).
  const ctx: Canvas2D | null = (canvas as HTMLCanvasElement).getContext('2d', { alpha: false, desynchronized: true });
  let options = initial;
  let model: TileModel | null = null;
  let size = { width: 0, height: 0, dpr: 1 };
  let loop: Timer | null = null;
  let fullPaint = true;
  let headersDirty = false;
  let cancelBackground: (() => void) | null = null;
  let lastPaint = -Infinity;
  /** A map with tiles has been painted (the first one is painted without waiting for a frame). */
  let mapShown = false;
  /** A transition runs or is about to (labels still being painted do not count). */
  let animating = false;
  const labels = createLabelQueue();
  let style: PaintStyle | null = null;
  const measure = (ctx && sharedCanvasMeasure()) || (() => 0);

  const buildStyle = (): PaintStyle | null =>
    ctx && {
      ...options.theme,
      scale: options.scale,
      measure,
      minFont: options.labelSizes.min,
      maxFont: options.labelSizes.max,
      hatch: createHatch(ctx, size.dpr),
    };

  function step(): void {
    if (!ctx || !model || !style) return stop();
    const now = d3Now();
    if (!fullPaint && model.geometryDone && now - lastPaint < colorFrameMs) return;
    lastPaint = now;
    const started = performance.now();
    const result = advance(model, now, options.reducedMotion ? NO_MOTION : DURATIONS);
    animating = result.busy;
    ctx.setTransform(size.dpr, 0, 0, size.dpr, 0, 0);
    const current = model, currentStyle = style;
    if (fullPaint || result.moving) {
      // Moving tiles need their labels every frame; a still scene gets them over the next frames,
      // or in this one where the pacing says so.
      const labelsNow = result.moving || (stillLabelsAtOnce && options.reducedMotion);
      paintScene(ctx, model, style, size.width, size.height, labelsNow);
      if (labelsNow) labels.clear();
      else labels.fill(model.symbols.length);
    } else {
      paintTiles(ctx, model, result.recolored, style);
      if (headersDirty) paintHeaders(ctx, model, style);
      if (labels.pending()) labels.paintSlice((indices) => paintTiles(ctx, current, indices, currentStyle), labelBudgetMs);
    }
    fullPaint = false;
    headersDirty = false;
    if (model.symbols.length > 0) {
      markStartup('first-paint');
      if (!labels.pending()) markStartup('first-labels');
    }
    renderer.onPaint?.(performance.now() - started);
    if (!result.busy && !labels.pending()) stop();
  }

  function paintBackground(): void {
    cancelBackground = null;
    // Nothing to do once the scene has been painted since the resize.
    if (!ctx || !fullPaint) return;
    resetCanvasState(ctx);
    setFill(ctx, options.theme.background);
    ctx.fillRect(0, 0, canvas.width, canvas.height);
  }

  function stop(): void {
    loop?.stop();
    loop = null;
  }

  function kick(): void {
    animating = true;
    if (!loop) loop = timer(step);
  }

  const renderer: HeatmapRenderer = {
    onPaint: null,
    setFrame(frame) {
      const t = d3Now();
      if (frame.layoutChanged || !model || model.version !== frame.layout.version) {
        model = applyLayout(model, frame.layout, t);
        fullPaint = true;
      }
      applyValues(model, frame, options.scale, t);
      headersDirty = true;
      kick();
      // The first map is painted at once rather than at the next animation frame: nothing is on
      // the canvas yet to transition from, and on a start-up every frame's wait shows.
      if (!mapShown && model.symbols.length > 0 && size.width > 0) {
        mapShown = true;
        step();
      }
    },
    setOptions(next) {
      const restyle = !sameLook(next, options);
      options = next;
      // Only the motion changed (start-up settling, or the user's preference): what is on the
      // canvas stays right, and the next frame moves or not as the options now say.
      if (!restyle) return;
      style = buildStyle();
      if (model) applyValues(model, model, options.scale, d3Now());
      fullPaint = true;
      kick();
    },
    resize(width, height, dpr) {
      size = { width, height, dpr };
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
      style = buildStyle();
      // Resizing cleared the canvas to black. The background when the page is next idle (once
      // the app has asked the engine for the map, while the engine works on it), not at the first
      // paint: the browser allocates the canvas's backing store then (20–60 ms on a phone), not in
      // the first paint, and the map does not sit black. A first frame that comes sooner wins.
      cancelBackground ??= whenIdle(paintBackground, 500);
      fullPaint = true;
      kick();
    },
    model: () => model,
    busy: () => loop !== null && animating,
    allPainted: () => loop === null,
    labelBoxes: () => (model && style ? labelBoxes(model, style) : []),
    pixels: (points) =>
      points.map(({ x, y }) => {
        if (!ctx) return '';
        const [r, g, b] = ctx.getImageData(Math.floor(x * size.dpr), Math.floor(y * size.dpr), 1, 1).data;
        return `${r},${g},${b}`;
      }),
    destroy() {
      stop();
      cancelBackground?.();
    },
  };
  style = buildStyle();
  return renderer;
}
