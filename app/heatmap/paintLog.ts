/**
 * What a renderer's paints tell the outside: each paint's duration (kept for the benchmark, up to a
 * bound) and, when a paint changes how many tiles are on the canvas, that count with the moment the
 * paint finished (ms since the epoch, so it means the same on the page and in the paint worker).
 */
import type { HeatmapRenderer } from './renderer.ts';

const MAX_KEPT = 100_000;

export interface PaintLog {
  /** The durations since the last call (then cleared). */
  take(): number[];
}

export function logPaints(renderer: HeatmapRenderer, onTiles: (tiles: number, paintedAt: number) => void): PaintLog {
  let paints: number[] = [];
  let tilesShown = -1;
  renderer.onPaint = (ms) => {
    if (paints.length < MAX_KEPT) paints.push(ms);
    const tiles = renderer.model()?.symbols.length ?? 0;
    if (tiles === tilesShown) return;
    tilesShown = tiles;
    onTiles(tiles, performance.timeOrigin + performance.now());
  };
  return {
    take() {
      const out = paints;
      paints = [];
      return out;
    },
  };
}
