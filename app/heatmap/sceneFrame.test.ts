import { describe, expect, it } from 'vitest';
import { savedMapFrame, sceneFrame } from './sceneFrame.ts';
import { savedScene } from '../test/scenes.ts';
import { encodeSavedScene } from './savedScene.ts';

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

describe('savedMapFrame(request): the paint worker checks the saved entry before painting it', () => {
  const request = (entry = encodeSavedScene(savedScene('view-a')), width = 300, height = 200) => ({ entry, key: 'view-a', width, height, dpr: 2 });

  it('paints a good entry for the view asked for, fitted to the canvas', () => {
    const found = savedMapFrame(request());
    expect('frame' in found && [...found.frame.layout.w]).toEqual([100, 100, 100]);
    expect('frame' in found && [...found.frame.stale]).toEqual([1, 1, 1]);
  });

  it('says why it paints nothing: a bad entry (bad), another view or another shape (not bad)', () => {
    expect(savedMapFrame(request('{"key":'))).toEqual({ shown: false, reason: 'not JSON', bad: true });
    expect(savedMapFrame(request(encodeSavedScene({ ...savedScene('view-a'), values: Float32Array.from([1]) })))).toEqual({ shown: false, reason: 'values or prices are not 3 numbers', bad: true });
    expect(savedMapFrame({ ...request(), key: 'view-b' })).toEqual({ shown: false, reason: 'saved for another view', bad: false });
    expect(savedMapFrame(request(undefined, 200, 300))).toEqual({ shown: false, reason: 'saved for a map of another shape', bad: false });
  });
});
