/** The stripe pattern laid over stale tiles, so staleness reads without relying on colour. */
import { scratchCanvas, type Canvas2D } from './canvas2d.ts';

/** A 6-px diagonal stripe pattern for stale tiles. */
export function createHatch(ctx: Canvas2D, dpr: number): CanvasPattern | null {
  const size = Math.max(6, Math.round(6 * dpr));
  const { canvas: tile, ctx: t } = scratchCanvas(size, size);
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
