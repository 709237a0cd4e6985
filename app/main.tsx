/** Entry: start the engine worker, then render the app against it. */
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { connectEngine } from '../engine/client.ts';
import { engineConfigFromEnv } from '../engine/config.ts';
import { adaptRemoteEngine } from './data/remoteEngine.ts';
import { createFrameStore } from './data/frameStore.ts';
import { EngineProvider } from './data/EngineContext.tsx';
import { App } from './App.tsx';

const { api } = connectEngine();
api.start(engineConfigFromEnv(import.meta.env, window.location)).catch((error: unknown) => console.error('engine start failed', error));

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
// As a transition, the first render yields to the browser every few ms instead of one long task.
startTransition(() =>
  createRoot(root).render(
    <StrictMode>
      <EngineProvider engine={adaptRemoteEngine(api)} store={createFrameStore()}>
        <App />
      </EngineProvider>
    </StrictMode>,
  ),
);
