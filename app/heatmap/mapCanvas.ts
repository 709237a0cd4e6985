/**
 * The map's canvas element. It is made outside React (useHeatmapRenderer puts it in the map), so
 * that the first one can be made and handed to the paint worker while the app's code still loads
 * (paintThread.ts, `prepareMapCanvas`).
 */
export function createMapCanvas(): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.className = 'heatmap-canvas';
  canvas.setAttribute('aria-hidden', 'true');
  return canvas;
}
