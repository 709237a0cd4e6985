/**
 * WCAG 2 contrast for tile labels. Pure black or white on any colour reaches at least ~4.58:1
 * (the worst case is a background of relative luminance ≈ 0.18), so picking whichever contrasts
 * more always clears the 4.5:1 bar for normal text.
 */
import type { PackedRgb } from './rgb.ts';

/** sRGB channel (0–255) → linear light, once per value: colour scales ask ~3,000 times at start-up. */
const LINEAR = Float64Array.from({ length: 256 }, (_, c8) => {
  const c = c8 / 255;
  return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
});

/** WCAG relative luminance, 0 (black) … 1 (white). */
export function relativeLuminance(color: PackedRgb): number {
  return 0.2126 * LINEAR[(color >> 16) & 255]! + 0.7152 * LINEAR[(color >> 8) & 255]! + 0.0722 * LINEAR[color & 255]!;
}

export function contrastRatio(a: PackedRgb, b: PackedRgb): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

export const WHITE: PackedRgb = 0xffffff;
export const BLACK: PackedRgb = 0x000000;

/**
 * Up to this luminance white contrasts at least as much as black: 1.05 / (L + 0.05) ≥ (L + 0.05) / 0.05
 * exactly when (L + 0.05)² ≤ 0.0525.
 */
const WHITE_UP_TO = Math.sqrt(1.05 * 0.05) - 0.05;

/** The label colour (black or white) with the higher contrast on `background`. */
export function labelColor(background: PackedRgb): PackedRgb {
  return relativeLuminance(background) <= WHITE_UP_TO ? WHITE : BLACK;
}
