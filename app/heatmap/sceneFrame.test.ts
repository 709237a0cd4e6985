import { describe, expect, it } from 'vitest';
import { sceneFrame } from './sceneFrame.ts';
import { savedScene } from '../test/scenes.ts';

describe('sceneFrame(scene, width, height)', () => {
  it('paints the saved map as it was on a canvas of the same size, every tile stale', () => {
    const frame = sceneFrame(savedScene(), 300, 200)!;
    expect([...frame.layout.x]).toEqual([0, 100, 200]);
    expect([...frame.stale]).toEqual([1, 1, 1]);
    expect([...frame.values]).toEqual([1.5, -0.5, 0]);
    // Below any engine version: the engine's first frame always replaces it as a new layout.
    expect(frame.layout.version).toBeLessThan(0);
    expect(frame.layoutChanged).toBe(true);
  });

  it('rescales to a slightly different size (a status strip came or went)', () => {
    const frame = sceneFrame(savedScene(), 300, 220)!;
    expect([...frame.layout.x]).toEqual([0, 100, 200]);
    expect(Array.from(frame.layout.h, (v) => Math.round(v * 10) / 10)).toEqual([204.6, 204.6, 204.6]);
    expect([frame.layout.width, frame.layout.height]).toEqual([300, 220]);
    const energy = frame.layout.groups[1]!;
    expect([energy.x, energy.w, energy.header]).toEqual([200, 100, 14]);
    expect(energy.h).toBeCloseTo(220);
  });

  it('does not stretch it onto a canvas of another shape (a rotated phone)', () => {
    expect(sceneFrame(savedScene(), 200, 300)).toBeNull();
  });

  it('refuses values that do not match the layout', () => {
    expect(sceneFrame({ ...savedScene(), prices: Float32Array.from([1]) }, 300, 200)).toBeNull();
  });
});
