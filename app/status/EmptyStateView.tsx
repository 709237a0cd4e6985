/** The map area's message when there is nothing to draw; never a blank page. */
import type { RenderFrame } from '../data/frameStore.ts';
import { useLasted } from './useLasted.ts';
import { useFrameSelector, shallowEqual } from '../data/useFrameSelector.ts';
import { emptyStateFor, type EmptyState } from './emptyState.ts';
import { useFlag, type Flag } from '../state/flag.ts';

const select = (f: RenderFrame | null) => emptyStateFor(f);
const same = (a: EmptyState | null, b: EmptyState | null) => (a && b ? shallowEqual(a, b) : a === b);

/**
 * Past this, still waiting for the engine's first frame with the last visit's map on the canvas is
 * news: "Connecting…" covers it (the engine is failing or very slow to load).
 */
const SAVED_MAP_GRACE_MS = 5_000;

/** `mapPainted`: the canvas shows tiles, e.g. the map saved at the last visit before the engine's first frame. */
export function EmptyStateView({ onClearFilters, mapPainted: paintedFlag }: { onClearFilters(): void; mapPainted: Flag }) {
  const state = useFrameSelector(select, same);
  const mapPainted = useFlag(paintedFlag);
  // Waiting, but with a map on the canvas (stale, from the last visit): no "Connecting…" over it for a while.
  const waitingOverMap = state?.kind === 'waiting' && mapPainted;
  const waitedTooLong = useLasted(waitingOverMap, SAVED_MAP_GRACE_MS);
  if (!state || (waitingOverMap && !waitedTooLong)) return null;
  return (
    <div className={`empty-state ${state.kind}`} role="status" data-testid="empty-state" data-kind={state.kind}>
      <h2>{state.title}</h2>
      <p>{state.message}</p>
      {(state.kind === 'no-matches' || state.kind === 'bad-criteria') && (
        <button type="button" className="button" onClick={onClearFilters}>
          Clear filters
        </button>
      )}
    </div>
  );
}
