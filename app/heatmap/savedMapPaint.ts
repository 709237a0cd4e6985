/**
 * Paints the saved map (savedMap.ts) on a canvas of its own, with the renderer the page uses when
 * it paints on its own thread. A chunk of its own: loaded only when a saved map may be shown.
 */
import { decodeSavedScene, sceneKeyOf } from './savedScene.ts';
import { toEngineView, type ViewState } from '../state/viewState.ts';
import { createColorScale } from '../color/colorScale.ts';
import { canvasTheme } from './themes.ts';
import { LABEL_SIZES, WALLBOARD_LABEL_SIZES } from './labelSizes.ts';
import { createHeatmapRenderer } from './renderer.ts';
import { logPaints } from './paintLog.ts';
import { sceneFrame } from './sceneFrame.ts';
import type { MapPlace } from './mapPlace.ts';
import { markStartup } from '../perfMarks.ts';

export interface SavedMapCanvas {
  canvas: HTMLCanvasElement;
  /** From its remembered place into the live map's box, which it fills. */
  fill(): void;
  destroy(): void;
}

/**
 * Paints the saved entry `stored` on a new canvas fixed at `place` if it is a valid map for the
 * view `state` names and fits the place's shape; null (nothing painted) otherwise.
 */
export function paintSavedMap(stored: string, state: ViewState, place: MapPlace): SavedMapCanvas | null {
  const checked = decodeSavedScene(stored);
  if (!checked.ok) {
    // The next save replaces it; nothing is painted from it meanwhile.
    console.warn(`saved map not shown: ${checked.reason}`);
    return null;
  }
  if (checked.value.key !== sceneKeyOf(toEngineView(state, { width: 0, height: 0 }))) return null;
  const frame = sceneFrame(checked.value, place.width, place.height);
  if (!frame) return null;

  const canvas = document.createElement('canvas');
  canvas.setAttribute('aria-hidden', 'true');
  canvas.dataset.testid = 'saved-map';
  Object.assign(canvas.style, {
    position: 'fixed', left: `${place.left}px`, top: `${place.top}px`, width: `${place.width}px`, height: `${place.height}px`,
    display: 'block', pointerEvents: 'none',
  });
  const renderer = createHeatmapRenderer(canvas, {
    scale: createColorScale(state.palette, state.domain),
    theme: canvasTheme(state.theme, state.palette),
    labelSizes: state.wallboard ? WALLBOARD_LABEL_SIZES : LABEL_SIZES,
    reducedMotion: window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false,
  });
  logPaints(renderer, (tiles, paintedAt) => {
    // Read by the PWA bench and the browser tests, as on the live map.
    canvas.dataset.paintedTiles = String(tiles);
    canvas.dataset.paintedAt = (paintedAt - performance.timeOrigin).toFixed(1);
    if (tiles > 0) markStartup('saved-map-painted', paintedAt);
  });
  renderer.resize(place.width, place.height, window.devicePixelRatio || 1);
  renderer.setFrame(frame);
  return {
    canvas,
    fill: () => Object.assign(canvas.style, { position: 'absolute', left: '0', top: '0', width: '100%', height: '100%' }),
    destroy: () => renderer.destroy(),
  };
}
