/** Renders the app against an engine that boot.ts has already started. */
import { StrictMode, startTransition } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { Remote } from 'comlink';
import type { EngineApi } from '../engine/api.ts';
import { adaptRemoteEngine } from './data/remoteEngine.ts';
import { createFrameStore } from './data/frameStore.ts';
import { EngineProvider } from './data/EngineContext.tsx';
import { App } from './App.tsx';
import { markStartup } from './perfMarks.ts';
import { reportUncaughtErrors } from './shell/startFailure.ts';

/** Renders the app into #root; returns its unmount. */
export function renderApp(api: Remote<EngineApi>): () => void {
  markStartup('main');
  const element = document.getElementById('root');
  if (!element) throw new Error('missing #root');
  let root: Root | null = null;
  let unmounted = false;
  // In a task of its own, not the one that evaluated the bundle (already the page's longest), and
  // as a transition, so the first render yields to the browser every few ms.
  setTimeout(() => {
    if (unmounted) return;
    root = createRoot(element, reportUncaughtErrors(element));
    startTransition(() =>
      root?.render(
        <StrictMode>
          <EngineProvider engine={adaptRemoteEngine(api)} store={createFrameStore()}>
            <App />
          </EngineProvider>
        </StrictMode>,
      ),
    );
  });
  return () => {
    unmounted = true;
    root?.unmount();
  };
}
