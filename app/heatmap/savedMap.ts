/**
 * The map saved at the last visit (savedScene.ts), shown as soon as boot.ts runs: before the app's
 * code or the engine have loaded, in the place the map had then (mapPlace.ts), every tile stale.
 * It is painted by the paint worker on the map's own canvas, the one boot.ts hands it
 * (`prepareMapCanvas`): this thread only reads two localStorage entries and places the canvas, and
 * the live frames that follow replace the saved map on the same canvas. (Painted on this thread,
 * it was one task of ≈ 300 ms on a throttled phone in the middle of the app's start.)
 *
 * Asked for only when a place is remembered for this window (a first visit reads nothing more),
 * and painted only if the saved map is for the view the URL names and no frame came first. Where
 * the map cannot be painted off the page's thread, the map waits for the engine's copy instead.
 */
import type { ViewState } from '../state/viewState.ts';
import { toEngineView } from '../state/viewState.ts';
import { recallMapPlace, type MapPlace } from './mapPlace.ts';
import { localStore } from '../state/browserStorage.ts';
import { SAVED_SCENE_KEY, sceneKeyOf } from './savedScene.ts';
import type { SavedMapRequest } from './paintProtocol.ts';
import { paintCallFailed, type PaintThread } from './paintThread.ts';
import { markStartup } from '../perfMarks.ts';

export interface SavedMapToShow {
  place: MapPlace;
  request: SavedMapRequest;
}

/** The saved map to show for the view `state` in this window, or null (none, or no place for it). */
export function savedMapToShow(state: ViewState): SavedMapToShow | null {
  const place = recallMapPlace();
  const entry = place ? localStore()?.getItem(SAVED_SCENE_KEY) : null;
  if (!place || !entry) return null;
  const key = sceneKeyOf(toEngineView(state, { width: 0, height: 0 }));
  return { place, request: { entry, key, width: place.width, height: place.height, dpr: window.devicePixelRatio || 1 } };
}

/**
 * Has the paint worker paint `saved` on the map's canvas and, once it has, puts the canvas in the
 * map's old place, unless the app has mounted the map (and taken the canvas) by then.
 */
export function showSavedMap(map: { canvas: HTMLCanvasElement; thread: PaintThread }, saved: SavedMapToShow): Promise<void> {
  const { canvas, thread } = map;
  // Until the map mounts and listens itself. Read by the PWA bench and the browser tests.
  thread.onPainted((tiles, paintedAt) => {
    canvas.dataset.paintedTiles = String(tiles);
    canvas.dataset.paintedAt = (paintedAt - performance.timeOrigin).toFixed(1);
    if (tiles > 0) markStartup('saved-map-painted', paintedAt);
  });
  return thread.api.showSavedMap(saved.request).then((outcome) => {
    if (!outcome.shown) {
      // The next save replaces a bad entry; nothing is painted from it meanwhile.
      if (outcome.bad) console.warn(`saved map not shown: ${outcome.reason}`);
      return;
    }
    if (canvas.isConnected) return;
    const { left, top, width, height } = saved.place;
    canvas.dataset.testid = 'saved-map';
    Object.assign(canvas.style, { position: 'fixed', left: `${left}px`, top: `${top}px`, width: `${width}px`, height: `${height}px`, pointerEvents: 'none' });
    document.body.append(canvas);
  }, paintCallFailed('showSavedMap'));
}

/** The map has mounted `canvas`: if it shows the saved map, it leaves its old place for the map's box. */
export function adoptSavedMap(canvas: HTMLCanvasElement): void {
  if (canvas.dataset.testid !== 'saved-map') return;
  canvas.removeAttribute('style');
  for (const key of ['testid', 'paintedTiles', 'paintedAt'] as const) delete canvas.dataset[key];
}
