/**
 * The map saved at the last visit (savedScene.ts), shown by the page as soon as boot.ts runs:
 * before the app's code, the engine or the paint worker have loaded, in the place the map had then
 * (mapPlace.ts), striped as stale. It is a picture: the browser decodes it off the page's thread,
 * and this thread only reads the entry and adds three elements. When the app mounts the live map,
 * the picture moves into it, on top of the live canvas, and goes once the live canvas has painted
 * tiles.
 *
 * Read only when a place is remembered for this window (a first visit reads nothing more), and
 * shown only if the saved map is for the view the URL names, fits the place's shape, and the live
 * map has not painted first.
 */
import { toEngineView, type ViewState } from '../state/viewState.ts';
import { recallMapPlace, type MapPlace } from './mapPlace.ts';
import { localStore } from '../state/browserStorage.ts';
import { decodeSavedScene, fitsPlace, SAVED_SCENE_KEY, sceneKeyOf, type SavedScene } from './savedScene.ts';
import { markStartup } from '../perfMarks.ts';

type Phase =
  | { kind: 'idle' }
  | { kind: 'decoding' }
  | { kind: 'shown'; element: HTMLElement }
  /** The live map painted first, or there was nothing to show: nothing more happens here. */
  | { kind: 'over' };

let phase: Phase = { kind: 'idle' };
/** The live map's canvas, once the app has mounted it, and who to tell when this map lies on it. */
let host: { canvas: HTMLCanvasElement; onShown: () => void } | null = null;

/** The entry to show for the view `state` in `place`, or null (none, a bad one, another view or shape). */
function sceneFor(state: ViewState, place: MapPlace): SavedScene | null {
  const stored = localStore()?.getItem(SAVED_SCENE_KEY);
  if (!stored) return null;
  const checked = decodeSavedScene(stored);
  if (!checked.ok) {
    // The next save replaces it; nothing is shown from it meanwhile.
    console.warn(`saved map not shown: ${checked.reason}`);
    return null;
  }
  const scene = checked.value;
  const sameView = scene.key === sceneKeyOf(toEngineView(state, { width: 0, height: 0 }));
  return sameView && fitsPlace(scene, place.width, place.height) ? scene : null;
}

/** Decodes base64 natively, where the browser can (Chromium 140+, Firefox 133+, Safari 18.2+). */
const fromBase64 = (Uint8Array as { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> }).fromBase64;

/** The bytes of a `data:…;base64,` URL (checked by decodeSavedScene). */
function bytesOf(dataUrl: string): Uint8Array<ArrayBuffer> {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  if (fromBase64) return fromBase64(base64);
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/**
 * The picture, decoded off this thread, on a canvas with the stale stripes over it (those of the
 * map's stale tiles: 1-px lines 6 px apart, 28 % black), not yet in the page. A canvas, as the live
 * map is, rather than an image element: the decoded bitmap is handed to it without a copy, and no
 * image request (here a 150–250 KB `data:` URL) enters the page's loading. Inline styles: the
 * app's stylesheet has not loaded.
 */
async function pictureOf(scene: SavedScene, place: MapPlace): Promise<HTMLElement> {
  const type = scene.image.slice('data:'.length, scene.image.indexOf(';'));
  const bitmap = await createImageBitmap(new Blob([bytesOf(scene.image)], { type }));
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  Object.assign(canvas.style, { display: 'block', width: '100%', height: '100%' });
  const ctx = canvas.getContext('bitmaprenderer');
  if (!ctx) throw new Error('no bitmap canvas');
  ctx.transferFromImageBitmap(bitmap);
  const element = document.createElement('div');
  element.setAttribute('aria-hidden', 'true');
  element.dataset.testid = 'saved-map';
  Object.assign(element.style, {
    position: 'fixed', left: `${place.left}px`, top: `${place.top}px`, width: `${place.width}px`, height: `${place.height}px`,
    pointerEvents: 'none', overflow: 'hidden',
  });
  const stripes = document.createElement('div');
  Object.assign(stripes.style, {
    position: 'absolute', inset: '0',
    backgroundImage: 'repeating-linear-gradient(135deg, rgba(0, 0, 0, 0.28) 0 1px, transparent 1px 4.243px)',
  });
  element.append(canvas, stripes);
  return element;
}

/** Reads and shows the saved map, if there is one for this view and window; settles when shown or not. */
export function showSavedMap(state: ViewState): Promise<void> {
  const place = phase.kind === 'idle' ? recallMapPlace() : null;
  const scene = place && sceneFor(state, place);
  if (!place || !scene) return Promise.resolve();
  phase = { kind: 'decoding' };
  return pictureOf(scene, place)
    .then((element) => {
      if (phase.kind !== 'decoding') return;
      phase = { kind: 'shown', element };
      // Read by the PWA bench and the browser tests, as on the live map.
      element.dataset.paintedTiles = String(scene.tiles);
      element.dataset.paintedAt = performance.now().toFixed(1);
      markStartup('saved-map-painted');
      if (host) moveOnto(host);
      else document.body.append(element);
    })
    .catch((error: unknown) => {
      console.warn('could not show the saved map', error);
      if (phase.kind === 'decoding') phase = { kind: 'over' };
    });
}

function moveOnto(target: { canvas: HTMLCanvasElement; onShown: () => void }): void {
  if (phase.kind !== 'shown') return;
  // From its remembered place into the live map's box, which it fills.
  Object.assign(phase.element.style, { position: 'absolute', left: '0', top: '0', width: '100%', height: '100%' });
  target.canvas.after(phase.element);
  target.onShown();
}

/** The live map's canvas is in the page: the saved map (now, or once decoded) lies on top of it. */
export function adoptSavedMap(canvas: HTMLCanvasElement, onShown: () => void): void {
  host = { canvas, onShown };
  moveOnto(host);
}

/** The live canvas shows tiles: the saved map goes for good. */
export function endSavedMap(): void {
  if (phase.kind === 'shown') phase.element.remove();
  phase = { kind: 'over' };
  host = null;
}

/** For tests: back to before boot. */
export function resetSavedMap(): void {
  endSavedMap();
  phase = { kind: 'idle' };
}
