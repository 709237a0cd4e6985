/**
 * The order in which a one-symbol-per-call provider (Finnhub) refreshes the universe. The
 * `hotCount` largest market caps — the biggest, most-watched tiles — get one call in every
 * `hotEvery`; the rest share the other calls in market-cap order, sweep after sweep.
 */
import type { UniverseMember } from '../../universe.ts';

export interface RotationOptions {
  hotCount: number;
  /** One call in this many goes to a hot symbol; at least 2 so the sweep always advances. */
  hotEvery: number;
}

export interface Rotation {
  /** The symbol for the next call, or null for an empty universe. */
  next(): string | null;
  readonly hot: readonly string[];
  readonly cold: readonly string[];
}

export function createRotation(universe: readonly UniverseMember[], options: RotationOptions): Rotation {
  if (options.hotEvery < 2) throw new Error(`hotEvery must be at least 2: ${options.hotEvery}`);
  const byCap = [...universe].sort((a, b) => b.market_cap - a.market_cap).map((m) => m.symbol);
  const hot = byCap.slice(0, options.hotCount);
  const cold = byCap.slice(options.hotCount);
  let slot = 0;
  let h = 0;
  let c = 0;
  return {
    hot,
    cold,
    next() {
      const useHot = hot.length > 0 && (cold.length === 0 || slot % options.hotEvery === 0);
      slot = (slot + 1) % options.hotEvery;
      if (useHot) {
        const symbol = hot[h]!;
        h = (h + 1) % hot.length;
        return symbol;
      }
      if (cold.length === 0) return null;
      const symbol = cold[c]!;
      c = (c + 1) % cold.length;
      return symbol;
    },
  };
}

/** Calls one full sweep takes: until every symbol, hot and cold, has been refreshed once. */
export function sweepCalls(universeSize: number, options: RotationOptions): number {
  const hot = Math.min(options.hotCount, universeSize);
  const cold = universeSize - hot;
  if (cold === 0) return hot;
  if (hot === 0) return cold;
  return Math.max(Math.ceil((cold * options.hotEvery) / (options.hotEvery - 1)), hot * options.hotEvery - (options.hotEvery - 1));
}
