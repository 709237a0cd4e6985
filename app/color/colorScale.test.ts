// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { interpolateRgb, piecewise, rgb } from 'd3';
import { createColorScale, STEPS } from './colorScale.ts';
import { cssRgb, unpackRgb } from './rgb.ts';
import { PALETTES, PALETTE_IDS } from './palettes.ts';
import { staleColor } from './mix.ts';

const hex = (c: string) => parseInt(c.slice(1), 16);

describe('createColorScale(palette, domain)', () => {
  it('maps 0 to the neutral stop and ±domain to the end stops of every palette', () => {
    for (const id of PALETTE_IDS) {
      for (const domain of [1, 3, 5] as const) {
        const scale = createColorScale(id, domain);
        const stops = PALETTES[id].stops;
        expect(cssRgb(scale.color(0)), `${id} ±${domain}`).toBe(stops[3]);
        expect(cssRgb(scale.color(-domain))).toBe(stops[0]);
        expect(cssRgb(scale.color(domain))).toBe(stops[6]);
      }
    }
  });

  it('samples the colours of d3 piecewise(interpolateRgb, stops) at every step', () => {
    for (const id of PALETTE_IDS) {
      const { lut } = createColorScale(id, 3);
      const d3Scale = piecewise(interpolateRgb, [...PALETTES[id].stops]);
      for (let i = 0; i <= STEPS; i++) {
        const c = rgb(d3Scale(i / STEPS));
        expect(cssRgb(lut[i]!), `${id} step ${i}`).toBe(cssRgb((c.r << 16) | (c.g << 8) | c.b));
      }
    }
  });

  it('clamps beyond the domain instead of extrapolating', () => {
    const scale = createColorScale('red-green', 3);
    expect(scale.color(12)).toBe(scale.color(3));
    expect(scale.color(-40)).toBe(scale.color(-3));
  });

  it('grows more intense the further a move is from 0, on both sides', () => {
    for (const id of PALETTE_IDS) {
      const scale = createColorScale(id, 3);
      const neutral = unpackRgb(scale.color(0));
      const dist = (c: number) => Math.hypot(...unpackRgb(c).map((v, i) => v - neutral[i]!));
      for (const sign of [1, -1]) {
        let last = 0;
        for (let pct = 0.25; pct <= 3; pct += 0.25) {
          const d = dist(scale.color(sign * pct));
          expect(d, `${id} ${sign * pct}`).toBeGreaterThan(last);
          last = d;
        }
      }
    }
  });

  it('a wider domain makes the same move paler', () => {
    const neutral = unpackRgb(createColorScale('red-green', 1).color(0));
    const dist = (c: number) => Math.hypot(...unpackRgb(c).map((v, i) => v - neutral[i]!));
    expect(dist(createColorScale('red-green', 1).color(1))).toBeGreaterThan(dist(createColorScale('red-green', 5).color(1)));
  });

  it('red-up mirrors red-green', () => {
    const rg = createColorScale('red-green', 3);
    const ru = createColorScale('red-up', 3);
    for (const pct of [-3, -1.5, 0, 0.7, 3]) expect(ru.color(pct)).toBe(rg.color(-pct));
  });

  it('blue-orange goes blue up and orange down', () => {
    const scale = createColorScale('blue-orange', 3);
    const [ur, , ub] = unpackRgb(scale.color(3));
    const [dr, , db] = unpackRgb(scale.color(-3));
    expect(ub).toBeGreaterThan(ur);
    expect(dr).toBeGreaterThan(db);
  });

  it('gives NaN the neutral colour', () => {
    expect(createColorScale('red-green', 3).color(NaN)).toBe(hex(PALETTES['red-green'].stops[3]!));
  });
});

describe('staleColor(c)', () => {
  it('pulls a colour towards grey', () => {
    const green = hex('#30cc5a');
    const [r, g, b] = unpackRgb(staleColor(green));
    expect(g - Math.min(r, b)).toBeLessThan(0xcc - 0x30);
  });
});
