/**
 * Tile colour transitions, eased along the colour scale itself: a tile moving from −1 % to +2 %
 * passes through the scale's own colours, and its painted colour is always one of the scale's
 * STEPS + 1 entries. That keeps the number of distinct colours per frame small (so painting can
 * batch tiles by colour) and lets a repaint happen only when a tile lands on a new step.
 *
 * "pos" is a position on the scale, 0…1; "index" is the painted step, round(pos × STEPS).
 */
import { easeCubicOut } from 'd3';
import { STEPS, type ColorScale } from '../color/colorScale.ts';

/** A tile that has never been painted: its first colour applies without easing. */
export const UNPAINTED = 0xffff;

export interface TileColors {
  fromPos: Float32Array;
  toPos: Float32Array;
  curPos: Float32Array;
  /** The step last painted (UNPAINTED before the first paint). */
  index: Uint16Array;
  /** Whether the tile was last painted as stale. */
  paintedStale: Uint8Array;
  start: Float64Array;
}

export function createTileColors(n: number): TileColors {
  return {
    fromPos: new Float32Array(n).fill(0.5),
    toPos: new Float32Array(n).fill(0.5),
    curPos: new Float32Array(n).fill(0.5),
    index: new Uint16Array(n).fill(UNPAINTED),
    paintedStale: new Uint8Array(n),
    start: new Float64Array(n).fill(-Infinity),
  };
}

/** Copies tile `j` of `src` into tile `i` of `dst` (a tile keeping its identity across layouts). */
export function carryColor(dst: TileColors, i: number, src: TileColors, j: number): void {
  dst.fromPos[i] = src.fromPos[j]!;
  dst.toPos[i] = src.toPos[j]!;
  dst.curPos[i] = src.curPos[j]!;
  dst.index[i] = src.index[j]!;
  dst.paintedStale[i] = src.paintedStale[j]!;
  dst.start[i] = src.start[j]!;
}

/**
 * Sets each tile's target from its value. A tile never painted jumps to its colour; one whose
 * stale flag flipped is returned so the caller repaints it now (staleness is news, not a fade).
 */
export function retarget(colors: TileColors, values: Float32Array, stale: Uint8Array, scale: ColorScale, now: number): number[] {
  const flipped: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const target = scale.position(values[i]!);
    if (colors.index[i] === UNPAINTED) {
      colors.fromPos[i] = colors.toPos[i] = colors.curPos[i] = target;
      colors.index[i] = Math.round(target * STEPS);
      colors.paintedStale[i] = stale[i]!;
      flipped.push(i);
      continue;
    }
    if (Math.round(target * STEPS) !== Math.round(colors.toPos[i]! * STEPS)) {
      colors.fromPos[i] = colors.curPos[i]!;
      colors.toPos[i] = target;
      colors.start[i] = now;
    }
    if (colors.paintedStale[i] !== stale[i]) {
      colors.paintedStale[i] = stale[i]!;
      flipped.push(i);
    }
  }
  return flipped;
}

/** Moves colour transitions to `now`; returns the tiles that landed on a new step. */
export function advanceColors(colors: TileColors, now: number, duration: number): { recolored: number[]; busy: boolean } {
  const recolored: number[] = [];
  let busy = false;
  const { fromPos, toPos, curPos, index, start } = colors;
  for (let i = 0; i < curPos.length; i++) {
    if (curPos[i] === toPos[i]) continue;
    const t = duration <= 0 ? 1 : Math.min(1, Math.max(0, (now - start[i]!) / duration));
    const pos = t >= 1 ? toPos[i]! : fromPos[i]! + (toPos[i]! - fromPos[i]!) * easeCubicOut(t);
    curPos[i] = pos;
    if (t < 1) busy = true;
    const step = Math.round(pos * STEPS);
    if (step !== index[i]) {
      index[i] = step;
      recolored.push(i);
    }
  }
  return { recolored, busy };
}
