import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW } from '../../engine/api.ts';
import { decodeSavedScene, encodeSavedScene, sceneKeyOf } from './savedScene.ts';
import { savedScene, sceneLayout } from '../test/scenes.ts';

describe('sceneKeyOf(view)', () => {
  it('names the view without its size', () => {
    const key = sceneKeyOf({ ...DEFAULT_VIEW, width: 800, height: 600 });
    expect(sceneKeyOf({ ...DEFAULT_VIEW, width: 1200, height: 700 })).toBe(key);
    expect(sceneKeyOf({ ...DEFAULT_VIEW, width: 800, height: 600, sectors: ['Energy'] })).not.toBe(key);
    expect(sceneKeyOf({ ...DEFAULT_VIEW, width: 800, height: 600, universe: 'ndx' })).not.toBe(key);
  });
});

describe('encodeSavedScene / decodeSavedScene', () => {
  it('gives back what was saved, numbers to 0.01 and unknown values as NaN', () => {
    const scene = savedScene();
    scene.layout.x[1] = 100.123456;
    scene.values[2] = NaN;
    const back = decodeSavedScene(encodeSavedScene(scene));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.value.key).toBe(scene.key);
    expect(back.value.layout.x).toEqual(Float32Array.from([0, 100.12, 200]));
    expect(back.value.values).toEqual(Float32Array.from([1.5, -0.5, NaN]));
    expect(back.value.prices).toEqual(scene.prices);
    expect({ ...back.value.layout, x: null }).toEqual({ ...scene.layout, x: null });
  });

  const entry = (patch: Record<string, unknown> = {}, layout: Record<string, unknown> = {}) => {
    const plain = JSON.parse(encodeSavedScene(savedScene())) as Record<string, unknown>;
    return JSON.stringify({ ...plain, ...patch, layout: { ...(plain.layout as object), ...layout } });
  };
  it.each([
    ['not JSON', '{"key":', 'not JSON'],
    ['not an object', '"oops"', 'not a saved map'],
    ['no key', JSON.stringify({ layout: sceneLayout() }), 'not a saved map'],
    ['a zero width', entry({}, { width: 0 }), 'layout without a valid version and size'],
    ['no tiles', entry({}, { symbols: [], names: [] }), 'layout with 0 tiles'],
    ['a number for a symbol', entry({}, { symbols: ['AAPL', 7, 'XOM'] }), 'layout symbols or names are not short strings'],
    ['a name of 10,000 characters', entry({}, { names: ['Apple', 'x'.repeat(10_000), 'Exxon'] }), 'layout symbols or names are not short strings'],
    ['a short rectangle array', entry({}, { w: [1, 2] }), 'layout rectangles are not 3 finite, non-negative numbers'],
    ['a null in the rectangles', entry({}, { h: [1, null, 1] }), 'layout rectangles are not 3 finite, non-negative numbers'],
    ['a negative x', entry({}, { x: [0, -5, 200] }), 'layout rectangles are not 3 finite, non-negative numbers'],
    ['a group without a header', entry({}, { groups: [{ kind: 'sector', name: 'Energy', sector: 'Energy', x: 0, y: 0, w: 1, h: 1 }] }), 'layout has a malformed group'],
    ['prices of the wrong length', entry({ prices: [1] }), 'values or prices are not 3 numbers'],
    ['a string among the values', entry({ values: [1, '2', 3] }), 'values or prices are not 3 numbers'],
    ['no values', entry({ values: undefined }), 'values or prices are not 3 numbers'],
  ])('rejects %s with a reason', (_what, text, reason) => {
    expect(decodeSavedScene(text)).toEqual({ ok: false, reason });
  });
});
