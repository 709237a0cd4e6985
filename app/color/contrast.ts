/**
 * WCAG 2 contrast for tile labels. Pure black or white on any colour reaches at least ~4.58:1
 * (the worst case is a background of relative luminance ≈ 0.18), so picking whichever contrasts
 * more always clears the 4.5:1 bar for normal text.
 */
import { unpackRgb, type PackedRgb } from './rgb.ts';

function channel(c8: number): number {
  const c = c8 / 255;
  return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
}

/** WCAG relative luminance, 0 (black) … 1 (white). */
export function relativeLuminance(color: PackedRgb): number {
  const [r, g, b] = unpackRgb(color);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: PackedRgb, b: PackedRgb): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

export const WHITE: PackedRgb = 0xffffff;
export const BLACK: PackedRgb = 0x000000;

/** The label colour (black or white) with the higher contrast on `background`. */
export function labelColor(background: PackedRgb): PackedRgb {
  return contrastRatio(background, WHITE) >= contrastRatio(background, BLACK) ? WHITE : BLACK;
}
