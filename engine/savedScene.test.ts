import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW } from './api.ts';
import { checkSavedLayout, checkSavedValues, readSavedScene, sceneKeyOf, SCENE_KEYS, SCENE_STORE, type SceneDb } from './savedScene.ts';
import { savedScene, sceneLayout } from './test/scenes.ts';

/** An in-memory stand-in for the database's scene store. */
function memoryDb(records: Record<string, unknown>): SceneDb & { records: Record<string, unknown> } {
  return {
    records,
    get: async (store, key) => (store === SCENE_STORE ? records[key] : undefined),
    delete: async (store, key) => void (store === SCENE_STORE && delete records[key]),
  };
}

const stored = () => {
  const s = savedScene();
  return { [SCENE_KEYS.layout]: { key: s.key, layout: s.layout }, [SCENE_KEYS.values]: { version: s.version, savedAt: s.savedAt, values: s.values, prices: s.prices } };
};

describe('sceneKeyOf(view)', () => {
  it('names the view without its size', () => {
    const key = sceneKeyOf({ ...DEFAULT_VIEW, width: 800, height: 600 });
    expect(sceneKeyOf({ ...DEFAULT_VIEW, width: 1200, height: 700 })).toBe(key);
    expect(sceneKeyOf({ ...DEFAULT_VIEW, width: 800, height: 600, sectors: ['Energy'] })).not.toBe(key);
    expect(sceneKeyOf({ ...DEFAULT_VIEW, width: 800, height: 600, universe: 'ndx' })).not.toBe(key);
  });
});

describe('checkSavedLayout(value)', () => {
  it('accepts what the engine saves', () => {
    const layout = sceneLayout();
    expect(checkSavedLayout({ key: 'k', layout })).toEqual({ ok: true, value: { key: 'k', layout } });
  });

  it.each([
    ['not an object', 'oops', 'not a saved layout'],
    ['no key', { layout: sceneLayout() }, 'not a saved layout'],
    ['a zero width', { key: 'k', layout: { ...sceneLayout(), width: 0 } }, 'layout without a valid version and size'],
    ['no tiles', { key: 'k', layout: { ...sceneLayout(), symbols: [], names: [] } }, 'layout with 0 tiles'],
    ['a number for a symbol', { key: 'k', layout: { ...sceneLayout(), symbols: ['AAPL', 7, 'XOM'] } }, 'layout symbols or names are not strings'],
    ['a short rectangle array', { key: 'k', layout: { ...sceneLayout(), w: Float32Array.from([1, 2]) } }, 'layout rectangles are not 3 floats'],
    ['plain arrays for rectangles', { key: 'k', layout: { ...sceneLayout(), x: [0, 100, 200] } }, 'layout rectangles are not 3 floats'],
    ['a group without a header', { key: 'k', layout: { ...sceneLayout(), groups: [{ kind: 'sector', name: 'Energy', sector: 'Energy', x: 0, y: 0, w: 1, h: 1 }] } }, 'layout has a malformed group'],
  ])('rejects %s with a reason', (_what, value, reason) => {
    expect(checkSavedLayout(value)).toEqual({ ok: false, reason });
  });
});

describe('checkSavedValues(value, layout)', () => {
  const layout = sceneLayout(4);
  const values = { version: 4, savedAt: 1, values: Float32Array.from([1, 2, 3]), prices: Float32Array.from([1, 2, 3]) };
  it('accepts values that follow the layout', () => {
    expect(checkSavedValues(values, layout).ok).toBe(true);
  });
  it('rejects values saved for another layout version, or of the wrong length', () => {
    expect(checkSavedValues({ ...values, version: 3 }, layout)).toEqual({ ok: false, reason: 'values for layout 3, saved layout is 4' });
    expect(checkSavedValues({ ...values, prices: Float32Array.from([1]) }, layout)).toEqual({ ok: false, reason: 'values or prices are not 3 floats' });
    expect(checkSavedValues(undefined, layout)).toEqual({ ok: false, reason: 'not saved values' });
  });
});

describe('readSavedScene(db, log)', () => {
  it('reads back a saved scene', async () => {
    const logs: string[] = [];
    expect(await readSavedScene(memoryDb(stored()), (m) => logs.push(m))).toEqual(savedScene());
    expect(logs).toEqual([]);
  });

  it('reads nothing from an empty store', async () => {
    expect(await readSavedScene(memoryDb({}), () => undefined)).toBeNull();
  });

  it('discards an unusable scene, deleting both records and logging why', async () => {
    const records = stored();
    (records[SCENE_KEYS.values] as { version: number }).version = 9;
    const db = memoryDb(records);
    const logs: string[] = [];
    expect(await readSavedScene(db, (m, f) => logs.push(`${m} ${JSON.stringify(f)}`))).toBeNull();
    expect(logs).toEqual(['discarding the saved map {"reason":"values for layout 9, saved layout is 4"}']);
    expect(db.records).toEqual({});
  });
});
