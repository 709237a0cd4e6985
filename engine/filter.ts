/**
 * Which quotes a view shows: universe membership first (that count is the view's `total`), then
 * zoom, sectors, market-cap range, text search and the custom criteria, all in one pass.
 */
import type { Quote } from '../relay/protocol.ts';
import type { View } from './api.ts';
import type { Criteria } from './criteria/parse.ts';
import { evaluateCriteria } from './criteria/evaluate.ts';

export interface FilterResult {
  /** Matching quotes, in the market state's order (so layout structure stays comparable). */
  quotes: Quote[];
  /** Quotes in the view's universe before any other filter. */
  total: number;
}

type ViewFilter = Pick<View, 'universe' | 'sectors' | 'capMin' | 'capMax' | 'search' | 'zoomSector'>;

/** Filters quotes for a view; `criteria` is the already-parsed expression (null = none). */
export function filterQuotes(quotes: Iterable<Quote>, view: ViewFilter, criteria: Criteria | null): FilterResult {
  const sectors = view.sectors.length > 0 ? new Set<string>(view.sectors) : null;
  const search = view.search.trim().toLowerCase();
  const out: Quote[] = [];
  let total = 0;
  for (const quote of quotes) {
    if (!quote.indices.includes(view.universe)) continue;
    total++;
    if (view.zoomSector !== null && quote.sector !== view.zoomSector) continue;
    if (sectors && !sectors.has(quote.sector)) continue;
    if (view.capMin !== null && quote.market_cap < view.capMin) continue;
    if (view.capMax !== null && quote.market_cap > view.capMax) continue;
    if (search !== '' && !matchesSearch(quote, search)) continue;
    if (criteria && !evaluateCriteria(criteria, quote)) continue;
    out.push(quote);
  }
  return { quotes: out, total };
}

function matchesSearch(quote: Quote, search: string): boolean {
  return quote.symbol.toLowerCase().includes(search) || quote.name.toLowerCase().includes(search);
}
