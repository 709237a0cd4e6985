/**
 * Canvas painting of a TileModel's current state. Each tile paints only inside its own rectangle
 * (fill, stale hatch, label), so a colour-only update can repaint just the tiles that changed.
 */
import { fitTileLabel, truncateText, type MeasureText } from './labelFit.ts';
import type { ColorScale } from '../color/colorScale.ts';
import { snapFontSize, tileFont } from './tileFont.ts';
import { hex, resetCanvasState, setFill, setFont } from './canvasState.ts';
import { tilePctLabel } from '../format/numbers.ts';
import type { AnimatedGroup, TileModel } from './tileModel.ts';
import type { RendererTheme } from './renderer.ts';
import type { Canvas2D } from './canvas2d.ts';

/** The renderer's theme plus what painting needs. */
export interface PaintStyle extends RendererTheme {
  scale: ColorScale;
  measure: MeasureText;
  minFont: number;
  maxFont: number;
  /** Diagonal lines laid over stale tiles; null where patterns are unavailable. */
  hatch: CanvasPattern | null;
}

/** Gap between neighbouring tiles, as an inset on every side (the map's grid lines). */
const INSET = 0.5;

export function paintScene(ctx: Canvas2D, model: TileModel, style: PaintStyle, width: number, height: number, labels = true): void {
  // A resize resets the context's state behind our back; start from a clean slate each scene.
  resetCanvasState(ctx);
  setFill(ctx, style.background);
  ctx.fillRect(0, 0, width, height);
  paintGroups(ctx, model.groups, style, false);
  const all = new Array<number>(model.symbols.length);
  for (let i = 0; i < all.length; i++) all[i] = i;
  paintBatch(ctx, model, all, style, false, labels);
}

/** Repaints the sector header strips (their mean change moves with every tick). */
export function paintHeaders(ctx: Canvas2D, model: TileModel, style: PaintStyle): void {
  paintGroups(ctx, model.groups, style, true);
}

function paintGroups(ctx: Canvas2D, groups: readonly AnimatedGroup[], style: PaintStyle, sectorsOnly: boolean): void {
  for (const group of groups) if (!sectorsOnly || group.box.kind === 'sector') paintGroup(ctx, group, style);
}

/** Repaints only `indices`, clearing each tile's rectangle first. */
export function paintTiles(ctx: Canvas2D, model: TileModel, indices: readonly number[], style: PaintStyle): void {
  if (indices.length > 0) paintBatch(ctx, model, indices, style, true, true);
}

/**
 * Paints tiles grouped by colour: one fill per distinct colour instead of one per tile, since
 * parsing a colour string costs more than drawing a small rectangle. Then the stale hatch, then
 * labels grouped by text colour.
 */
function paintBatch(ctx: Canvas2D, model: TileModel, indices: readonly number[], style: PaintStyle, clear: boolean, labels: boolean): void {
  const { x: X, y: Y, w: W, h: H } = model.cur;
  const steps = style.scale.lut.length;
  const shown = indices.filter((i) => W[i]! >= 0.5 && H[i]! >= 0.5);
  if (clear) {
    setFill(ctx, style.background);
    ctx.beginPath();
    for (const i of shown) ctx.rect(X[i]!, Y[i]!, W[i]!, H[i]!);
    ctx.fill();
  }
  // Sort by colour key (stale tiles use the faded table), keeping the tile index in the low part.
  const keys = new Float64Array(shown.length);
  shown.forEach((i, k) => (keys[k] = ((model.stale[i] ? steps : 0) + model.colors.index[i]!) * 1e6 + i));
  keys.sort();
  let run = -1;
  for (const key of keys) {
    const colorKey = Math.floor(key / 1e6), i = key - colorKey * 1e6;
    if (colorKey !== run) {
      if (run >= 0) ctx.fill();
      run = colorKey;
      setFill(ctx, hex(colorKey >= steps ? style.scale.staleLut[colorKey - steps]! : style.scale.lut[colorKey]!));
      ctx.beginPath();
    }
    insetRect(ctx, X[i]!, Y[i]!, W[i]!, H[i]!);
  }
  if (run >= 0) ctx.fill();
  const stale = shown.filter((i) => model.stale[i]);
  if (stale.length > 0 && style.hatch) {
    setFill(ctx, style.hatch);
    ctx.beginPath();
    for (const i of stale) insetRect(ctx, X[i]!, Y[i]!, W[i]!, H[i]!);
    ctx.fill();
  }
  if (labels) paintLabels(ctx, model, shown, style);
}

function insetRect(ctx: Canvas2D, x: number, y: number, w: number, h: number): void {
  const inset = w > 3 && h > 3 ? INSET : 0;
  ctx.rect(x + inset, y + inset, w - 2 * inset, h - 2 * inset);
}

interface LabelRun {
  color: number;
  bold: boolean;
  size: number;
  text: string;
  x: number;
  y: number;
}

/** Labels sorted by colour, weight and size, so fill and font change as rarely as possible. */
function paintLabels(ctx: Canvas2D, model: TileModel, indices: readonly number[], style: PaintStyle): void {
  const { x: X, y: Y, w: W, h: H } = model.cur;
  const runs: LabelRun[] = [];
  for (const i of indices) {
    const label = fitTileLabel(W[i]!, H[i]!, model.symbols[i]!, model.values[i]!, style);
    if (!label) continue;
    const index = model.colors.index[i]!;
    const color = model.stale[i] ? style.scale.staleLabelLut[index]! : style.scale.labelLut[index]!;
    const cx = X[i]! + W[i]! / 2, cy = Y[i]! + H[i]! / 2;
    for (const line of label.lines) runs.push({ color, bold: line.bold, size: line.size, text: line.text, x: cx, y: cy + line.dy });
  }
  runs.sort((a, b) => a.color - b.color || Number(a.bold) - Number(b.bold) || a.size - b.size);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const run of runs) {
    setFill(ctx, hex(run.color));
    setFont(ctx, tileFont(run.size, run.bold));
    ctx.fillText(run.text, run.x, run.y);
  }
}

function paintGroup(ctx: Canvas2D, group: AnimatedGroup, style: PaintStyle): void {
  const { box, cur } = group;
  const header = box.header * (cur.h / Math.max(1, box.h));
  if (header < 6 || cur.w < 16) return;
  const sector = box.kind === 'sector';
  const size = snapFontSize(Math.min(header * 0.72, sector ? 12.5 : 10.5));
  const left = cur.x + 4, right = cur.x + cur.w - 4, mid = cur.y + header / 2 + 0.5;
  ctx.textBaseline = 'middle';
  if (!sector) {
    const text = truncateText(box.name, right - left, size, false, style.measure);
    setFill(ctx, style.industryText);
    setFont(ctx, tileFont(size, false));
    ctx.textAlign = 'left';
    if (text) ctx.fillText(text, left, mid);
    return;
  }
  setFill(ctx, style.headerFill);
  ctx.fillRect(cur.x + INSET, cur.y + INSET, cur.w - 2 * INSET, header - INSET);
  // The sector's own move, right-aligned, when it fits beside at least a few letters of the name.
  const change = Number.isFinite(group.change) ? tilePctLabel(group.change) : '';
  const changeWidth = change ? style.measure(change, true) * size : 0;
  const showChange = change !== '' && right - left - changeWidth > size * 4;
  const name = truncateText(box.name.toUpperCase(), right - left - (showChange ? changeWidth + size : 0), size, true, style.measure);
  setFont(ctx, tileFont(size, true));
  if (name) {
    setFill(ctx, style.headerText);
    ctx.textAlign = 'left';
    ctx.fillText(name, left, mid);
  }
  if (showChange) {
    setFill(ctx, group.change > 0.005 ? style.headerUp : group.change < -0.005 ? style.headerDown : style.headerText);
    ctx.textAlign = 'right';
    ctx.fillText(change, right, mid);
  }
}
