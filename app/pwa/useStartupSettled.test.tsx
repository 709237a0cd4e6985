// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { EngineProvider } from '../data/EngineContext.tsx';
import { createFrameStore } from '../data/frameStore.ts';
import { createFakeEngine } from '../test/fakeEngine.ts';
import { SIX } from '../test/fixtures.ts';
import { DEFAULT_VIEW } from '../../engine/api.ts';
import { LATEST_MS, useStartupSettled } from './useStartupSettled.ts';
import { AFTER_FIRST_FRAME_MS } from '../scheduling/startupWindow.ts';

afterEach(() => vi.useRealTimers());

function setup() {
  const store = createFrameStore();
  const engine = createFakeEngine(SIX);
  const wrapper = ({ children }: { children: ReactNode }) => <EngineProvider engine={engine} store={store}>{children}</EngineProvider>;
  const renders = { count: 0 };
  const hook = renderHook(() => {
    renders.count++;
    return useStartupSettled();
  }, { wrapper });
  return { hook, store, engine, renders };
}

describe('useStartupSettled()', () => {
  it('useStartupSettled() turns true a few seconds after the first frame', async () => {
    vi.useFakeTimers();
    const { hook, store, engine } = setup();
    await act(async () => {
      await engine.subscribe(DEFAULT_VIEW, (frame) => store.push(frame));
      vi.advanceTimersByTime(1);
    });
    expect(hook.result.current).toBe(false);
    act(() => vi.advanceTimersByTime(AFTER_FIRST_FRAME_MS));
    expect(hook.result.current).toBe(true);
  });

  it('the first frame itself re-renders nothing (App reads this hook; only the change to settled does)', async () => {
    vi.useFakeTimers();
    const { hook, store, engine, renders } = setup();
    const before = renders.count;
    await act(async () => {
      await engine.subscribe(DEFAULT_VIEW, (frame) => store.push(frame));
      vi.advanceTimersByTime(1);
    });
    expect(store.get()).not.toBeNull();
    expect(renders.count).toBe(before);
    act(() => vi.advanceTimersByTime(AFTER_FIRST_FRAME_MS));
    expect(hook.result.current).toBe(true);
    expect(renders.count).toBe(before + 1);
  });

  it('useStartupSettled() turns true after LATEST_MS when no frame ever comes', () => {
    vi.useFakeTimers();
    const { hook } = setup();
    act(() => vi.advanceTimersByTime(LATEST_MS - 1));
    expect(hook.result.current).toBe(false);
    act(() => vi.advanceTimersByTime(1));
    expect(hook.result.current).toBe(true);
  });
});
