/** Dev preview entry: the real App against the local engine (`?n=6000&tick=100`). */
import { createRoot } from 'react-dom/client';
import { App } from '../../App.tsx';
import { EngineProvider } from '../../data/EngineContext.tsx';
import { createFrameStore } from '../../data/frameStore.ts';
import { createLocalEngine } from './localEngine.ts';

const params = new URLSearchParams(window.location.search);
const engine = createLocalEngine(Number(params.get('n') ?? 500), Number(params.get('tick') ?? 1000));
createRoot(document.getElementById('root')!).render(
  <EngineProvider engine={engine} store={createFrameStore()}>
    <App />
  </EngineProvider>,
);
