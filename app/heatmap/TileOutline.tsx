/** A DOM outline over one tile (hover or the open detail's tile), following live layout changes. */
import { useCallback } from 'react';
import type { RenderFrame } from '../data/frameStore.ts';
import { useFrameSelector, shallowEqual } from '../data/useFrameSelector.ts';
import { layoutIndex } from '../data/tileLookup.ts';

function rectOf(frame: RenderFrame | null, symbol: string) {
  const i = frame ? layoutIndex(frame.layout).get(symbol) : undefined;
  if (!frame || i === undefined) return null;
  const l = frame.layout;
  return { left: l.x[i]!, top: l.y[i]!, width: l.w[i]!, height: l.h[i]! };
}

export function TileOutline({ symbol, kind }: { symbol: string; kind: 'hover' | 'selected' }) {
  const select = useCallback((f: RenderFrame | null) => rectOf(f, symbol), [symbol]);
  const rect = useFrameSelector(select, (a, b) => (a && b ? shallowEqual(a, b) : a === b));
  if (!rect) return null;
  return <div className={`tile-outline ${kind}`} style={rect} aria-hidden="true" />;
}
