/** Breadth and movers for the quotes in a view: what the UI's summary bar shows. */
import type { Quote } from '../relay/protocol.ts';
import type { TileSummary, ViewStats } from './api.ts';

const MOVERS = 5;

/** Counts advancers/decliners/unchanged and picks the top five each way (ties by symbol). */
export function computeStats(quotes: readonly Quote[], total: number): ViewStats {
  let advancers = 0, decliners = 0, unchanged = 0;
  const gainers: Quote[] = [], losers: Quote[] = [];
  for (const q of quotes) {
    if (q.pct_change > 0) advancers++;
    else if (q.pct_change < 0) decliners++;
    else unchanged++;
    keepTop(gainers, q, (a, b) => b.pct_change - a.pct_change);
    keepTop(losers, q, (a, b) => a.pct_change - b.pct_change);
  }
  return { count: quotes.length, total, advancers, decliners, unchanged, gainers: gainers.map(summary), losers: losers.map(summary) };
}

/** Inserts `q` into a list kept sorted and at most MOVERS long: O(n) overall, no full sort. */
function keepTop(list: Quote[], q: Quote, compare: (a: Quote, b: Quote) => number): void {
  const order = (a: Quote, b: Quote) => compare(a, b) || (a.symbol < b.symbol ? -1 : 1);
  if (list.length === MOVERS && order(q, list[MOVERS - 1]!) >= 0) return;
  let i = list.length;
  while (i > 0 && order(q, list[i - 1]!) < 0) i--;
  list.splice(i, 0, q);
  if (list.length > MOVERS) list.pop();
}

function summary(q: Quote): TileSummary {
  return { symbol: q.symbol, name: q.name, price: q.price, pct_change: q.pct_change };
}
