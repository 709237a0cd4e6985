/** The map area's message when there is nothing to draw; never a blank page. */
import type { RenderFrame } from '../data/frameStore.ts';
import { useFrameSelector, shallowEqual } from '../data/useFrameSelector.ts';
import { emptyStateFor, type EmptyState } from './emptyState.ts';

const select = (f: RenderFrame | null) => emptyStateFor(f);
const same = (a: EmptyState | null, b: EmptyState | null) => (a && b ? shallowEqual(a, b) : a === b);

/** `mapPainted`: the canvas shows tiles, e.g. the map saved at the last visit before the engine's first frame. */
export function EmptyStateView({ onClearFilters, mapPainted }: { onClearFilters(): void; mapPainted: boolean }) {
  const state = useFrameSelector(select, same);
  // Waiting, but with a map on the canvas (stale, from the last visit): no "Connecting…" over it.
  if (!state || (state.kind === 'waiting' && mapPainted)) return null;
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
