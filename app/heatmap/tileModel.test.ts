// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { FrameLayout } from '../../engine/api.ts';
import { createColorScale } from '../color/colorScale.ts';
import { advance, applyLayout, applyValues } from './tileModel.ts';

const durations = { geometry: 500, color: 400 };
const scale = createColorScale('red-green', 3);

function layout(version: number, tiles: [string, number, number, number, number][], size = { width: 200, height: 100 }): FrameLayout {
  return {
    version,
    ...size,
    symbols: tiles.map((t) => t[0]),
    names: tiles.map((t) => `${t[0]} Inc`),
    x: Float32Array.from(tiles, (t) => t[1]),
    y: Float32Array.from(tiles, (t) => t[2]),
    w: Float32Array.from(tiles, (t) => t[3]),
    h: Float32Array.from(tiles, (t) => t[4]),
    groups: [{ kind: 'sector', name: 'Energy', sector: 'Energy', x: 0, y: 0, w: 200, h: 100, header: 16 }],
  };
}

const values = (pcts: number[], stale: number[] = pcts.map(() => 0)) => ({
  values: Float32Array.from(pcts),
  prices: Float32Array.from(pcts, () => 100),
  stale: Uint8Array.from(stale),
});

/** The colour a tile is painted with now. */
const painted = (m: ReturnType<typeof applyLayout>, i: number) => (m.stale[i] ? scale.staleLut : scale.lut)[m.colors.index[i]!];

const v1 = layout(1, [['AAA', 0, 16, 100, 84], ['BBB', 100, 16, 100, 84]]);
const v2 = layout(2, [['BBB', 0, 16, 150, 84], ['CCC', 150, 16, 50, 84]]);

describe('applyLayout(prev, layout, now) and advance(model, now, durations)', () => {
  it('moves a surviving tile from where it was drawn to its new place, keyed by symbol', () => {
    const m1 = applyLayout(null, v1, 0);
    advance(m1, 1000, durations);
    const m2 = applyLayout(m1, v2, 1000);
    expect([m2.cur.x[0], m2.cur.w[0]]).toEqual([100, 100]); // BBB starts where it was
    advance(m2, 1250, durations);
    expect(m2.cur.x[0]).toBeGreaterThan(0);
    expect(m2.cur.x[0]).toBeLessThan(100);
    const end = advance(m2, 1500, durations);
    expect([m2.cur.x[0], m2.cur.w[0]]).toEqual([0, 150]);
    expect(end).toMatchObject({ moving: true, busy: false });
    expect(advance(m2, 1600, durations).moving).toBe(false);
  });

  it('shows the first layout at once, with its first colours applied without easing', () => {
    const m = applyLayout(null, v1, 0);
    expect(Array.from(m.cur.w)).toEqual([100, 100]);
    applyValues(m, values([3, -3]), scale, 0);
    expect(advance(m, 0, durations)).toMatchObject({ busy: false });
    expect([painted(m, 0), painted(m, 1)]).toEqual([scale.color(3), scale.color(-3)]);
  });

  it('jumps without animating when nothing moves by 1.5 px or more', () => {
    const m1 = applyLayout(null, v1, 0);
    const nudged = layout(2, [['AAA', 0, 16, 100.6, 84], ['BBB', 100.6, 16, 99.4, 84]]);
    const m2 = applyLayout(m1, nudged, 10);
    expect(m2.geometryDone).toBe(true);
    expect(Array.from(m2.cur.w)).toEqual([Math.fround(100.6), Math.fround(99.4)]);
  });

  it('jumps to a layout made for another map size (the box moved, not the market)', () => {
    const m1 = applyLayout(null, v1, 0);
    const shorter = layout(2, [['AAA', 0, 16, 100, 54], ['BBB', 100, 16, 100, 54]], { width: 200, height: 70 });
    const m2 = applyLayout(m1, shorter, 10);
    expect(m2.geometryDone).toBe(true);
    expect(Array.from(m2.cur.h)).toEqual([54, 54]);
    expect(advance(m2, 10, durations).busy).toBe(false);
  });

  it('grows a new tile from its centre', () => {
    const m2 = applyLayout(applyLayout(null, v1, 0), v2, 0);
    expect([m2.cur.x[1], m2.cur.y[1], m2.cur.w[1], m2.cur.h[1]]).toEqual([175, 58, 0, 0]);
  });

  it('jumps straight to the new layout with zero durations (reduced motion)', () => {
    const m2 = applyLayout(applyLayout(null, v1, 0), v2, 0);
    expect(advance(m2, 0, { geometry: 0, color: 0 }).busy).toBe(false);
    expect(Array.from(m2.cur.x)).toEqual([0, 150]);
  });
});

describe('applyValues(model, data, scale, now)', () => {
  it('eases a changed colour over the colour duration and repaints only changed tiles', () => {
    const m = applyLayout(null, v1, 0);
    applyValues(m, values([0, 0]), scale, 0);
    advance(m, 1000, durations);
    applyValues(m, values([3, 0]), scale, 1000);
    const mid = advance(m, 1200, durations);
    expect(mid.recolored).toEqual([0]);
    expect(mid.busy).toBe(true);
    expect(painted(m, 0)).not.toBe(scale.color(3));
    expect(painted(m, 0)).not.toBe(scale.color(0));
    const end = advance(m, 1400, durations);
    expect(painted(m, 0)).toBe(scale.color(3));
    expect(end).toMatchObject({ moving: false, busy: false, recolored: [0] });
    expect(advance(m, 1500, durations).recolored).toEqual([]);
  });

  it('keeps the colour on screen when a layout changes mid-transition', () => {
    const m1 = applyLayout(null, v1, 0);
    applyValues(m1, values([0, -3]), scale, 0);
    advance(m1, 1000, durations);
    const m2 = applyLayout(m1, v2, 1000);
    expect(painted(m2, 0)).toBe(scale.color(-3));
  });

  it('paints stale tiles faded, and repaints at once when a tile turns stale', () => {
    const m = applyLayout(null, v1, 0);
    applyValues(m, values([3, 3], [0, 1]), scale, 0);
    expect(painted(m, 1)).not.toBe(painted(m, 0));
    advance(m, 100, durations);
    applyValues(m, values([3, 3], [1, 1]), scale, 200);
    expect(advance(m, 200, durations).recolored).toEqual([0]);
    expect(painted(m, 0)).toBe(painted(m, 1));
  });

  it('lists each tile to repaint once, even when its staleness flips as its colour changes', () => {
    const m = applyLayout(null, v1, 0);
    applyValues(m, values([0, 0], [1, 1]), scale, 0);
    advance(m, 100, durations);
    // The cached map's tiles go live with a new colour, over two frames before the next step.
    applyValues(m, values([3, 0], [0, 1]), scale, 100);
    applyValues(m, values([3, 0], [1, 1]), scale, 110);
    applyValues(m, values([3, 0], [0, 0]), scale, 120);
    const { recolored } = advance(m, 600, durations);
    expect([...recolored].sort()).toEqual([0, 1]);
  });

  it('repaints only when a transition lands on a new colour step', () => {
    const m = applyLayout(null, v1, 0);
    applyValues(m, values([0, 0]), scale, 0);
    advance(m, 0, durations);
    applyValues(m, values([0.001, 0]), scale, 10);
    expect(advance(m, 200, durations).recolored).toEqual([]);
  });
});
