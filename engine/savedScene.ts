/**
 * The last map the engine sent, kept for the next start: its layout (with the view it shows) and
 * the tile values. The worker's entry reads it before the engine's code has loaded and hands it
 * straight to the paint worker (scenePort.ts), which paints it, every tile stale, until the
 * engine's first frame replaces it. The snapshot stays the source of truth; this is only what
 * was last on the screen, so a start shows the map in the time the engine needs to load.
 *
 * What comes back from IndexedDB is checked field by field (no zod: this runs in the worker's
 * small entry, before the engine's chunk, where zod's start-up cost would be on the way).
 */
import type { FrameLayout, GroupBox, View } from './api.ts';

export interface SavedLayout {
  /** The view the layout shows (sceneKeyOf). */
  key: string;
  layout: FrameLayout;
}

export interface SavedValues {
  /** The version of the layout these values follow. */
  version: number;
  /** When they were saved, ms since the epoch. */
  savedAt: number;
  values: Float32Array;
  prices: Float32Array;
}

export interface SavedScene extends SavedLayout, SavedValues {}

/** More tiles than any universe has: a record claiming more is not ours. */
const MAX_TILES = 50_000;

/** The view a map shows, without its size: a saved map is painted only for the same view. */
export function sceneKeyOf(view: View): string {
  const { universe, sectors, capMin, capMax, search, criteria, sizeBy, colorBy, zoomSector } = view;
  return JSON.stringify({ universe, sectors, capMin, capMax, search, criteria, sizeBy, colorBy, zoomSector });
}

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStrings = (v: unknown, n: number): v is string[] => Array.isArray(v) && v.length === n && v.every((s) => typeof s === 'string');
const isFloats = (v: unknown, n: number): v is Float32Array => v instanceof Float32Array && v.length === n;

function checkGroup(g: unknown): g is GroupBox {
  return (
    isRecord(g) &&
    (g.kind === 'sector' || g.kind === 'industry') &&
    typeof g.name === 'string' &&
    typeof g.sector === 'string' &&
    [g.x, g.y, g.w, g.h, g.header].every(isFiniteNumber)
  );
}

/** Checks a stored layout record. */
export function checkSavedLayout(value: unknown): Checked<SavedLayout> {
  if (!isRecord(value) || typeof value.key !== 'string' || !isRecord(value.layout)) return { ok: false, reason: 'not a saved layout' };
  const layout = value.layout;
  if (!isFiniteNumber(layout.version) || !isFiniteNumber(layout.width) || !isFiniteNumber(layout.height) || layout.width <= 0 || layout.height <= 0) {
    return { ok: false, reason: 'layout without a valid version and size' };
  }
  const n = Array.isArray(layout.symbols) ? layout.symbols.length : -1;
  if (n < 1 || n > MAX_TILES) return { ok: false, reason: `layout with ${n < 0 ? 'no' : n} tiles` };
  if (!isStrings(layout.symbols, n) || !isStrings(layout.names, n)) return { ok: false, reason: 'layout symbols or names are not strings' };
  if (![layout.x, layout.y, layout.w, layout.h].every((a) => isFloats(a, n))) return { ok: false, reason: `layout rectangles are not ${n} floats` };
  if (!Array.isArray(layout.groups) || !layout.groups.every(checkGroup)) return { ok: false, reason: 'layout has a malformed group' };
  return { ok: true, value: value as unknown as SavedLayout };
}

/** Checks a stored values record against the layout it claims to follow. */
export function checkSavedValues(value: unknown, layout: FrameLayout): Checked<SavedValues> {
  if (!isRecord(value) || !isFiniteNumber(value.version) || !isFiniteNumber(value.savedAt)) return { ok: false, reason: 'not saved values' };
  if (value.version !== layout.version) return { ok: false, reason: `values for layout ${value.version}, saved layout is ${layout.version}` };
  const n = layout.symbols.length;
  if (!isFloats(value.values, n) || !isFloats(value.prices, n)) return { ok: false, reason: `values or prices are not ${n} floats` };
  return { ok: true, value: value as unknown as SavedValues };
}

/** Where the engine's database keeps the scene: one store, two records. */
export const SCENE_STORE = 'scene';
export const SCENE_KEYS = { layout: 'layout', values: 'values' } as const;

/** The little of idb's database reading the scene needs. */
export interface SceneDb {
  get(store: string, key: string): Promise<unknown>;
  delete(store: string, key: string): Promise<unknown>;
}

function checkScene(storedLayout: unknown, storedValues: unknown): Checked<SavedScene> {
  const layout = checkSavedLayout(storedLayout);
  if (!layout.ok) return layout;
  const values = checkSavedValues(storedValues, layout.value.layout);
  if (!values.ok) return values;
  return { ok: true, value: { ...layout.value, ...values.value } };
}

/**
 * Reads the saved scene. Anything unusable is deleted, with the reason logged, and reads as none:
 * the engine saves a new one from its next frames.
 */
export async function readSavedScene(db: SceneDb, log: (message: string, fields?: Record<string, unknown>) => void): Promise<SavedScene | null> {
  const [storedLayout, storedValues] = await Promise.all([db.get(SCENE_STORE, SCENE_KEYS.layout), db.get(SCENE_STORE, SCENE_KEYS.values)]);
  if (storedLayout === undefined) return null;
  const scene = checkScene(storedLayout, storedValues);
  if (scene.ok) return scene.value;
  log('discarding the saved map', { reason: scene.reason });
  await Promise.all([db.delete(SCENE_STORE, SCENE_KEYS.layout), db.delete(SCENE_STORE, SCENE_KEYS.values)]);
  return null;
}
