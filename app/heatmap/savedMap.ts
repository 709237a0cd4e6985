/**
 * The map saved at the last visit (savedScene.ts), painted by the page itself as soon as
 * boot.ts runs: before the app's code, the engine or the paint worker have loaded, in the place
 * the map had then (mapPlace.ts), every tile stale. Both are read from localStorage in one
 * synchronous call each (savedScene.ts). When the app mounts the live map, this canvas moves into
 * it, on top of the live canvas, and goes once the live canvas has painted tiles.
 *
 * Started only when a place is remembered for this window (a first visit loads nothing for it),
 * and painted only if the saved map is for the view the URL names and the live map has not
 * painted first.
 */
import type { ViewState } from '../state/viewState.ts';
import { recallMapPlace } from './mapPlace.ts';
import { localStore } from '../state/browserStorage.ts';
import { SAVED_SCENE_KEY } from './savedScene.ts';
import type { SavedMapCanvas } from './savedMapPaint.ts';

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'shown'; map: SavedMapCanvas }
  /** The live map painted first, or there was nothing to show: nothing more happens here. */
  | { kind: 'over' };

let phase: Phase = { kind: 'idle' };
/** The live map's canvas, once the app has mounted it, and who to tell when this map lies on it. */
let host: { canvas: HTMLCanvasElement; onShown: () => void } | null = null;

/** Reads and paints the saved map, if there is one for this view and window; settles when done. */
export function showSavedMap(state: ViewState): Promise<void> {
  const place = recallMapPlace();
  const stored = place && phase.kind === 'idle' ? localStore()?.getItem(SAVED_SCENE_KEY) : null;
  if (!place || !stored) return Promise.resolve();
  phase = { kind: 'reading' };
  return import('./savedMapPaint.ts')
    .then(({ paintSavedMap }) => {
      if (phase.kind !== 'reading') return;
      const map = paintSavedMap(stored, state, place);
      if (!map) return void (phase = { kind: 'over' });
      phase = { kind: 'shown', map };
      if (host) moveOnto(host);
      else document.body.append(map.canvas);
    })
    .catch((error: unknown) => {
      console.warn('could not paint the saved map', error);
      if (phase.kind === 'reading') phase = { kind: 'over' };
    });
}

function moveOnto(target: { canvas: HTMLCanvasElement; onShown: () => void }): void {
  if (phase.kind !== 'shown') return;
  phase.map.fill();
  target.canvas.after(phase.map.canvas);
  target.onShown();
}

/** The live map's canvas is in the page: the saved map (now, or once painted) lies on top of it. */
export function adoptSavedMap(canvas: HTMLCanvasElement, onShown: () => void): void {
  host = { canvas, onShown };
  moveOnto(host);
}

/** The live canvas shows tiles: the saved map goes for good. */
export function endSavedMap(): void {
  if (phase.kind === 'shown') {
    phase.map.canvas.remove();
    phase.map.destroy();
  }
  phase = { kind: 'over' };
  host = null;
}

/** For tests: back to before boot. */
export function resetSavedMap(): void {
  endSavedMap();
  phase = { kind: 'idle' };
}
