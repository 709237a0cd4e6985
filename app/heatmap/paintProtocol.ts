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

export interface PaintWorkerApi {
  /** Takes over the page's canvas (transferred); must come first. */
  init(canvas: OffscreenCanvas, options: PaintOptions): void;
  setFrame(frame: PaintFrame): void;
  /** A copy of the map once all of it is painted (transferred); null while it has no tiles. */
  snapshot(): Promise<ImageBitmap | null>;
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
