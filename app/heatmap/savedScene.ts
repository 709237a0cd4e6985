/**
 * The map last shown, kept for the next start as a picture: the map's canvas encoded as a JPEG
 * (mapImage.ts), with the view it shows, its size and its tile count, as one
 * localStorage entry (so two tabs saving in turn never leave one's picture under the other's
 * view). The page saves it (sceneKeeper.ts) and, at its next start, reads it back in one
 * synchronous call and shows it, marked stale, before the app, the engine or the paint worker
 * have loaded (savedMap.ts), until the live map replaces it. The engine's IndexedDB snapshot stays
 * the source of truth; this is only what was last on the screen, so a start shows the map in the
 * time the rest of the app needs to load.
 *
 * A picture, not the tiles to paint again: the browser decodes an image off the page's thread,
 * where painting 500 tiles with their labels took ≈ 40–50 ms of the page's thread here and
 * ≈ 300 ms on Lighthouse's throttled phone, in the middle of the start. localStorage, not
 * IndexedDB or the Cache API: the entry is in hand the moment the page's first script runs
 * (a database read took ~50–150 ms of the start here), and it works where the page is not a
 * secure context (a wallboard served over plain HTTP on a home network).
 *
 * The entry is checked field by field when read (no zod: this runs before the app's chunks,
 * where zod's start-up cost would be on the way). A bad entry is not shown; the next save
 * replaces it.
 */
import type { View } from '../../engine/api.ts';

export interface SavedScene {
  /** The view the map shows (sceneKeyOf). */
  key: string;
  /** The map's size when saved, in CSS px. */
  width: number;
  height: number;
  /** How many tiles the picture shows. */
  tiles: number;
  /** The picture, as a `data:image/…;base64,` URL. */
  image: string;
}

/** Its localStorage key. */
export const SAVED_SCENE_KEY = 'heatmap:saved-map';

/** Longer than any picture of a map: an entry claiming more is not ours (localStorage holds ≈ 5 M characters). */
const MAX_IMAGE = 4_000_000;
const IMAGE_URL = /^data:image\/(jpeg|webp|png);base64,[A-Za-z0-9+/]+=*$/;

/** The view a map shows, without its size: a saved map is shown only for the same view. */
export function sceneKeyOf(view: View): string {
  const { universe, sectors, capMin, capMax, search, criteria, sizeBy, colorBy, zoomSector } = view;
  return JSON.stringify({ universe, sectors, capMin, capMax, search, criteria, sizeBy, colorBy, zoomSector });
}

/** The entry's text for `scene`. */
export function encodeSavedScene(scene: SavedScene): string {
  return JSON.stringify(scene);
}

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

const isSize = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 1;

/** The scene in an entry's text, checked before anything shows it. */
export function decodeSavedScene(text: string): Checked<SavedScene> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  if (typeof value !== 'object' || value === null) return { ok: false, reason: 'not a saved map' };
  const { key, width, height, tiles, image } = value as Record<string, unknown>;
  if (typeof key !== 'string') return { ok: false, reason: 'not a saved map' };
  if (!isSize(width) || !isSize(height)) return { ok: false, reason: 'no valid size' };
  if (!Number.isInteger(tiles) || (tiles as number) < 1) return { ok: false, reason: 'no tiles' };
  if (typeof image !== 'string' || image.length > MAX_IMAGE || !IMAGE_URL.test(image)) return { ok: false, reason: 'no picture' };
  return { ok: true, value: { key, width, height, tiles: tiles as number, image } };
}

/** A saved map whose shape differs from its place by more than this is not shown, not stretched. */
const MAX_ASPECT_CHANGE = 1.25;

/**
 * Whether the saved picture can be shown in a place of `width` × `height` CSS px: stretched a
 * little where the size changed a little (a status strip shown or gone), not where the shape
 * changed a lot (a rotated phone), which would only be a distorted map.
 */
export function fitsPlace(scene: Pick<SavedScene, 'width' | 'height'>, width: number, height: number): boolean {
  const sx = width / scene.width, sy = height / scene.height;
  return sx > 0 && sy > 0 && Math.max(sx / sy, sy / sx) <= MAX_ASPECT_CHANGE;
}
