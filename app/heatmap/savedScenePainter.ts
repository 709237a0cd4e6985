/**
 * When the paint worker paints the map saved at the last visit (engine/savedScene.ts): once it
 * has the scene, the canvas (a renderer) and the canvas's size, if the scene is for the view the
 * page shows, and only before the engine's first frame. The first frame ends it for good: a scene
 * that arrives later is dropped, not painted over live data, and not kept.
 */
import type { SavedScene } from '../../engine/savedScene.ts';
import type { PaintableFrame } from './renderer.ts';
import { sceneFrame } from './sceneFrame.ts';

export interface SavedScenePainter {
  /** The scene as the engine sent it (null: there is none). */
  scene(scene: SavedScene | null): void;
  /** The view the page shows (sceneKeyOf). */
  view(key: string): void;
  /** The canvas is ready to paint, at this size in CSS px. */
  canvas(width: number, height: number): void;
  /** The engine's first frame came: from now on nothing is painted from here. */
  frameArrived(): void;
}

/** `paint` gets the scene as a frame fitted to the canvas, at most once. */
export function createSavedScenePainter(paint: (frame: PaintableFrame) => void): SavedScenePainter {
  let pending: SavedScene | null = null;
  let key: string | null = null;
  let size: { width: number; height: number } | null = null;
  let over = false;

  function tryPaint(): void {
    if (over || !pending || !size || pending.key !== key) return;
    const frame = sceneFrame(pending, size.width, size.height);
    pending = null;
    over = true;
    if (frame) paint(frame);
  }

  return {
    scene(scene) {
      if (over) return;
      pending = scene;
      tryPaint();
    },
    view(next) {
      key = next;
      tryPaint();
    },
    canvas(width, height) {
      size = { width, height };
      tryPaint();
    },
    frameArrived() {
      over = true;
      pending = null;
    },
  };
}
