/**
 * The map saved at the last visit (savedScene.ts) as a frame the renderer can paint before
 * the engine's first frame, fitted to the canvas it lands on.
 */
import { decodeSavedScene, type SavedScene } from './savedScene.ts';
import type { PaintableFrame } from './renderer.ts';
import type { SavedMapOutcome, SavedMapRequest } from './paintProtocol.ts';

/** A saved map whose shape differs from the canvas by more than this is not painted, not stretched. */
const MAX_ASPECT_CHANGE = 1.25;
/** Below every version the engine gives out: its first frame is always a new layout to the renderer. */
const SCENE_VERSION = -1;

const scaled = (a: Float32Array, by: number): Float32Array => (by === 1 ? a : a.map((v) => v * by));

/**
 * The saved map as a frame for a canvas of `width` × `height` CSS px: rescaled when the size
 * changed a little (a status strip shown or gone), null when the shape changed a lot (a rotated
 * phone), which would only be a distorted map. Every tile is marked stale: it is old data.
 */
export function sceneFrame(scene: SavedScene, width: number, height: number): PaintableFrame | null {
  const n = scene.layout.symbols.length;
  if (scene.values.length !== n || scene.prices.length !== n) return null;
  const sx = width / scene.layout.width, sy = height / scene.layout.height;
  if (!(sx > 0 && sy > 0) || Math.max(sx / sy, sy / sx) > MAX_ASPECT_CHANGE) return null;
  const { layout } = scene;
  const groups = layout.groups.map((g) => ({ ...g, x: g.x * sx, y: g.y * sy, w: g.w * sx, h: g.h * sy, header: Math.min(g.header, g.h * sy) }));
  return {
    layout: { ...layout, version: SCENE_VERSION, width, height, x: scaled(layout.x, sx), y: scaled(layout.y, sy), w: scaled(layout.w, sx), h: scaled(layout.h, sy), groups },
    layoutChanged: true,
    values: scene.values,
    prices: scene.prices,
    stale: new Uint8Array(layout.symbols.length).fill(1),
  };
}

/**
 * The saved entry in `request` as a frame for its canvas: decoded and checked (a bad entry is not
 * painted; the next save replaces it), painted only for the view the request names and a canvas of
 * about its shape.
 */
export function savedMapFrame(request: SavedMapRequest): { frame: PaintableFrame } | Extract<SavedMapOutcome, { shown: false }> {
  const checked = decodeSavedScene(request.entry);
  if (!checked.ok) return { shown: false, reason: checked.reason, bad: true };
  if (checked.value.key !== request.key) return { shown: false, reason: 'saved for another view', bad: false };
  const frame = sceneFrame(checked.value, request.width, request.height);
  return frame ? { frame } : { shown: false, reason: 'saved for a map of another shape', bad: false };
}
