/**
 * What the page shows when the app cannot start or its UI stops on an error nothing caught: one
 * calm line in place of the app (or of the static frame from index.html, which would otherwise say
 * "Loading…" for ever), instead of a blank page.
 */
import type { RootOptions } from 'react-dom/client';

export const START_FAILED = 'The heatmap could not be loaded. Reload the page to try again.';
export const ENGINE_FAILED = 'The heatmap could not start its data engine. Reload the page to try again.';
export const UI_FAILED = 'The heatmap stopped on an unexpected error. Reload the page to try again.';

export function showStartFailure(root: HTMLElement | null, message: string): void {
  if (!root) return;
  const line = document.createElement('p');
  line.className = 'start-failure';
  line.setAttribute('role', 'alert');
  line.textContent = message;
  root.replaceChildren(line);
}

/** Options for the app's React root: an error no component catches (it unmounts the app) is shown, not left blank. */
export function reportUncaughtErrors(root: HTMLElement): RootOptions {
  return {
    onUncaughtError(error) {
      console.error('the heatmap stopped on an error', error);
      showStartFailure(root, UI_FAILED);
    },
  };
}
