/**
 * Whether the app's start-up is over, for background work that should not compete with it (the
 * service worker's install downloads and caches the whole app shell, ~0.5 MB: measured ~400 ms of
 * CPU in the first 4 s of a cold start, on a 2-core machine, beside the page's own start-up). The
 * first seconds after the engine's first frame are the busiest of a visit (first paint, labels,
 * the screen-reader table, the first fades); when no frame comes (e.g. offline on a first visit),
 * start-up is over after LATEST_MS anyway.
 *
 * The first frame is heard through the frame store directly, not as React state: App reads this
 * hook, and a re-render of the whole app for the frame's arrival would land in that busy window.
 */
import { useEffect, useState } from 'react';
import { useEngine } from '../data/EngineContext.tsx';
import { AFTER_FIRST_FRAME_MS } from '../scheduling/startupWindow.ts';

/** How long after mount start-up counts as over, frame or not. */
export const LATEST_MS = 10_000;

export function useStartupSettled(): boolean {
  const { store } = useEngine();
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(true), LATEST_MS);
    return () => window.clearTimeout(timer);
  }, []);
  useEffect(() => {
    let timer: number | undefined;
    let unsubscribe: (() => void) | undefined;
    const startOnFirstFrame = () => {
      if (timer !== undefined || store.get() === null) return;
      timer = window.setTimeout(() => setSettled(true), AFTER_FIRST_FRAME_MS);
      unsubscribe?.();
    };
    startOnFirstFrame();
    if (timer === undefined) unsubscribe = store.subscribe(startOnFirstFrame);
    return () => {
      unsubscribe?.();
      window.clearTimeout(timer);
    };
  }, [store]);
  return settled;
}
