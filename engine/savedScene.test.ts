import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW } from './api.ts';
import { checkSavedScene, sceneKeyOf } from './savedScene.ts';
import { savedScene, sceneLayout } from './test/scenes.ts';

describe('sceneKeyOf(view)', () => {
  it('names the view without its size', () => {
    const key = sceneKeyOf({ ...DEFAULT_VIEW, width: 800, height: 600 });
    expect(sceneKeyOf({ ...DEFAULT_VIEW, width: 1200, height: 700 })).toBe(key);
    expect(sceneKeyOf({ ...DEFAULT_VIEW, width: 800, height: 600, sectors: ['Energy'] })).not.toBe(key);
    expect(sceneKeyOf({ ...DEFAULT_VIEW, width: 800, height: 600, universe: 'ndx' })).not.toBe(key);
  });
});

describe('checkSavedScene(value)', () => {
  it('accepts what the engine saves', () => {
    expect(checkSavedScene(savedScene())).toEqual({ ok: true, value: savedScene() });
  });

  const withLayout = (patch: Record<string, unknown>) => ({ ...savedScene(), layout: { ...sceneLayout(), ...patch } });
  it.each([
    ['not an object', 'oops', 'not a saved map'],
    ['no key', { layout: sceneLayout() }, 'not a saved map'],
    ['a zero width', withLayout({ width: 0 }), 'layout without a valid version and size'],
    ['no tiles', withLayout({ symbols: [], names: [] }), 'layout with 0 tiles'],
    ['a number for a symbol', withLayout({ symbols: ['AAPL', 7, 'XOM'] }), 'layout symbols or names are not short strings'],
    ['a name of 10,000 characters', withLayout({ names: ['Apple', 'x'.repeat(10_000), 'Exxon'] }), 'layout symbols or names are not short strings'],
    ['a short rectangle array', withLayout({ w: Float32Array.from([1, 2]) }), 'layout rectangles are not 3 finite, non-negative floats'],
    ['plain arrays for rectangles', withLayout({ x: [0, 100, 200] }), 'layout rectangles are not 3 finite, non-negative floats'],
    ['an infinite height', withLayout({ h: Float32Array.from([1, Infinity, 1]) }), 'layout rectangles are not 3 finite, non-negative floats'],
    ['a negative x', withLayout({ x: Float32Array.from([0, -5, 200]) }), 'layout rectangles are not 3 finite, non-negative floats'],
    ['a group without a header', withLayout({ groups: [{ kind: 'sector', name: 'Energy', sector: 'Energy', x: 0, y: 0, w: 1, h: 1 }] }), 'layout has a malformed group'],
    ['prices of the wrong length', { ...savedScene(), prices: Float32Array.from([1]) }, 'values or prices are not 3 floats'],
    ['no values', { ...savedScene(), values: undefined }, 'values or prices are not 3 floats'],
  ])('rejects %s with a reason', (_what, value, reason) => {
    expect(checkSavedScene(value)).toEqual({ ok: false, reason });
  });
});
