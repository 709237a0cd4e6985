/**
 * Entry: starts the engine worker before anything else, then loads the app. The worker needs a few
 * hundred ms to start, load the cached snapshot and lay out the first frame; started here (a tiny
 * chunk that runs as soon as the HTML is parsed) that work overlaps the download, parse and first
 * render of the app bundle instead of following it.
 */
import { connectEngine } from '../engine/client.ts';
import { engineConfigFromEnv } from '../engine/config.ts';
import { markStartup } from './perfMarks.ts';
import { parseViewUrl } from './state/viewUrl.ts';
import { applyDocumentTheme } from './shell/documentTheme.ts';
import { showStartFailure, START_FAILED } from './shell/startFailure.ts';
import { startPaintWorker } from './heatmap/paintThread.ts';
import { showSavedMap } from './heatmap/savedMap.ts';

markStartup('boot');
// The static frame in index.html in the view's own colours (light theme, wallboard) from the start.
const { state: view } = parseViewUrl(window.location.search);
applyDocumentTheme(view.theme, view.palette, view.wallboard);
// The map saved at the last visit, painted by this thread in its old place while the rest loads.
showSavedMap(view);
const { api } = connectEngine();
// The map's painter too: its thread starts and loads while the app bundle does.
startPaintWorker();
api.start(engineConfigFromEnv(import.meta.env, window.location)).catch((error: unknown) => console.error('engine start failed', error));

import('./main.tsx')
  .then(({ renderApp }) => renderApp(api))
  .catch((error: unknown) => {
    console.error('could not load the app', error);
    showStartFailure(document.getElementById('root'), START_FAILED);
  });
