/**
 * The map paints on a page canvas (the fallback, and in jsdom tests) or on an OffscreenCanvas in
 * the paint worker, which has no document: everything that paints or measures takes either kind.
 */

/** A 2D context of either kind of canvas. */
export type Canvas2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** A canvas of its own for patterns and text measuring: an OffscreenCanvas where there is one. */
export function scratchCanvas(width: number, height: number): { canvas: OffscreenCanvas | HTMLCanvasElement; ctx: Canvas2D | null } {
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(width, height);
    return { canvas, ctx: canvas.getContext('2d') };
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return { canvas, ctx: canvas.getContext('2d') };
}
