import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW } from '../../engine/api.ts';
import { decodeSavedScene, encodeSavedScene, fitsPlace, sceneKeyOf } from './savedScene.ts';
import { savedScene } from '../test/scenes.ts';

describe('sceneKeyOf(view)', () => {
  it('names the view without its size', () => {
    const key = sceneKeyOf({ ...DEFAULT_VIEW, width: 800, height: 600 });
    expect(sceneKeyOf({ ...DEFAULT_VIEW, width: 1200, height: 700 })).toBe(key);
    expect(sceneKeyOf({ ...DEFAULT_VIEW, width: 800, height: 600, sectors: ['Energy'] })).not.toBe(key);
    expect(sceneKeyOf({ ...DEFAULT_VIEW, width: 800, height: 600, universe: 'ndx' })).not.toBe(key);
  });
});

describe('encodeSavedScene / decodeSavedScene', () => {
  it('gives back what was saved', () => {
    const scene = savedScene();
    expect(decodeSavedScene(encodeSavedScene(scene))).toEqual({ ok: true, value: scene });
  });

  const entry = (patch: Record<string, unknown>) => JSON.stringify({ ...savedScene(), ...patch });

  it.each([
    ['{"key":', 'not JSON'],
    ['[1,2]', 'not a saved map'],
    ['null', 'not a saved map'],
    [entry({ key: 7 }), 'not a saved map'],
    [entry({ width: 0 }), 'no valid size'],
    [entry({ height: 'tall' }), 'no valid size'],
    [entry({ width: null }), 'no valid size'],
    [entry({ tiles: 0 }), 'no tiles'],
    [entry({ tiles: 2.5 }), 'no tiles'],
    [entry({ image: undefined }), 'no picture'],
    [entry({ image: 'https://example.com/map.png' }), 'no picture'],
    [entry({ image: 'data:text/html;base64,PHNjcmlwdD4=' }), 'no picture'],
    [entry({ image: 'data:image/svg+xml;base64,PHN2Zz4=' }), 'no picture'],
    [entry({ image: 'data:image/png;base64,abc"><script>' }), 'no picture'],
    [entry({ image: `data:image/png;base64,${'A'.repeat(4_000_000)}` }), 'no picture'],
  ])('refuses a bad entry, saying why (%#)', (text, reason) => {
    expect(decodeSavedScene(text)).toEqual({ ok: false, reason });
  });
});

describe('fitsPlace(scene, width, height)', () => {
  it('fits the same size, and a size a little off (a status strip came or went)', () => {
    expect(fitsPlace(savedScene(), 300, 200)).toBe(true);
    expect(fitsPlace(savedScene(), 300, 220)).toBe(true);
  });

  it('does not fit another shape (a rotated phone)', () => {
    expect(fitsPlace(savedScene(), 200, 300)).toBe(false);
    expect(fitsPlace(savedScene(), 0, 200)).toBe(false);
  });
});
