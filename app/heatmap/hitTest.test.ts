// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { FrameLayout } from '../../engine/api.ts';
import { applyLayout } from './tileModel.ts';
import { sectorHeaderAt, tileAt } from './hitTest.ts';

const v1: FrameLayout = {
  version: 1,
  width: 200,
  height: 100,
  symbols: ['AAA', 'BBB'],
  names: ['AAA Inc', 'BBB Inc'],
  x: Float32Array.from([0, 100]),
  y: Float32Array.from([16, 16]),
  w: Float32Array.from([100, 100]),
  h: Float32Array.from([84, 84]),
  groups: [{ kind: 'sector', name: 'Energy', sector: 'Energy', x: 0, y: 0, w: 200, h: 100, header: 16 }],
};

describe('tileAt(model, x, y) and sectorHeaderAt(model, x, y)', () => {
  const m = applyLayout(null, v1, 0);
  it('hits exactly, with half-open edges', () => {
    expect(tileAt(m, 0, 16)).toBe(0);
    expect(tileAt(m, 99.9, 50)).toBe(0);
    expect(tileAt(m, 100, 50)).toBe(1);
    expect(tileAt(m, 199.99, 99.99)).toBe(1);
    expect(tileAt(m, 200, 50)).toBe(-1);
    expect(tileAt(m, 50, 15.9)).toBe(-1);
  });

  it('finds the sector header strip', () => {
    expect(sectorHeaderAt(m, 10, 8)?.sector).toBe('Energy');
    expect(sectorHeaderAt(m, 10, 20)).toBeNull();
  });
});
