// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeSavedScene, SAVED_SCENE_KEY, sceneKeyOf } from './savedScene.ts';
import { savedScene } from '../test/scenes.ts';
import { DEFAULT_VIEW_STATE, toEngineView, type ViewState } from '../state/viewState.ts';
import { MAP_PLACE_KEY, rememberMapPlace } from './mapPlace.ts';
import { adoptSavedMap, savedMapToShow, showSavedMap, type SavedMapToShow } from './savedMap.ts';
import type { SavedMapOutcome, SavedMapRequest } from './paintProtocol.ts';
import type { PaintThread } from './paintThread.ts';

const keyOf = (state: ViewState) => sceneKeyOf(toEngineView(state, { width: 0, height: 0 }));
const here = () => ({ viewportWidth: window.innerWidth, viewportHeight: window.innerHeight, wallboard: false });
const entry = encodeSavedScene(savedScene(keyOf(DEFAULT_VIEW_STATE)));

beforeEach(() => {
  rememberMapPlace({ left: 10, top: 94, width: 300, height: 200 }, here());
  localStorage.setItem(SAVED_SCENE_KEY, entry);
});

afterEach(() => {
  localStorage.clear();
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('savedMapToShow(state)', () => {
  it("asks for the saved entry, the URL's view and the remembered place's size", () => {
    const saved = savedMapToShow(DEFAULT_VIEW_STATE)!;
    expect(saved.place).toEqual({ left: 10, top: 94, width: 300, height: 200 });
    expect(saved.request).toEqual({ entry, key: keyOf(DEFAULT_VIEW_STATE), width: 300, height: 200, dpr: 1 });
    // Another view names another key: the painter then paints nothing from this entry.
    expect(savedMapToShow({ ...DEFAULT_VIEW_STATE, search: 'AAPL' })!.request.key).not.toBe(saved.request.key);
  });

  it('reads no saved map when no place is remembered for this window', () => {
    localStorage.removeItem(MAP_PLACE_KEY);
    const load = vi.spyOn(Storage.prototype, 'getItem');
    expect(savedMapToShow(DEFAULT_VIEW_STATE)).toBeNull();
    expect(load.mock.calls.map(([key]) => key)).not.toContain(SAVED_SCENE_KEY);
  });

  it('asks for nothing when no map was saved', () => {
    localStorage.removeItem(SAVED_SCENE_KEY);
    expect(savedMapToShow(DEFAULT_VIEW_STATE)).toBeNull();
  });
});

/** A paint thread that answers `showSavedMap` with `outcome` and reports a paint of 3 tiles if shown. */
function fakeThread(outcome: SavedMapOutcome) {
  let listener: ((tiles: number, paintedAt: number) => void) | null = null;
  const asked: SavedMapRequest[] = [];
  const thread = {
    api: {
      showSavedMap: (request: SavedMapRequest) => {
        asked.push(request);
        if (outcome.shown) listener?.(3, performance.timeOrigin + 120);
        return Promise.resolve(outcome);
      },
    },
    onPainted: (l: typeof listener) => void (listener = l),
  } as unknown as PaintThread;
  return { thread, asked };
}

describe('showSavedMap(map, saved)', () => {
  const saved = (): SavedMapToShow => savedMapToShow(DEFAULT_VIEW_STATE)!;

  it('puts the canvas the painter painted where the map was, and says how many tiles it shows', async () => {
    const canvas = document.createElement('canvas');
    const { thread, asked } = fakeThread({ shown: true });
    await showSavedMap({ canvas, thread }, saved());
    expect(asked).toEqual([saved().request]);
    expect(canvas.parentElement).toBe(document.body);
    expect([canvas.style.position, canvas.style.left, canvas.style.top, canvas.style.width, canvas.style.height]).toEqual(['fixed', '10px', '94px', '300px', '200px']);
    expect(canvas.dataset.testid).toBe('saved-map');
    expect(canvas.dataset.paintedTiles).toBe('3');
    expect(Number(canvas.dataset.paintedAt)).toBeCloseTo(120, 0);
  });

  it('leaves the canvas where it is once the map has taken it', async () => {
    const map = document.createElement('div');
    const canvas = document.createElement('canvas');
    document.body.append(map);
    const { thread } = fakeThread({ shown: true });
    const showing = showSavedMap({ canvas, thread }, saved());
    map.append(canvas);
    await showing;
    expect(canvas.parentElement).toBe(map);
    expect(canvas.getAttribute('style')).toBeNull();
  });

  it('places nothing when the painter did not paint it, and says why only for a bad entry', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const outcome of [
      { shown: false, reason: 'saved for another view', bad: false },
      { shown: false, reason: 'values or prices are not 3 numbers', bad: true },
    ] as const) {
      const canvas = document.createElement('canvas');
      await showSavedMap({ canvas, thread: fakeThread(outcome).thread }, saved());
      expect(canvas.isConnected).toBe(false);
    }
    expect(warn.mock.calls).toEqual([['saved map not shown: values or prices are not 3 numbers']]);
  });
});

describe('adoptSavedMap(canvas)', () => {
  it("takes the saved map's canvas out of its old place, and leaves any other canvas alone", async () => {
    const canvas = document.createElement('canvas');
    await showSavedMap({ canvas, thread: fakeThread({ shown: true }).thread }, savedMapToShow(DEFAULT_VIEW_STATE)!);
    adoptSavedMap(canvas);
    expect(canvas.getAttribute('style')).toBeNull();
    expect({ ...canvas.dataset }).toEqual({});

    const other = document.createElement('canvas');
    other.style.opacity = '0.5';
    adoptSavedMap(other);
    expect(other.style.opacity).toBe('0.5');
  });
});
