/**
 * Text widths for label fitting without calling measureText per label per frame: each character
 * is measured once at 100 px, and whole strings (symbols, `▲ +1.23%`) are summed once and cached.
 * Tile labels are short, so ignoring kerning costs nothing visible.
 */
import type { MeasureText } from './labelFit.ts';
import { runWhenIdle } from '../scheduling/whenIdle.ts';
import { FONT_SIZES, resolveTileFontSteps, tileFont } from './tileFont.ts';
import { scratchCanvas, type Canvas2D } from './canvas2d.ts';

/** Past this many cached strings the cache starts over (it only ever holds label texts). */
const MAX_CACHED = 50_000;

export function createCanvasMeasure(ctx: Canvas2D): MeasureText {
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

let shared: MeasureText | null = null;

/**
 * The thread's shared measure, on a canvas of its own (so its font changes stay out of any painting
 * context's state): the one warmCanvasText fills at start-up and the renderer then finds warm.
 * Null where canvas 2D is unavailable.
 */
export function sharedCanvasMeasure(): MeasureText | null {
  if (!shared) {
    const { ctx } = scratchCanvas(1, 1);
    if (ctx) shared = createCanvasMeasure(ctx);
  }
  return shared;
}

/** The characters tile labels and group headers are made of. */
export const LABEL_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .+%\u2212▲▼…abcdefghijklmnopqrstuvwxyz&,-';

/**
 * The browser's one-time text set-up for the map, in idle tasks of a few ms each: which family of
 * the font stack is installed (tileFont.ts), each character's width in both weights, and a font
 * per label size up to `maxSize`. Done in the first paint instead, this cost ~40 ms on a desktop
 * CPU (four times that on a phone): font matching and fallback, shaping. `resolveFont: false`
 * leaves out the family lookup, for a thread that has done it already (`resolveTileFontNow`).
 * Returns the cancel.
 */
export function warmCanvasText(measure: MeasureText, { resolveFont = true, maxSize = 36, chars = LABEL_CHARS } = {}): () => void {
  const scratch = scratchCanvas(1, 1).ctx;
  if (!scratch) return () => undefined;
  const steps = resolveFont ? resolveTileFontSteps(scratch) : [];
  for (const bold of [true, false]) for (const ch of chars) steps.push(() => void measure(ch, bold));
  for (const size of FONT_SIZES.filter((s) => s <= maxSize)) {
    for (const bold of [true, false]) {
      steps.push(() => {
        scratch.font = tileFont(size, bold);
        scratch.measureText(chars);
      });
    }
  }
  return runWhenIdle(() => {
    steps.shift()?.();
    return steps.length > 0;
  }, 3);
}

/**
 * Finds the installed family of the label font stack at once (two measurements per family tried),
 * so the first labels are already set in it rather than in the whole stack.
 */
export function resolveTileFontNow(): void {
  const scratch = scratchCanvas(1, 1).ctx;
  if (scratch) for (const step of resolveTileFontSteps(scratch)) step();
}
