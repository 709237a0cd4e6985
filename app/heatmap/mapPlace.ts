/**
 * Where the map sat on the screen at the last visit, so the map saved then can be painted in its
 * place before the app has laid anything out (savedMap.ts). Kept in localStorage (read in one
 * synchronous call at boot) for one window size and mode: in another, the app's layout is not
 * known until it renders, and the map waits for it.
 */
import { localStore } from '../state/browserStorage.ts';

export interface MapPlace {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** What the place depends on: the window's size and whether the app's bars are shown. */
export interface PlaceContext {
  viewportWidth: number;
  viewportHeight: number;
  wallboard: boolean;
}

/** Its localStorage key. */
export const MAP_PLACE_KEY = 'heatmap:map-place';

const isPlace = (v: unknown): v is MapPlace & PlaceContext => {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  const sizes = [r.left, r.top, r.width, r.height, r.viewportWidth, r.viewportHeight];
  return sizes.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0) && typeof r.wallboard === 'boolean';
};

/** This window now, and the mode the document is in (applyDocumentTheme sets it from the URL at boot). */
export function currentPlaceContext(): PlaceContext {
  return { viewportWidth: window.innerWidth, viewportHeight: window.innerHeight, wallboard: document.documentElement.classList.contains('wallboard') };
}

export function rememberMapPlace(place: MapPlace, context: PlaceContext = currentPlaceContext()): void {
  try {
    localStore()?.setItem(MAP_PLACE_KEY, JSON.stringify({ ...place, ...context }));
  } catch {
    // Full or blocked: the next start waits for the app's layout instead.
  }
}

/** The place remembered for this context, or null (none, another window size or mode, or unreadable). */
export function recallMapPlace(context: PlaceContext = currentPlaceContext()): MapPlace | null {
  let stored: unknown;
  try {
    stored = JSON.parse(localStore()?.getItem(MAP_PLACE_KEY) ?? 'null');
  } catch {
    return null;
  }
  if (!isPlace(stored) || stored.width < 1 || stored.height < 1) return null;
  if (stored.viewportWidth !== context.viewportWidth || stored.viewportHeight !== context.viewportHeight || stored.wallboard !== context.wallboard) return null;
  return { left: stored.left, top: stored.top, width: stored.width, height: stored.height };
}
