/**
 * Canvas painting of a TileModel's current state. Each tile paints only inside its own rectangle
 * (fill, stale hatch, label), so a colour-only update can repaint just the tiles that changed.
 */
import { cssRgb } from '../color/colorScale.ts';
import { labelColor } from '../color/contrast.ts';
import { fitTileLabel, truncateText, type MeasureText } from './labelFit.ts';
import { tileFont } from './canvasMeasure.ts';
import { tilePctLabel } from '../format/numbers.ts';
import type { AnimatedGroup, TileModel } from './tileModel.ts';

export interface PaintStyle {
  background: string;
  headerFill: string;
  headerText: string;
  industryText: string;
  headerUp: string;
  headerDown: string;
  measure: MeasureText;
  minFont: number;
  maxFont: number;
  /** Diagonal lines laid over stale tiles; null where patterns are unavailable. */
  hatch: CanvasPattern | null;
}

/** Gap between neighbouring tiles, as an inset on every side (the map's grid lines). */
const INSET = 0.5;

export function paintScene(ctx: CanvasRenderingContext2D, model: TileModel, style: PaintStyle, width: number, height: number): void {
  ctx.fillStyle = style.background;
  ctx.fillRect(0, 0, width, height);
  for (const group of model.groups) paintGroup(ctx, group, style);
  for (let i = 0; i < model.symbols.length; i++) paintTile(ctx, model, i, style, false);
}

/** Repaints the sector header strips (their mean change moves with every tick). */
export function paintHeaders(ctx: CanvasRenderingContext2D, model: TileModel, style: PaintStyle): void {
  for (const group of model.groups) if (group.box.kind === 'sector') paintGroup(ctx, group, style);
}

/** Repaints only `indices`, clearing each tile's rectangle first. */
export function paintTiles(ctx: CanvasRenderingContext2D, model: TileModel, indices: readonly number[], style: PaintStyle): void {
  for (const i of indices) paintTile(ctx, model, i, style, true);
}

function paintTile(ctx: CanvasRenderingContext2D, model: TileModel, i: number, style: PaintStyle, clear: boolean): void {
  const x = model.cur.x[i]!, y = model.cur.y[i]!, w = model.cur.w[i]!, h = model.cur.h[i]!;
  if (w < 0.5 || h < 0.5) return;
  if (clear) {
    ctx.fillStyle = style.background;
    ctx.fillRect(x, y, w, h);
  }
  const inset = w > 3 && h > 3 ? INSET : 0;
  const color = model.curColor[i]!;
  ctx.fillStyle = cssRgb(color);
  ctx.fillRect(x + inset, y + inset, w - 2 * inset, h - 2 * inset);
  if (model.stale[i] && style.hatch) {
    ctx.fillStyle = style.hatch;
    ctx.fillRect(x + inset, y + inset, w - 2 * inset, h - 2 * inset);
  }
  const label = fitTileLabel(w, h, model.symbols[i]!, model.values[i]!, style);
  if (!label) return;
  const cx = x + w / 2, cy = y + h / 2;
  ctx.fillStyle = cssRgb(labelColor(color));
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const line of label.lines) {
    ctx.font = tileFont(line.size, line.bold);
    ctx.fillText(line.text, cx, cy + line.dy);
  }
}

function paintGroup(ctx: CanvasRenderingContext2D, group: AnimatedGroup, style: PaintStyle): void {
  const { box, cur } = group;
  const header = box.header * (cur.h / Math.max(1, box.h));
  if (header < 6 || cur.w < 16) return;
  const sector = box.kind === 'sector';
  const size = Math.min(header * 0.72, sector ? 12.5 : 10.5);
  const left = cur.x + 4, right = cur.x + cur.w - 4, mid = cur.y + header / 2 + 0.5;
  ctx.textBaseline = 'middle';
  if (!sector) {
    const text = truncateText(box.name, right - left, size, false, style.measure);
    ctx.fillStyle = style.industryText;
    ctx.font = tileFont(size, false);
    ctx.textAlign = 'left';
    if (text) ctx.fillText(text, left, mid);
    return;
  }
  ctx.fillStyle = style.headerFill;
  ctx.fillRect(cur.x + INSET, cur.y + INSET, cur.w - 2 * INSET, header - INSET);
  // The sector's own move, right-aligned, when it fits beside at least a few letters of the name.
  const change = Number.isFinite(group.change) ? tilePctLabel(group.change) : '';
  const changeWidth = change ? style.measure(change, true) * size : 0;
  const showChange = change !== '' && right - left - changeWidth > size * 4;
  const name = truncateText(box.name.toUpperCase(), right - left - (showChange ? changeWidth + size : 0), size, true, style.measure);
  ctx.font = tileFont(size, true);
  if (name) {
    ctx.fillStyle = style.headerText;
    ctx.textAlign = 'left';
    ctx.fillText(name, left, mid);
  }
  if (showChange) {
    ctx.fillStyle = group.change > 0.005 ? style.headerUp : group.change < -0.005 ? style.headerDown : style.headerText;
    ctx.textAlign = 'right';
    ctx.fillText(change, right, mid);
  }
}

/** A 6-px diagonal stripe pattern for stale tiles. */
export function createHatch(ctx: CanvasRenderingContext2D, dpr: number): CanvasPattern | null {
  const size = Math.max(6, Math.round(6 * dpr));
  const tile = document.createElement('canvas');
  tile.width = size;
  tile.height = size;
  const t = tile.getContext('2d');
  if (!t) return null;
  t.strokeStyle = 'rgba(0, 0, 0, 0.28)';
  t.lineWidth = Math.max(1, dpr);
  t.beginPath();
  t.moveTo(0, size);
  t.lineTo(size, 0);
  t.moveTo(-size / 2, size / 2);
  t.lineTo(size / 2, -size / 2);
  t.moveTo(size / 2, size * 1.5);
  t.lineTo(size * 1.5, size / 2);
  t.stroke();
  const pattern = ctx.createPattern(tile, 'repeat');
  pattern?.setTransform(new DOMMatrix().scale(1 / dpr));
  return pattern;
}
