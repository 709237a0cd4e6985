/**
 * Filters derived from the quotes the engine holds, for when /api/filters could not be fetched
 * (an offline start from the cache): the same shape, built from the data itself.
 */
import { SECTORS, SORT_FIELDS, type FiltersResponse, type Quote, type UniverseId } from '../relay/protocol.ts';

const UNIVERSE_NAMES: Record<UniverseId, string> = { sp500: 'S&P 500', ndx: 'Nasdaq-100', dow: 'Dow 30', synthetic: 'Synthetic' };

export function deriveFilters(quotes: Iterable<Quote>): FiltersResponse {
  const industries = new Map<string, { sector: Quote['sector']; industry: string }>();
  const counts = new Map<UniverseId, number>();
  let min = Infinity, max = 0;
  for (const q of quotes) {
    industries.set(`${q.sector}\u0000${q.industry}`, { sector: q.sector, industry: q.industry });
    for (const id of q.indices) counts.set(id, (counts.get(id) ?? 0) + 1);
    min = Math.min(min, q.market_cap);
    max = Math.max(max, q.market_cap);
  }
  const sectors = SECTORS.filter((s) => [...industries.values()].some((i) => i.sector === s));
  return {
    sectors,
    industries: [...industries.values()].sort((a, b) => SECTORS.indexOf(a.sector) - SECTORS.indexOf(b.sector) || a.industry.localeCompare(b.industry)),
    universes: [...counts].map(([id, count]) => ({ id, name: UNIVERSE_NAMES[id], count })),
    sort_fields: [...SORT_FIELDS],
    market_cap: { min: Number.isFinite(min) ? min : 0, max },
  };
}
