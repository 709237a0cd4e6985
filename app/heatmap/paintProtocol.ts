/**
 * What the page and the paint worker say to each other (over Comlink). Everything here must
 * survive structured cloning: the colour scale travels as its palette and domain and is rebuilt
 * in the worker; a frame's layout travels only when its version changed.
 */
import type { FrameLayout } from '../../engine/api.ts';
import type { ColorDomain, PaletteId } from '../state/viewState.ts';
import type { LabelBox } from './labelBoxes.ts';
import type { RendererTheme } from './renderer.ts';
import type { LabelSizes } from './labelSizes.ts';

export interface PaintOptions {
  palette: PaletteId;
  domain: ColorDomain;
  theme: RendererTheme;
  labelSizes: LabelSizes;
  reducedMotion: boolean;
}

/** One engine frame as the painter needs it; `layout` is null when the worker already has it. */
export interface PaintFrame {
  layout: FrameLayout | null;
  values: Float32Array;
  prices: Float32Array;
  stale: Uint8Array;
}

/** The map saved at the last visit (savedScene.ts), to paint at boot before any frame (savedMap.ts). */
export interface SavedMapRequest {
  /** Its localStorage entry as stored: read, checked and decoded on the painter's thread. */
  entry: string;
  /** The view the page's URL names (sceneKeyOf): a map saved for another view is not painted. */
  key: string;
  /** The canvas's size where the map was (mapPlace.ts), in CSS px, and the device pixel ratio. */
  width: number;
  height: number;
  dpr: number;
}

/** Whether the saved map was painted; if not, why (`bad`: the entry itself is unusable). */
export type SavedMapOutcome = { shown: true } | { shown: false; reason: string; bad: boolean };

export interface PaintWorkerApi {
  /** Takes over the page's canvas (transferred); must come first. */
  init(canvas: OffscreenCanvas, options: PaintOptions): void;
  /** Paints the saved map on the canvas, unless a frame came first. */
  showSavedMap(request: SavedMapRequest): SavedMapOutcome;
  setFrame(frame: PaintFrame): void;
  /** Calls `listener` after each paint that changed the tile count (see paintLog.ts). */
  onPainted(listener: (tiles: number, paintedAt: number) => void): void;
  setOptions(options: PaintOptions): void;
  resize(width: number, height: number, dpr: number): void;
  // For browser automation (see probe.ts):
  labelBoxes(): LabelBox[];
  busy(): boolean;
  takePaints(): number[];
  /** `r,g,b` of the canvas pixel at each point (CSS px). */
  pixels(points: readonly { x: number; y: number }[]): string[];
  /** The paint thread's animation-frame intervals over `ms` (for the benchmark). */
  frameIntervals(ms: number): Promise<number[]>;
}
