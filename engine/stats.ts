/** Breadth and movers for the quotes in a view: what the UI's summary bar shows. */
import type { Quote } from '../relay/protocol.ts';
import type { TileSummary, ViewStats } from './api.ts';

const MOVERS = 5;

/**
 * Counts advancers/decliners/unchanged and picks the top five each way (ties by symbol). `pct` is
 * each quote's pct_change when the caller keeps it as a column: the scan then reads one typed
 * array and touches a quote only to break a tie or to report a mover.
 */
export function computeStats(quotes: readonly Quote[], total: number, pct: Float64Array = Float64Array.from(quotes, (q) => q.pct_change)): ViewStats {
  let advancers = 0, decliners = 0, unchanged = 0;
  const gainers: number[] = [], losers: number[] = [];
  for (let i = 0; i < pct.length; i++) {
    const p = pct[i]!;
    if (p > 0) advancers++;
    else if (p < 0) decliners++;
    else unchanged++;
    keepTop(gainers, i, 1, quotes, pct);
    keepTop(losers, i, -1, quotes, pct);
  }
  const summary = (i: number): TileSummary => {
    const q = quotes[i]!;
    return { symbol: q.symbol, name: q.name, price: q.price, pct_change: q.pct_change };
  };
  return { count: quotes.length, total, advancers, decliners, unchanged, gainers: gainers.map(summary), losers: losers.map(summary) };
}

/** Whether quote `a` ranks before `b`: bigger move in the direction `sign`, then symbol order. */
function ranksBefore(a: number, b: number, sign: 1 | -1, quotes: readonly Quote[], pct: Float64Array): boolean {
  const d = sign * (pct[a]! - pct[b]!);
  return d > 0 || (d === 0 && quotes[a]!.symbol < quotes[b]!.symbol);
}

/** Inserts index `i` into a list kept sorted and at most MOVERS long: O(n) overall, no full sort. */
function keepTop(list: number[], i: number, sign: 1 | -1, quotes: readonly Quote[], pct: Float64Array): void {
  if (list.length === MOVERS && !ranksBefore(i, list[MOVERS - 1]!, sign, quotes, pct)) return;
  let at = list.length;
  while (at > 0 && ranksBefore(i, list[at - 1]!, sign, quotes, pct)) at--;
  list.splice(at, 0, i);
  if (list.length > MOVERS) list.pop();
}
