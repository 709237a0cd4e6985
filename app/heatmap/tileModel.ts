/**
 * What the canvas shows, tile by tile, with transitions. Tiles are keyed by symbol: when a new
 * layout arrives, a tile that was already on screen moves from where it is drawn now to its new
 * rectangle, and a new tile grows from its centre; colours always ease from the colour on screen
 * to the new target. Arrays follow the current layout's order. A layout for another map size
 * (a resize, or the status strip appearing) replaces the old one at once: resizing is not news.
 *
 * "from/to/cur" triples: `from` is where a transition started, `to` its target, `cur` what was
 * drawn last. Times are the `now` passed in (ms), so tests drive them directly.
 */
import type { FrameLayout, GroupBox } from '../../engine/api.ts';
import type { ColorScale } from '../color/colorScale.ts';
import { easeCubicInOut } from 'd3';
import { advanceColors, carryColor, createTileColors, retarget, type TileColors } from './tileColors.ts';

export interface Rects {
  x: Float32Array;
  y: Float32Array;
  w: Float32Array;
  h: Float32Array;
}

export interface AnimatedGroup {
  box: GroupBox;
  /** Size-weighted mean % change of the group's tiles (cap-weighted when sized by market cap). */
  change: number;
  from: { x: number; y: number; w: number; h: number };
  cur: { x: number; y: number; w: number; h: number };
}

export interface TileModel {
  version: number;
  /** The map size the layout was made for, in CSS px. */
  width: number;
  height: number;
  symbols: string[];
  names: string[];
  index: Map<string, number>;
  from: Rects;
  to: Rects;
  cur: Rects;
  geometryStart: number;
  /** The geometry transition reached its end and `cur` equals `to`. */
  geometryDone: boolean;
  groups: AnimatedGroup[];
  /** For each tile, the index in `groups` of its sector group, or -1. */
  tileGroup: Int16Array;
  colors: TileColors;
  /** Tiles to repaint at the next step whatever their transition (first paint, stale flipped). */
  repaint: number[];
  values: Float32Array;
  prices: Float32Array;
  stale: Uint8Array;
}

export interface Durations {
  geometry: number;
  color: number;
}

function rects(n: number): Rects {
  return { x: new Float32Array(n), y: new Float32Array(n), w: new Float32Array(n), h: new Float32Array(n) };
}

const groupKey = (g: GroupBox) => `${g.kind}:${g.name}`;

/** Layout changes whose largest edge move is below this many CSS px are applied without animation. */
export const MIN_ANIMATED_MOVE = 1.5;

function maxMove(from: Rects, to: Rects): number {
  let max = 0;
  for (let i = 0; i < to.x.length; i++) {
    const dx = Math.abs(from.x[i]! - to.x[i]!), dy = Math.abs(from.y[i]! - to.y[i]!);
    const dr = Math.abs(from.x[i]! + from.w[i]! - to.x[i]! - to.w[i]!), db = Math.abs(from.y[i]! + from.h[i]! - to.y[i]! - to.h[i]!);
    max = Math.max(max, dx, dy, dr, db);
  }
  return max;
}


/** A model for `layout`, carrying positions and colours over from `prev` by symbol. */
export function applyLayout(prev: TileModel | null, layout: FrameLayout, now: number): TileModel {
  const n = layout.symbols.length;
  const to: Rects = { x: Float32Array.from(layout.x), y: Float32Array.from(layout.y), w: Float32Array.from(layout.w), h: Float32Array.from(layout.h) };
  const from = rects(n);
  const colors = createTileColors(n);
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const symbol = layout.symbols[i]!;
    index.set(symbol, i);
    const j = prev?.index.get(symbol);
    if (prev && j !== undefined) {
      from.x[i] = prev.cur.x[j]!;
      from.y[i] = prev.cur.y[j]!;
      from.w[i] = prev.cur.w[j]!;
      from.h[i] = prev.cur.h[j]!;
      carryColor(colors, i, prev.colors, j);
    } else if (prev && prev.symbols.length > 0) {
      // A newcomer to a map already on screen grows from its centre.
      from.x[i] = to.x[i]! + to.w[i]! / 2;
      from.y[i] = to.y[i]! + to.h[i]! / 2;
    } else {
      // The first map appears at once: nothing to move from.
      from.x[i] = to.x[i]!;
      from.y[i] = to.y[i]!;
      from.w[i] = to.w[i]!;
      from.h[i] = to.h[i]!;
    }
  }
  // A relayout that moves nothing visibly (market caps drifting a little) jumps instead of
  // animating: half a second of full-canvas repaints for sub-pixel motion buys nothing. So does
  // one for a new map size: every tile moves, but only because the box did (e.g. the status strip
  // appearing just after the cached map), and a window drag would restart the transition per step.
  const resized = prev !== null && (prev.width !== layout.width || prev.height !== layout.height);
  const settled = !prev || prev.symbols.length === 0 || resized || maxMove(from, to) < MIN_ANIMATED_MOVE;
  if (settled) for (const k of ['x', 'y', 'w', 'h'] as const) from[k].set(to[k]);
  const prevGroups = new Map(prev?.groups.map((g) => [groupKey(g.box), g.cur]) ?? []);
  const groups = layout.groups.map((box) => {
    const start = (!settled && prevGroups.get(groupKey(box))) || { x: box.x, y: box.y, w: box.w, h: box.h };
    return { box, change: NaN, from: { ...start }, cur: { ...start } };
  });
  const tileGroup = new Int16Array(n).fill(-1);
  groups.forEach(({ box }, g) => {
    if (box.kind !== 'sector') return;
    for (let i = 0; i < n; i++) {
      const cx = to.x[i]! + to.w[i]! / 2, cy = to.y[i]! + to.h[i]! / 2;
      if (cx >= box.x && cx < box.x + box.w && cy >= box.y && cy < box.y + box.h) tileGroup[i] = g;
    }
  });
  return {
    version: layout.version,
    width: layout.width,
    height: layout.height,
    symbols: layout.symbols,
    names: layout.names,
    index,
    from,
    to,
    cur: { x: from.x.slice(), y: from.y.slice(), w: from.w.slice(), h: from.h.slice() },
    geometryStart: now,
    geometryDone: settled,
    groups,
    tileGroup,
    colors,
    repaint: [],
    values: new Float32Array(n).fill(NaN),
    prices: new Float32Array(n),
    stale: new Uint8Array(n),
  };
}

/** Takes new per-tile values; tiles whose colour changed start easing towards the new one. */
export function applyValues(
  model: TileModel,
  data: { values: Float32Array; prices: Float32Array; stale: Uint8Array },
  scale: ColorScale,
  now: number,
): void {
  model.values.set(data.values);
  model.prices.set(data.prices);
  model.stale.set(data.stale);
  updateGroupChanges(model);
  for (const i of retarget(model.colors, data.values, data.stale, scale, now)) model.repaint.push(i);
}

/** Tile area stands in for the size metric, so the mean is weighted like the map itself. */
function updateGroupChanges(model: TileModel): void {
  const sum = new Float64Array(model.groups.length), weight = new Float64Array(model.groups.length);
  for (let i = 0; i < model.symbols.length; i++) {
    const g = model.tileGroup[i]!, v = model.values[i]!;
    if (g < 0 || !Number.isFinite(v)) continue;
    const area = model.to.w[i]! * model.to.h[i]!;
    sum[g]! += area * v;
    weight[g]! += area;
  }
  model.groups.forEach((group, g) => (group.change = weight[g]! > 0 ? sum[g]! / weight[g]! : NaN));
}

export interface AdvanceResult {
  /** Geometry is still moving: everything must be redrawn. */
  moving: boolean;
  /** Tiles whose colour changed in this step (when not moving, only these need a redraw). */
  recolored: number[];
  /** Anything still animating after this step. */
  busy: boolean;
}

/** Moves every transition to time `now`. */
export function advance(model: TileModel, now: number, durations: Durations): AdvanceResult {
  const n = model.symbols.length;
  const moving = !model.geometryDone;
  if (moving) {
    const gt = durations.geometry <= 0 ? 1 : Math.min(1, Math.max(0, (now - model.geometryStart) / durations.geometry));
    const e = gt >= 1 ? 1 : easeCubicInOut(gt);
    for (const k of ['x', 'y', 'w', 'h'] as const) {
      const f = model.from[k], t = model.to[k], c = model.cur[k];
      if (e === 1) c.set(t);
      else for (let i = 0; i < n; i++) c[i] = f[i]! + (t[i]! - f[i]!) * e;
    }
    for (const g of model.groups) {
      g.cur = {
        x: g.from.x + (g.box.x - g.from.x) * e,
        y: g.from.y + (g.box.y - g.from.y) * e,
        w: g.from.w + (g.box.w - g.from.w) * e,
        h: g.from.h + (g.box.h - g.from.h) * e,
      };
    }
    model.geometryDone = e === 1;
  }
  const { recolored, busy } = advanceColors(model.colors, now, durations.color);
  if (model.repaint.length > 0) {
    // Each tile once: a tile listed twice had its label drawn twice over one fill, which makes
    // anti-aliased text look bold (a tile whose staleness flipped as its colour changed, or one
    // flipped by two frames between steps).
    const listed = new Set(recolored);
    for (const i of model.repaint) {
      if (listed.has(i)) continue;
      listed.add(i);
      recolored.push(i);
    }
    model.repaint = [];
  }
  return { moving, recolored, busy: !model.geometryDone || busy };
}
