/** Colour arithmetic on packed 0xRRGGBB values, for transitions and stale tiles. */
import type { PackedRgb } from './rgb.ts';

/** Linear blend from `a` (t = 0) to `b` (t = 1) per channel. */
export function mixRgb(a: PackedRgb, b: PackedRgb, t: number): PackedRgb {
  const r = ((a >> 16) & 255) + (((b >> 16) & 255) - ((a >> 16) & 255)) * t;
  const g = ((a >> 8) & 255) + (((b >> 8) & 255) - ((a >> 8) & 255)) * t;
  const bl = (a & 255) + ((b & 255) - (a & 255)) * t;
  return (Math.round(r) << 16) | (Math.round(g) << 8) | Math.round(bl);
}

const STALE_GREY: PackedRgb = 0x50535c;

/** A stale tile keeps a hint of its colour but reads as faded next to live ones. */
export function staleColor(c: PackedRgb): PackedRgb {
  return mixRgb(c, STALE_GREY, 0.65);
}
