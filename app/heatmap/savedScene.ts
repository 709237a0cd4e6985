/**
 * The map last shown, kept for the next start: its layout, the view it shows and the tile values,
 * as one localStorage entry (so two tabs saving in turn never leave one's layout with the other's
 * values). The page saves it (sceneKeeper.ts) and, at its next start, reads it back in one
 * synchronous call and paints it, every tile stale, before the app, the engine or the paint worker
 * have loaded (savedMap.ts), until the live map replaces it. The engine's IndexedDB snapshot stays
 * the source of truth; this is only what was last on the screen, so a start shows the map in the
 * time the rest of the app needs to load. localStorage, not IndexedDB: the entry is in hand the
 * moment the page's first script runs, where a database read took ~50–150 ms of the start here.
 *
 * The entry is JSON (numbers rounded to 0.01: ~45 KB for 500 tiles) and is checked field by
 * field when read (no zod: this runs before the app's chunks, where zod's start-up cost would be
 * on the way). A bad entry is not painted; the next save replaces it.
 */
import type { FrameLayout, GroupBox, View } from '../../engine/api.ts';

export interface SavedScene {
  /** The view the map shows (sceneKeyOf). */
  key: string;
  layout: FrameLayout;
  /** Colour metric and price per tile, in `layout.symbols` order (NaN where unknown). */
  values: Float32Array;
  prices: Float32Array;
}

/** Its localStorage key. */
export const SAVED_SCENE_KEY = 'heatmap:saved-map';

/** More tiles than any universe has: an entry claiming more is not ours. */
const MAX_TILES = 50_000;
/** Longer than any symbol, company, sector or industry name. */
const MAX_NAME = 200;

/** The view a map shows, without its size: a saved map is painted only for the same view. */
export function sceneKeyOf(view: View): string {
  const { universe, sectors, capMin, capMax, search, criteria, sizeBy, colorBy, zoomSector } = view;
  return JSON.stringify({ universe, sectors, capMin, capMax, search, criteria, sizeBy, colorBy, zoomSector });
}

/** To 0.01 (a hundredth of a pixel, a percent or a dollar); NaN becomes null in JSON. */
const rounded = (a: Float32Array): (number | null)[] => Array.from(a, (v) => (Number.isFinite(v) ? Math.round(v * 100) / 100 : null));

/** The entry's text for `scene`. */
export function encodeSavedScene(scene: SavedScene): string {
  const { layout } = scene;
  return JSON.stringify({
    key: scene.key,
    layout: { ...layout, x: rounded(layout.x), y: rounded(layout.y), w: rounded(layout.w), h: rounded(layout.h) },
    values: rounded(scene.values),
    prices: rounded(scene.prices),
  });
}

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isName = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_NAME;
const isNames = (v: unknown, n: number): v is string[] => Array.isArray(v) && v.length === n && v.every(isName);
/** Rectangles are on the map: finite and not negative. */
const isExtents = (v: unknown, n: number): v is number[] => Array.isArray(v) && v.length === n && v.every((x) => isFiniteNumber(x) && x >= 0);
/** Values and prices: numbers, or null where unknown. */
const isNumbers = (v: unknown, n: number): v is (number | null)[] => Array.isArray(v) && v.length === n && v.every((x) => x === null || isFiniteNumber(x));
const floats = (a: (number | null)[]) => Float32Array.from(a, (x) => x ?? NaN);

function isGroup(g: unknown): g is GroupBox {
  return (
    isRecord(g) &&
    (g.kind === 'sector' || g.kind === 'industry') &&
    isName(g.name) &&
    isName(g.sector) &&
    [g.x, g.y, g.w, g.h, g.header].every((x) => isFiniteNumber(x) && x >= 0)
  );
}

/** The scene in an entry's text, checked before anything paints it. */
export function decodeSavedScene(text: string): Checked<SavedScene> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  if (!isRecord(value) || typeof value.key !== 'string' || !isRecord(value.layout)) return { ok: false, reason: 'not a saved map' };
  const layout = value.layout;
  if (!isFiniteNumber(layout.version) || !isFiniteNumber(layout.width) || !isFiniteNumber(layout.height) || layout.width <= 0 || layout.height <= 0) {
    return { ok: false, reason: 'layout without a valid version and size' };
  }
  const n = Array.isArray(layout.symbols) ? layout.symbols.length : -1;
  if (n < 1 || n > MAX_TILES) return { ok: false, reason: `layout with ${n < 0 ? 'no' : n} tiles` };
  if (!isNames(layout.symbols, n) || !isNames(layout.names, n)) return { ok: false, reason: 'layout symbols or names are not short strings' };
  const { x, y, w, h } = layout;
  if (!isExtents(x, n) || !isExtents(y, n) || !isExtents(w, n) || !isExtents(h, n)) return { ok: false, reason: `layout rectangles are not ${n} finite, non-negative numbers` };
  if (!Array.isArray(layout.groups) || layout.groups.length > n * 2 || !layout.groups.every(isGroup)) return { ok: false, reason: 'layout has a malformed group' };
  if (!isNumbers(value.values, n) || !isNumbers(value.prices, n)) return { ok: false, reason: `values or prices are not ${n} numbers` };
  return {
    ok: true,
    value: {
      key: value.key,
      layout: { version: layout.version, width: layout.width, height: layout.height, symbols: layout.symbols, names: layout.names, x: floats(x), y: floats(y), w: floats(w), h: floats(h), groups: layout.groups },
      values: floats(value.values),
      prices: floats(value.prices),
    },
  };
}
