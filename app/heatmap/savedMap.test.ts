// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeSavedScene, SAVED_SCENE_KEY, sceneKeyOf } from './savedScene.ts';
import { savedScene } from '../test/scenes.ts';
import { DEFAULT_VIEW_STATE, toEngineView, type ViewState } from '../state/viewState.ts';
import { MAP_PLACE_KEY, rememberMapPlace } from './mapPlace.ts';
import { adoptSavedMap, endSavedMap, resetSavedMap, showSavedMap } from './savedMap.ts';

const keyOf = (state: ViewState) => sceneKeyOf(toEngineView(state, { width: 0, height: 0 }));
const here = () => ({ viewportWidth: window.innerWidth, viewportHeight: window.innerHeight, wallboard: false });
/** The saved map's canvas (the test scene is a 300 × 200 map). */
const savedCanvas = () => document.querySelector<HTMLCanvasElement>('[data-testid="saved-map"]');

const save = (text: string) => localStorage.setItem(SAVED_SCENE_KEY, text);

beforeEach(() => {
  // jsdom has no canvas 2D: the renderer paints nothing, which these tests do not look at (the
  // browser tests read the pixels). Stubbed so jsdom does not report it on every canvas.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  rememberMapPlace({ left: 10, top: 94, width: 300, height: 200 }, here());
  save(encodeSavedScene(savedScene(keyOf(DEFAULT_VIEW_STATE))));
});

afterEach(() => {
  resetSavedMap();
  localStorage.clear();
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('showSavedMap(state)', () => {
  it('puts the saved map where the map was, before the app has mounted anything', async () => {
    await showSavedMap(DEFAULT_VIEW_STATE);
    const canvas = savedCanvas()!;
    expect(canvas.parentElement).toBe(document.body);
    expect([canvas.style.position, canvas.style.left, canvas.style.top, canvas.style.width, canvas.style.height]).toEqual(['fixed', '10px', '94px', '300px', '200px']);
    expect(canvas.getAttribute('aria-hidden')).toBe('true');
  });

  it('moves onto the live canvas when the map mounts, and goes once the live map has painted', async () => {
    await showSavedMap(DEFAULT_VIEW_STATE);
    const map = document.createElement('div');
    const live = document.createElement('canvas');
    map.append(live, document.createElement('p'));
    document.body.append(map);
    const onShown = vi.fn();
    adoptSavedMap(live, onShown);
    expect(live.nextElementSibling).toBe(savedCanvas());
    expect([savedCanvas()!.style.position, savedCanvas()!.style.width, savedCanvas()!.style.height]).toEqual(['absolute', '100%', '100%']);
    expect(onShown).toHaveBeenCalledTimes(1);
    endSavedMap();
    expect(savedCanvas()).toBeNull();
    expect(map.children).toHaveLength(2);
  });

  it('joins a live canvas mounted while the painting code was still loading', async () => {
    const live = document.createElement('canvas');
    document.body.append(live);
    const onShown = vi.fn();
    const showing = showSavedMap(DEFAULT_VIEW_STATE);
    adoptSavedMap(live, onShown);
    expect(onShown).not.toHaveBeenCalled();
    await showing;
    expect(live.nextElementSibling).toBe(savedCanvas());
    expect(onShown).toHaveBeenCalledTimes(1);
  });

  it('shows nothing once the live map has painted first', async () => {
    const showing = showSavedMap(DEFAULT_VIEW_STATE);
    endSavedMap();
    await showing;
    expect(savedCanvas()).toBeNull();
  });

  it('shows nothing for another view than the one saved', async () => {
    await showSavedMap({ ...DEFAULT_VIEW_STATE, search: 'AAPL' });
    expect(savedCanvas()).toBeNull();
  });

  it('shows nothing when no place is remembered for this window', async () => {
    localStorage.removeItem(MAP_PLACE_KEY);
    const load = vi.spyOn(Storage.prototype, 'getItem');
    await showSavedMap(DEFAULT_VIEW_STATE);
    expect(load.mock.calls.map(([key]) => key)).not.toContain(SAVED_SCENE_KEY);
    expect(savedCanvas()).toBeNull();
  });

  it('shows nothing when the place has another shape than the saved map (a rotated phone)', async () => {
    rememberMapPlace({ left: 0, top: 60, width: 200, height: 300 }, here());
    await showSavedMap(DEFAULT_VIEW_STATE);
    expect(savedCanvas()).toBeNull();
  });

  it('says why a bad entry is not shown, and shows nothing', async () => {
    const scene = savedScene(keyOf(DEFAULT_VIEW_STATE));
    save(encodeSavedScene({ ...scene, values: Float32Array.from([1]) }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await showSavedMap(DEFAULT_VIEW_STATE);
    expect(savedCanvas()).toBeNull();
    expect(warn).toHaveBeenCalledWith('saved map not shown: values or prices are not 3 numbers');
  });

  it('shows nothing when no map was saved', async () => {
    localStorage.removeItem(SAVED_SCENE_KEY);
    await showSavedMap(DEFAULT_VIEW_STATE);
    expect(savedCanvas()).toBeNull();
  });
});
