/**
 * Entry: paints the saved map, starts the engine worker and loads the app, before anything else.
 * The worker needs a few hundred ms to start, load the cached snapshot and lay out the first frame;
 * started here (a tiny chunk that runs as soon as the HTML is parsed) that work overlaps the
 * download, parse and first render of the app bundle instead of following it.
 */
import { connectEngine, type EngineConnection } from '../engine/client.ts';
import { engineConfigFromEnv } from '../engine/config.ts';
import { markStartup } from './perfMarks.ts';
import { parseViewUrl } from './state/viewUrl.ts';
import { applyDocumentTheme } from './shell/documentTheme.ts';
import { ENGINE_FAILED, showStartFailure, START_FAILED } from './shell/startFailure.ts';
import { prepareMapCanvas } from './heatmap/paintThread.ts';
import { canvasTheme } from './heatmap/themes.ts';
import { labelSizesFor } from './heatmap/labelSizes.ts';
import { endSavedMap, showSavedMap } from './heatmap/savedMap.ts';
import { taskByTask } from './scheduling/taskByTask.ts';

markStartup('boot');
// The static frame in index.html in the view's own colours (light theme, wallboard) from the start.
const { state: view } = parseViewUrl(window.location.search);
applyDocumentTheme(view.theme, view.palette, view.wallboard);
let engine: EngineConnection | null = null;
/** Unmounts the app once rendered; set when the app bundle has loaded. */
let unmountApp: (() => void) | null = null;
let engineFailed = false;

/** Without its engine the app would say "Connecting…" for ever: one calm line says what happened instead. */
function showEngineFailure(event: Event): void {
  engineFailed = true;
  console.error('the engine worker could not start', event);
  endSavedMap();
  unmountApp?.();
  showStartFailure(document.getElementById('root'), ENGINE_FAILED);
}

// Each step a task of its own (together they were one task of 30–75 ms on a throttled phone, and
// Lighthouse counts it: it runs after the first paint in its simulation), most urgent first.
taskByTask([
  // The map saved at the last visit, painted by this thread in its old place while the rest loads.
  ['saved map', () => void showSavedMap(view)],
  // The engine's start: opening the cache and the socket take longest.
  ['engine', () => {
    engine = connectEngine();
    void engine.failedToStart.then(showEngineFailure);
    engine.api.start(engineConfigFromEnv(import.meta.env, window.location)).catch((error: unknown) => console.error('engine start failed', error));
  }],
  // The app bundle's download.
  ['app', () => {
    const api = engine?.api;
    import('./main.tsx')
      .then(({ renderApp }) => {
        if (!api) throw new Error('the engine worker did not start');
        if (!engineFailed) unmountApp = renderApp(api);
      })
      .catch((error: unknown) => {
        console.error('could not load the app', error);
        showStartFailure(document.getElementById('root'), START_FAILED);
      });
  }],
  // The map's painter: its thread starts and loads while the app bundle does, and is handed the
  // map's canvas now, while this thread waits for the bundle (the map mounts with it).
  ['painter', () => prepareMapCanvas({
    palette: view.palette,
    domain: view.domain,
    theme: canvasTheme(view.theme, view.palette),
    labelSizes: labelSizesFor(view.wallboard),
    reducedMotion: window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false,
  })],
]);
