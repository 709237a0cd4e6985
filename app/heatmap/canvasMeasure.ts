/**
 * Text widths for label fitting without calling measureText per label per frame: each character
 * is measured once at 100 px, and whole strings (symbols, `▲ +1.23%`) are summed once and cached.
 * Tile labels are short, so ignoring kerning costs nothing visible.
 */
import type { MeasureText } from './labelFit.ts';

export const TILE_FONT_FAMILY = 'Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif';

/** Past this many cached strings the cache starts over (it only ever holds label texts). */
const MAX_CACHED = 50_000;

export function tileFont(size: number, bold: boolean): string {
  return `${bold ? 700 : 500} ${size}px ${TILE_FONT_FAMILY}`;
}

export function createCanvasMeasure(ctx: CanvasRenderingContext2D): MeasureText {
  const chars = [new Map<string, number>(), new Map<string, number>()];
  const strings = [new Map<string, number>(), new Map<string, number>()];
  let font = '';
  const charWidth = (ch: string, bold: boolean) => {
    const cache = chars[bold ? 1 : 0]!;
    let w = cache.get(ch);
    if (w === undefined) {
      const wanted = tileFont(100, bold);
      if (font !== wanted) ctx.font = font = wanted;
      w = ctx.measureText(ch).width / 100;
      cache.set(ch, w);
    }
    return w;
  };
  return (text, bold) => {
    const cache = strings[bold ? 1 : 0]!;
    let total = cache.get(text);
    if (total === undefined) {
      total = 0;
      for (const ch of text) total += charWidth(ch, bold);
      if (cache.size >= MAX_CACHED) cache.clear();
      cache.set(text, total);
    }
    return total;
  };
}
