/**
 * A read-only window into the canvas for browser automation only (navigator.webdriver is true
 * under Playwright/WebDriver, never for people): label boxes for the overlap check, and paint
 * timings for the benchmark. Nothing is installed in a normal browser.
 */
import type { HeatmapRenderer, LabelBox } from './renderer.ts';

export interface HeatmapProbe {
  labels(): LabelBox[];
  /** True while tiles are still moving or changing colour. */
  busy(): boolean;
  /** Milliseconds spent in each paint since the last call (then cleared). */
  takePaints(): number[];
}

declare global {
  interface Window {
    __heatmap?: HeatmapProbe;
  }
}

/** Installs the probe when automated; returns the uninstall. */
export function installProbe(renderer: HeatmapRenderer): () => void {
  if (!navigator.webdriver) return () => undefined;
  let paints: number[] = [];
  renderer.onPaint = (ms) => {
    if (paints.length < 100_000) paints.push(ms);
  };
  window.__heatmap = {
    labels: () => renderer.labelBoxes(),
    busy: () => renderer.busy(),
    takePaints() {
      const out = paints;
      paints = [];
      return out;
    },
  };
  return () => {
    renderer.onPaint = null;
    delete window.__heatmap;
  };
}
