/**
 * The font of tile labels and group headers. The canvas gets the first installed family of the
 * app's font stack by name once it is known, not the whole stack: with the stack, each new font
 * size made the browser look up every family ahead of the installed one (~1–3 ms per size on a
 * desktop CPU where Inter, Segoe UI, Roboto and Helvetica Neue are all missing), and the map
 * draws text in a dozen sizes. The result is the font CSS would pick from the same stack.
 */
import type { Canvas2D } from './canvas2d.ts';

/**
 * The font sizes text is drawn at, in CSS px: 1 px steps up to 16, then ~9 % steps. Every
 * distinct size is a font the browser sets up and a glyph cache it fills, so fewer sizes paint
 * faster; a label is at most one step (≤ 1/11) smaller than the largest that would fit.
 */
export const FONT_SIZES = [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 20, 22, 24, 26, 28, 30, 33, 36, 40, 44, 48, 53, 58, 64, 70, 77, 84];

/** The largest size in FONT_SIZES at or below `size` (half-pixel steps below the smallest). */
export function snapFontSize(size: number): number {
  if (size < FONT_SIZES[0]!) return Math.floor(size * 2) / 2;
  let lo = 0, hi = FONT_SIZES.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (FONT_SIZES[mid]! <= size) lo = mid;
    else hi = mid - 1;
  }
  return FONT_SIZES[lo]!;
}

/** The app's font stack (as in styles/base.css), generic fallback last. */
export const TILE_FONT_STACK = ['Inter', 'Segoe UI', 'Roboto', 'Helvetica Neue', 'Arial', 'DejaVu Sans'];

const stack = (names: readonly string[]) => [...names.map((n) => `"${n}"`), 'sans-serif'].join(', ');
let family = stack(TILE_FONT_STACK);

/** The canvas font string for a label line. */
export function tileFont(size: number, bold: boolean): string {
  return `${bold ? 700 : 500} ${size}px ${family}`;
}

const PROBE = 'mmmmmmmmmmlli1WQ@';

/**
 * Whether `name` is installed: text set in it measures differently from the monospace fallback.
 * (The stack's families are all proportional, so one fallback tells; each lookup of a family is a
 * round trip to the browser's font service, so no more than needed.)
 */
export function isFontInstalled(ctx: Canvas2D, name: string): boolean {
  ctx.font = '72px monospace';
  const fallback = ctx.measureText(PROBE).width;
  ctx.font = `72px "${name}", monospace`;
  return ctx.measureText(PROBE).width !== fallback;
}

/**
 * Steps (one family each, for idle time) that find the first installed family of the stack and
 * make tileFont use it alone; when none is installed, the generic sans-serif.
 */
export function resolveTileFontSteps(ctx: Canvas2D, names = TILE_FONT_STACK): (() => void)[] {
  let found = false;
  const steps = names.map((name) => () => {
    if (found || !isFontInstalled(ctx, name)) return;
    found = true;
    family = stack([name]);
  });
  steps.push(() => {
    if (!found) family = 'sans-serif';
  });
  return steps;
}
