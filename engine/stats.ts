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
    keepTop(gainers, q, 1);
    keepTop(losers, q, -1);
  }
  return { count: quotes.length, total, advancers, decliners, unchanged, gainers: gainers.map(summary), losers: losers.map(summary) };
}

/** Whether `a` ranks before `b`: bigger move in the direction `sign`, then symbol order. */
function ranksBefore(a: Quote, b: Quote, sign: 1 | -1): boolean {
  const d = sign * (a.pct_change - b.pct_change);
  return d > 0 || (d === 0 && a.symbol < b.symbol);
}

/** Inserts `q` into a list kept sorted and at most MOVERS long: O(n) overall, no full sort. */
function keepTop(list: Quote[], q: Quote, sign: 1 | -1): void {
  if (list.length === MOVERS && !ranksBefore(q, list[MOVERS - 1]!, sign)) return;
  let i = list.length;
  while (i > 0 && ranksBefore(q, list[i - 1]!, sign)) i--;
  list.splice(i, 0, q);
  if (list.length > MOVERS) list.pop();
}

function summary(q: Quote): TileSummary {
  return { symbol: q.symbol, name: q.name, price: q.price, pct_change: q.pct_change };
}
