/**
 * The tile colour scale: a d3 piecewise scale over a fixed symmetric domain, clamped, sampled into
 * a lookup table so painting thousands of tiles per frame costs one array read each.
 */
import { interpolateRgb, piecewise, rgb } from 'd3';
import { PALETTES } from './palettes.ts';
import { labelColor } from './contrast.ts';
import { staleColor } from './mix.ts';
import type { ColorDomain, PaletteId } from '../state/viewState.ts';

import type { PackedRgb } from './rgb.ts';

export interface ColorScale {
  domain: ColorDomain;
  palette: PaletteId;
  /** Colour for a % change; NaN (no data) gets the neutral stop. Values beyond ±domain clamp. */
  color(pct: number): PackedRgb;
  /** Where a % change sits on the scale, 0 (−domain or below) … 1 (+domain or above); NaN → ½. */
  position(pct: number): number;
  /** The scale sampled at `STEPS + 1` evenly spaced positions, and the same faded for stale tiles. */
  lut: Uint32Array;
  staleLut: Uint32Array;
  /** The label colour (black or white, ≥ 4.5:1) for each entry of `lut` / `staleLut`. */
  labelLut: Uint32Array;
  staleLabelLut: Uint32Array;
}

/** Colour steps across the whole scale: finer than the eye can tell apart on a tile. */
export const STEPS = 512;

export function createColorScale(palette: PaletteId, domain: ColorDomain): ColorScale {
  const interpolate = piecewise(interpolateRgb, [...PALETTES[palette].stops]);
  const lut = new Uint32Array(STEPS + 1);
  for (let i = 0; i <= STEPS; i++) {
    const c = rgb(interpolate(i / STEPS));
    lut[i] = (Math.round(c.r) << 16) | (Math.round(c.g) << 8) | Math.round(c.b);
  }
  const position = (pct: number) => (Number.isFinite(pct) ? Math.min(1, Math.max(0, (pct / domain + 1) / 2)) : 0.5);
  const staleLut = lut.map(staleColor);
  return {
    domain,
    palette,
    color: (pct) => lut[Math.round(position(pct) * STEPS)]!,
    position,
    lut,
    staleLut,
    labelLut: lut.map(labelColor),
    staleLabelLut: staleLut.map(labelColor),
  };
}
