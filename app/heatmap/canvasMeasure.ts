/**
 * Text widths for label fitting without calling measureText per label per frame: each character
 * is measured once at 100 px and widths are summed (tile labels are short, so kerning is noise).
 */
import type { MeasureText } from './labelFit.ts';

export const TILE_FONT_FAMILY = 'Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif';

export function tileFont(size: number, bold: boolean): string {
  return `${bold ? 700 : 500} ${size}px ${TILE_FONT_FAMILY}`;
}

export function createCanvasMeasure(ctx: CanvasRenderingContext2D): MeasureText {
  const widths = [new Map<string, number>(), new Map<string, number>()];
  return (text, bold) => {
    const cache = widths[bold ? 1 : 0]!;
    let total = 0;
    for (const ch of text) {
      let w = cache.get(ch);
      if (w === undefined) {
        ctx.font = tileFont(100, bold);
        w = ctx.measureText(ch).width / 100;
        cache.set(ch, w);
      }
      total += w;
    }
    return total;
  };
}
