/** Renders UI under an EngineProvider backed by a fake engine and a fresh frame store. */
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { EngineProvider } from '../data/EngineContext.tsx';
import { createFrameStore, type FrameStore } from '../data/frameStore.ts';
import type { FakeEngine } from './fakeEngine.ts';

export function renderWithEngine(ui: ReactNode, engine: FakeEngine): ReturnType<typeof render> & { store: FrameStore } {
  const store = createFrameStore();
  const result = render(
    <EngineProvider engine={engine} store={store}>
      {ui}
    </EngineProvider>,
  );
  return { ...result, store };
}
