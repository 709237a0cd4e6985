// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { EngineProvider } from '../data/EngineContext.tsx';
import { createFrameStore } from '../data/frameStore.ts';
import { createFakeEngine } from '../test/fakeEngine.ts';
import { SIX } from '../test/fixtures.ts';
import { DEFAULT_VIEW } from '../../engine/api.ts';
import { AFTER_FIRST_FRAME_MS } from '../scheduling/startupWindow.ts';
import { forgetMediaQueries } from '../state/useMediaQuery.ts';
import { useMapStill } from './useMapStill.ts';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  forgetMediaQueries();
});

/** The hook under an engine whose first frame comes on `start()`, with prefers-reduced-motion as given. */
function setup(prefersReducedMotion: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    media: query,
    matches: prefersReducedMotion && query.includes('prefers-reduced-motion'),
    addEventListener() {},
    removeEventListener() {},
  }));
  const store = createFrameStore();
  const engine = createFakeEngine(SIX);
  const wrapper = ({ children }: { children: ReactNode }) => <EngineProvider engine={engine} store={store}>{children}</EngineProvider>;
  const hook = renderHook(() => useMapStill(), { wrapper });
  const start = () => act(async () => {
    await engine.subscribe(DEFAULT_VIEW, (frame) => store.push(frame));
    vi.advanceTimersByTime(1);
  });
  return { hook, start };
}

describe('useMapStill()', () => {
  it('holds the map still until start-up has settled, then lets it move', async () => {
    vi.useFakeTimers();
    const { hook, start } = setup(false);
    expect(hook.result.current).toBe(true);
    await start();
    act(() => vi.advanceTimersByTime(AFTER_FIRST_FRAME_MS - 100));
    expect(hook.result.current).toBe(true);
    act(() => vi.advanceTimersByTime(200));
    expect(hook.result.current).toBe(false);
  });

  it('keeps it still for good where the user prefers reduced motion', async () => {
    vi.useFakeTimers();
    const { hook, start } = setup(true);
    await start();
    act(() => vi.advanceTimersByTime(AFTER_FIRST_FRAME_MS * 5));
    expect(hook.result.current).toBe(true);
  });
});
