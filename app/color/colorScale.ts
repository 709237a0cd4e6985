/**
 * The tile colour scale: a d3 piecewise scale over a fixed symmetric domain, clamped, sampled into
 * a lookup table so painting thousands of tiles per frame costs one array read each.
 */
import { interpolateRgb, piecewise, rgb } from 'd3';
import { PALETTES } from './palettes.ts';
import type { ColorDomain, PaletteId } from '../state/viewState.ts';

/** Colours are packed as 0xRRGGBB. */
export type PackedRgb = number;

export interface ColorScale {
  domain: ColorDomain;
  palette: PaletteId;
  /** Colour for a % change; NaN (no data) gets the neutral stop. Values beyond ±domain clamp. */
  color(pct: number): PackedRgb;
}

const STEPS = 512;

export function createColorScale(palette: PaletteId, domain: ColorDomain): ColorScale {
  const interpolate = piecewise(interpolateRgb, [...PALETTES[palette].stops]);
  const lut = new Uint32Array(STEPS + 1);
  for (let i = 0; i <= STEPS; i++) {
    const c = rgb(interpolate(i / STEPS));
    lut[i] = (Math.round(c.r) << 16) | (Math.round(c.g) << 8) | Math.round(c.b);
  }
  const neutral = lut[STEPS / 2]!;
  return {
    domain,
    palette,
    color(pct) {
      if (!Number.isFinite(pct)) return neutral;
      const t = Math.min(1, Math.max(0, (pct / domain + 1) / 2));
      return lut[Math.round(t * STEPS)]!;
    },
  };
}

export function unpackRgb(c: PackedRgb): [number, number, number] {
  return [(c >> 16) & 255, (c >> 8) & 255, c & 255];
}

export function cssRgb(c: PackedRgb): string {
  return `#${c.toString(16).padStart(6, '0')}`;
}
