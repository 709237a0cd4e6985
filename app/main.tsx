/** Renders the app against an engine that boot.ts has already started. */
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import type { Remote } from 'comlink';
import type { EngineApi } from '../engine/api.ts';
import { adaptRemoteEngine } from './data/remoteEngine.ts';
import { createFrameStore } from './data/frameStore.ts';
import { EngineProvider } from './data/EngineContext.tsx';
import { App } from './App.tsx';
import { markStartup } from './perfMarks.ts';
import { reportUncaughtErrors } from './shell/startFailure.ts';

export function renderApp(api: Remote<EngineApi>): void {
  markStartup('main');
  const root = document.getElementById('root');
  if (!root) throw new Error('missing #root');
  // In a task of its own, not the one that evaluated the bundle (already the page's longest), and
  // as a transition, so the first render yields to the browser every few ms.
  setTimeout(() =>
    startTransition(() =>
      createRoot(root, reportUncaughtErrors(root)).render(
        <StrictMode>
          <EngineProvider engine={adaptRemoteEngine(api)} store={createFrameStore()}>
            <App />
          </EngineProvider>
        </StrictMode>,
      ),
    ),
  );
}
