/**
 * A read-only window into the map for browser automation only (navigator.webdriver is true under
 * Playwright/WebDriver, never for people): label boxes for the overlap check, pixels for the
 * colour checks, and paint timings for the benchmark. Nothing is installed in a normal browser.
 * Every call is asynchronous: the map may be painted by the paint worker.
 */
import type { RendererProbe } from './mapRenderer.ts';

declare global {
  interface Window {
    __heatmap?: RendererProbe;
  }
}

/** Installs the probe when automated; returns the uninstall. */
export function installProbe(probe: RendererProbe): () => void {
  if (!navigator.webdriver) return () => undefined;
  window.__heatmap = probe;
  return () => {
    if (window.__heatmap === probe) delete window.__heatmap;
  };
}
