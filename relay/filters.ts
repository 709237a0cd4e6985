/** The universe the relay serves and the filter choices it offers clients (GET /api/filters). */
import type { Config } from './config.ts';
import { SECTORS, SORT_FIELDS, UNIVERSE_IDS, type FiltersResponse } from './protocol.ts';
import { loadShippedUniverse, syntheticUniverse, UNIVERSE_NAMES, type UniverseMember } from './universe.ts';

/** The shipped S&P 500 ∪ Nasdaq-100 ∪ Dow universe, or the synthetic one for benchmarks (simulator only). */
export function universeFor(config: Config): UniverseMember[] {
  if (config.provider === 'simulated' && config.sim.universe === 'synthetic') return syntheticUniverse(config.sim.symbols);
  return loadShippedUniverse();
}

export function buildFilters(universe: readonly UniverseMember[]): FiltersResponse {
  const industries = new Map<string, FiltersResponse['industries'][number]>();
  for (const m of universe) industries.set(`${m.sector}|${m.industry}`, { sector: m.sector, industry: m.industry });
  const caps = universe.map((m) => m.market_cap);
  return {
    sectors: SECTORS.filter((s) => universe.some((m) => m.sector === s)),
    industries: [...industries.values()].sort((a, b) => a.sector.localeCompare(b.sector) || a.industry.localeCompare(b.industry)),
    universes: UNIVERSE_IDS.map((id) => ({ id, name: UNIVERSE_NAMES[id], count: universe.filter((m) => m.indices.includes(id)).length }))
      .filter((u) => u.count > 0),
    sort_fields: [...SORT_FIELDS],
    market_cap: { min: caps.length ? Math.min(...caps) : 0, max: caps.length ? Math.max(...caps) : 0 },
  };
}
