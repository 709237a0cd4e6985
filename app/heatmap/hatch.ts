/** The stripe pattern laid over stale tiles, so staleness reads without relying on colour. */

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
