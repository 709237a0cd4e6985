/**
 * Whether the app's start-up is over, for background work that should not compete with it (the
 * service worker's install downloads and caches the whole app shell, ~0.5 MB: measured ~400 ms of
 * CPU in the first 4 s of a cold start, on a 2-core machine, beside the page's own start-up). The
 * first seconds after the engine's first frame are the busiest of a visit (first paint, labels,
 * the screen-reader table, the first fades); when no frame comes (e.g. offline on a first visit),
 * start-up is over after LATEST_MS anyway.
 */
import { useEffect, useState } from 'react';
import type { RenderFrame } from '../data/frameStore.ts';
import { useFrameSelector } from '../data/useFrameSelector.ts';

/** How long after the first frame start-up counts as over. */
export const AFTER_FIRST_FRAME_MS = 3000;
/** How long after mount start-up counts as over, frame or not. */
export const LATEST_MS = 10_000;

const selectHasFrame = (frame: RenderFrame | null) => frame !== null;

export function useStartupSettled(): boolean {
  const hasFrame = useFrameSelector(selectHasFrame);
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(true), LATEST_MS);
    return () => window.clearTimeout(timer);
  }, []);
  useEffect(() => {
    if (!hasFrame) return;
    const timer = window.setTimeout(() => setSettled(true), AFTER_FIRST_FRAME_MS);
    return () => window.clearTimeout(timer);
  }, [hasFrame]);
  return settled;
}
