/**
 * Text widths for label fitting without calling measureText per label per frame: each character
 * is measured once at 100 px, and whole strings (symbols, `▲ +1.23%`) are summed once and cached.
 * Tile labels are short, so ignoring kerning costs nothing visible.
 */
import type { MeasureText } from './labelFit.ts';
import { runWhenIdle } from '../scheduling/whenIdle.ts';

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

/** The characters tile labels and group headers are made of. */
export const LABEL_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .+%\u2212▲▼…abcdefghijklmnopqrstuvwxyz&,-';

/**
 * Measures `chars` in both weights in idle tasks, a few characters per task, then draws them once
 * on a scratch canvas. The first use of each character, and the first text drawn at all, cost the
 * browser font fallback, shaping and set-up work (~40 ms in all on a desktop CPU, four times that
 * on a phone) that would otherwise land in the first paint; the page is idle anyway while it
 * waits for the engine's first frame. Returns the cancel.
 */
export function warmCanvasText(measure: MeasureText, chars = LABEL_CHARS): () => void {
  const steps: (() => void)[] = [];
  for (const bold of [true, false]) for (const ch of chars) steps.push(() => void measure(ch, bold));
  steps.push(() => {
    const scratch = document.createElement('canvas').getContext('2d');
    if (!scratch) return;
    scratch.setTransform(0.2, 0, 0, 0.2, 0, 0);
    for (const bold of [true, false]) {
      scratch.font = tileFont(100, bold);
      scratch.fillText(chars, 0, 50);
    }
  });
  return runWhenIdle(() => {
    steps.shift()?.();
    return steps.length > 0;
  }, 3);
}
