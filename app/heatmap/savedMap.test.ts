// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeSavedScene, SAVED_SCENE_KEY, sceneKeyOf } from './savedScene.ts';
import { savedScene, TINY_PNG } from '../test/scenes.ts';
import { DEFAULT_VIEW_STATE, toEngineView, type ViewState } from '../state/viewState.ts';
import { MAP_PLACE_KEY, rememberMapPlace } from './mapPlace.ts';
import { adoptSavedMap, endSavedMap, resetSavedMap, showSavedMap } from './savedMap.ts';

const keyOf = (state: ViewState) => sceneKeyOf(toEngineView(state, { width: 0, height: 0 }));
const here = () => ({ viewportWidth: window.innerWidth, viewportHeight: window.innerHeight, wallboard: false });
/** The saved map's element (the test scene is a 300 × 200 map). */
const savedMap = () => document.querySelector<HTMLElement>('[data-testid="saved-map"]');

const save = (text: string) => localStorage.setItem(SAVED_SCENE_KEY, text);
/** jsdom decodes no images: each decode settles when the test says, with a 2 × 1 "bitmap". */
let decoded: (() => void)[] = [];
let decodedBlobs: Blob[] = [];
let shownBitmaps: unknown[] = [];

beforeEach(() => {
  decoded = [];
  decodedBlobs = [];
  shownBitmaps = [];
  vi.stubGlobal('createImageBitmap', (blob: Blob) => {
    decodedBlobs.push(blob);
    return new Promise((resolve) => decoded.push(() => resolve({ width: 2, height: 1 })));
  });
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(((kind: string) =>
    kind === 'bitmaprenderer' ? { transferFromImageBitmap: (b: unknown) => void shownBitmaps.push(b) } : null) as never);
  rememberMapPlace({ left: 10, top: 94, width: 300, height: 200 }, here());
  save(encodeSavedScene(savedScene(keyOf(DEFAULT_VIEW_STATE))));
});

afterEach(() => {
  resetSavedMap();
  localStorage.clear();
  document.body.replaceChildren();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** Settles the decodes asked for so far, once they have been asked for. */
async function decodeAll(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  decoded.forEach((done) => done());
}

/** Shows the saved map, its picture decoded at once. */
async function shown(state = DEFAULT_VIEW_STATE): Promise<void> {
  const showing = showSavedMap(state);
  await decodeAll();
  await showing;
}

describe('showSavedMap(state)', () => {
  it('puts the saved picture, striped as stale, where the map was, before the app has mounted anything', async () => {
    const showing = showSavedMap(DEFAULT_VIEW_STATE);
    // Not in the page until decoded: it appears whole.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(savedMap()).toBeNull();
    await decodeAll();
    await showing;
    const map = savedMap()!;
    expect(map.parentElement).toBe(document.body);
    expect([map.style.position, map.style.left, map.style.top, map.style.width, map.style.height]).toEqual(['fixed', '10px', '94px', '300px', '200px']);
    expect(map.getAttribute('aria-hidden')).toBe('true');
    // The stored PNG's bytes, decoded, on a canvas of the bitmap's size.
    expect(decodedBlobs.map((b) => b.type)).toEqual(['image/png']);
    const bytes = await new Promise<ArrayBuffer>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.readAsArrayBuffer(decodedBlobs[0]!);
    });
    expect(new Uint8Array(bytes)).toEqual(Uint8Array.from(atob(TINY_PNG.split(',')[1]!), (c) => c.charCodeAt(0)));
    const canvas = map.querySelector('canvas')!;
    expect([canvas.width, canvas.height, shownBitmaps]).toEqual([2, 1, [{ width: 2, height: 1 }]]);
    expect(map.querySelector<HTMLElement>('canvas + div')!.style.backgroundImage).toContain('repeating-linear-gradient');
    expect(map.dataset.paintedTiles).toBe('3');
  });

  it('moves onto the live canvas when the map mounts, and goes once the live map has painted', async () => {
    await shown();
    const map = document.createElement('div');
    const live = document.createElement('canvas');
    map.append(live, document.createElement('p'));
    document.body.append(map);
    const onShown = vi.fn();
    adoptSavedMap(live, onShown);
    expect(live.nextElementSibling).toBe(savedMap());
    expect([savedMap()!.style.position, savedMap()!.style.width, savedMap()!.style.height]).toEqual(['absolute', '100%', '100%']);
    expect(onShown).toHaveBeenCalledTimes(1);
    endSavedMap();
    expect(savedMap()).toBeNull();
    expect(map.children).toHaveLength(2);
  });

  it('joins a live canvas mounted while the picture was still decoding', async () => {
    const live = document.createElement('canvas');
    document.body.append(live);
    const onShown = vi.fn();
    const showing = showSavedMap(DEFAULT_VIEW_STATE);
    adoptSavedMap(live, onShown);
    expect(onShown).not.toHaveBeenCalled();
    await decodeAll();
    await showing;
    expect(live.nextElementSibling).toBe(savedMap());
    expect(onShown).toHaveBeenCalledTimes(1);
  });

  it('shows nothing once the live map has painted first', async () => {
    const showing = showSavedMap(DEFAULT_VIEW_STATE);
    endSavedMap();
    await decodeAll();
    await showing;
    expect(savedMap()).toBeNull();
  });

  it('shows nothing for another view than the one saved', async () => {
    await shown({ ...DEFAULT_VIEW_STATE, search: 'AAPL' });
    expect(savedMap()).toBeNull();
  });

  it('reads no saved map when no place is remembered for this window', async () => {
    localStorage.removeItem(MAP_PLACE_KEY);
    const load = vi.spyOn(Storage.prototype, 'getItem');
    await shown();
    expect(load.mock.calls.map(([key]) => key)).not.toContain(SAVED_SCENE_KEY);
    expect(savedMap()).toBeNull();
  });

  it('shows nothing when the place has another shape than the saved map (a rotated phone)', async () => {
    rememberMapPlace({ left: 0, top: 60, width: 200, height: 300 }, here());
    await shown();
    expect(savedMap()).toBeNull();
  });

  it('says why a bad entry is not shown, and shows nothing', async () => {
    save(encodeSavedScene({ ...savedScene(keyOf(DEFAULT_VIEW_STATE)), image: 'data:text/html;base64,PHA+' }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await shown();
    expect(savedMap()).toBeNull();
    expect(warn).toHaveBeenCalledWith('saved map not shown: no picture');
  });

  it('shows nothing, and says so, when the picture cannot be decoded', async () => {
    vi.stubGlobal('createImageBitmap', () => Promise.reject(new DOMException('broken', 'InvalidStateError')));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await showSavedMap(DEFAULT_VIEW_STATE);
    expect(savedMap()).toBeNull();
    expect(warn.mock.calls[0]?.[0]).toBe('could not show the saved map');
  });

  it('shows nothing when no map was saved', async () => {
    localStorage.removeItem(SAVED_SCENE_KEY);
    await shown();
    expect(savedMap()).toBeNull();
  });
});
