/**
 * The tile colour scale: piecewise-linear RGB between the palette's stops (what d3's
 * `piecewise(interpolateRgb, stops)` gives) over a fixed symmetric domain, clamped, sampled into a
 * lookup table so painting thousands of tiles per frame costs one array read each. It is built
 * during the first render, so it is sampled with plain arithmetic rather than through d3's
 * colour strings, which cost several ms more on a cold start.
 */
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

/** Channel `shift` of the colour `t` (0…1) of the way along `stops`, rounded and clamped as d3 does. */
function sampleChannel(stops: readonly number[], t: number, shift: number): number {
  const n = stops.length - 1;
  const i = Math.min(n - 1, Math.floor(t * n));
  const u = t * n - i;
  const a = (stops[i]! >> shift) & 255;
  const b = (stops[i + 1]! >> shift) & 255;
  return Math.max(0, Math.min(255, Math.round(a * (1 - u) + b * u)));
}

export function createColorScale(palette: PaletteId, domain: ColorDomain): ColorScale {
  const stops = PALETTES[palette].stops.map((hex) => parseInt(hex.slice(1), 16));
  const lut = new Uint32Array(STEPS + 1);
  for (let i = 0; i <= STEPS; i++) {
    const t = i / STEPS;
    lut[i] = (sampleChannel(stops, t, 16) << 16) | (sampleChannel(stops, t, 8) << 8) | sampleChannel(stops, t, 0);
  }
  const position = (pct: number) => (Number.isFinite(pct) ? Math.min(1, Math.max(0, (pct / domain + 1) / 2)) : 0.5);
  // The faded and label tables are built on first use: only the painter reads them, and the
  // page's thread builds its scale (legend, tooltip) inside the app's first render.
  let staleLut: Uint32Array | null = null;
  let labelLut: Uint32Array | null = null;
  let staleLabelLut: Uint32Array | null = null;
  return {
    domain,
    palette,
    color: (pct) => lut[Math.round(position(pct) * STEPS)]!,
    position,
    lut,
    get staleLut() {
      return (staleLut ??= lut.map(staleColor));
    },
    get labelLut() {
      return (labelLut ??= lut.map(labelColor));
    },
    get staleLabelLut() {
      return (staleLabelLut ??= this.staleLut.map(labelColor));
    },
  };
}
