/**
 * Packing what a subscriber receives. A frame's tile arrays are in `layout.symbols` order; the
 * layout itself travels only when its version differs from the one the subscriber last got, so a
 * price tick costs three small typed arrays. Every frame owns its typed arrays (nothing shared
 * with the engine or another subscriber), so the transport may transfer them.
 */
import type { Quote } from '../relay/protocol.ts';
import type { ColorMetric, CriteriaError, EngineStatus, Frame, FrameLayout, ViewStats } from './api.ts';

export interface PackedTiles {
  values: Float32Array;
  prices: Float32Array;
  stale: Uint8Array;
}

/** One computed view, shared by all subscribers until copied into their frames. */
export interface ViewFrame extends PackedTiles {
  layout: FrameLayout;
  stats: ViewStats;
  criteriaError: CriteriaError | null;
}

/** Per-tile arrays in layout order: `order[k]` is the index into `quotes` of tile k. */
export function packTiles(quotes: readonly Quote[], order: Int32Array, colorBy: ColorMetric): PackedTiles {
  const n = order.length;
  const values = new Float32Array(n), prices = new Float32Array(n), stale = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const q = quotes[order[k]!]!;
    values[k] = q[colorBy];
    prices[k] = q.price;
    stale[k] = q.stale ? 1 : 0;
  }
  return { values, prices, stale };
}

/**
 * The frame for one subscriber: `layout` only when it has not seen this version. `owned` says the
 * tile arrays may be handed over as they are (the first subscriber); others get copies.
 */
export function frameFor(view: ViewFrame, o: { seq: number; status: EngineStatus; seenVersion: number | null; owned: boolean }): Frame {
  const copy = <T extends Float32Array | Uint8Array>(a: T): T => (o.owned ? a : (a.slice() as T));
  return {
    seq: o.seq,
    layout: o.seenVersion === view.layout.version ? null : copyLayout(view.layout),
    values: copy(view.values),
    prices: copy(view.prices),
    stale: copy(view.stale),
    status: { ...o.status },
    stats: view.stats,
    criteriaError: view.criteriaError,
  };
}

/**
 * The engine keeps its layout for later subscribers and the transport moves typed arrays, so each
 * frame gets its own geometry arrays; the string arrays and groups are never mutated, only cloned
 * by postMessage, so they are shared.
 */
function copyLayout(l: FrameLayout): FrameLayout {
  return { ...l, x: l.x.slice(), y: l.y.slice(), w: l.w.slice(), h: l.h.slice() };
}
