/**
 * The last map the engine sent, kept for the next start: its layout, the view it shows and the
 * tile values, as one record (so two tabs saving in turn never leave one's layout with the
 * other's values). The page reads it at its next start (sceneRead.ts) and paints it, every tile
 * stale, before the engine or the paint worker have loaded (app/heatmap/savedMap.ts), until the
 * live map replaces it. The snapshot stays the source of truth; this is only what was last on the
 * screen, so a start shows the map in the time the rest of the app needs to load.
 *
 * It sits beside the snapshot in the `snapshot` store under its own key: a new store would need a
 * database version, and an older build (a rollback, a tab still on the previous service worker)
 * that meets a newer version deletes the whole database.
 *
 * What comes back from IndexedDB is checked field by field (no zod: this runs on the page at
 * boot, before the app's chunks, where zod's start-up cost would be on the way). A bad record is
 * not painted, and the engine overwrites it at its next save.
 */
import type { FrameLayout, GroupBox, View } from './api.ts';

export interface SavedScene {
  /** The view the map shows (sceneKeyOf). */
  key: string;
  layout: FrameLayout;
  /** Colour metric and price per tile, in `layout.symbols` order. */
  values: Float32Array;
  prices: Float32Array;
}

/** More tiles than any universe has: a record claiming more is not ours. */
const MAX_TILES = 50_000;
/** Longer than any symbol, company, sector or industry name. */
const MAX_NAME = 200;

/** The view a map shows, without its size: a saved map is painted only for the same view. */
export function sceneKeyOf(view: View): string {
  const { universe, sectors, capMin, capMax, search, criteria, sizeBy, colorBy, zoomSector } = view;
  return JSON.stringify({ universe, sectors, capMin, capMax, search, criteria, sizeBy, colorBy, zoomSector });
}

type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isName = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_NAME;
const isNames = (v: unknown, n: number): v is string[] => Array.isArray(v) && v.length === n && v.every(isName);
/** By its tag, not instanceof: a record cloned in another realm (a test's fake database) holds another realm's arrays. */
const isFloats = (v: unknown, n: number): v is Float32Array => Object.prototype.toString.call(v) === '[object Float32Array]' && (v as Float32Array).length === n;
/** Rectangles are on the map: finite and not negative. */
const isExtents = (v: unknown, n: number): v is Float32Array => isFloats(v, n) && v.every((x) => Number.isFinite(x) && x >= 0);

function isGroup(g: unknown): g is GroupBox {
  return (
    isRecord(g) &&
    (g.kind === 'sector' || g.kind === 'industry') &&
    isName(g.name) &&
    isName(g.sector) &&
    [g.x, g.y, g.w, g.h, g.header].every((x) => isFiniteNumber(x) && x >= 0)
  );
}

/** Checks a stored scene before anything paints it. */
export function checkSavedScene(value: unknown): Checked<SavedScene> {
  if (!isRecord(value) || typeof value.key !== 'string' || !isRecord(value.layout)) return { ok: false, reason: 'not a saved map' };
  const layout = value.layout;
  if (!isFiniteNumber(layout.version) || !isFiniteNumber(layout.width) || !isFiniteNumber(layout.height) || layout.width <= 0 || layout.height <= 0) {
    return { ok: false, reason: 'layout without a valid version and size' };
  }
  const n = Array.isArray(layout.symbols) ? layout.symbols.length : -1;
  if (n < 1 || n > MAX_TILES) return { ok: false, reason: `layout with ${n < 0 ? 'no' : n} tiles` };
  if (!isNames(layout.symbols, n) || !isNames(layout.names, n)) return { ok: false, reason: 'layout symbols or names are not short strings' };
  if (![layout.x, layout.y, layout.w, layout.h].every((a) => isExtents(a, n))) return { ok: false, reason: `layout rectangles are not ${n} finite, non-negative floats` };
  if (!Array.isArray(layout.groups) || layout.groups.length > n * 2 || !layout.groups.every(isGroup)) return { ok: false, reason: 'layout has a malformed group' };
  if (!isFloats(value.values, n) || !isFloats(value.prices, n)) return { ok: false, reason: `values or prices are not ${n} floats` };
  return { ok: true, value: value as unknown as SavedScene };
}
