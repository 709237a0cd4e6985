/** Which index to map. Names and counts come from the relay's /api/filters via the engine. */
import { useEffect, useId, useState } from 'react';
import type { FiltersResponse, UniverseId } from '../../relay/protocol.ts';
import { useEngine } from '../data/EngineContext.tsx';

const FALLBACK: { id: UniverseId; name: string }[] = [
  { id: 'sp500', name: 'S&P 500' },
  { id: 'ndx', name: 'Nasdaq-100' },
  { id: 'dow', name: 'Dow 30' },
];

export function UniverseSelect({ value, onChange }: { value: UniverseId; onChange(value: UniverseId): void }) {
  const id = useId();
  const { engine } = useEngine();
  const [filters, setFilters] = useState<FiltersResponse | null>(null);
  useEffect(() => {
    let live = true;
    engine
      .getFilters()
      .then((f) => live && setFilters(f))
      .catch((error: unknown) => console.warn('getFilters failed', error));
    return () => {
      live = false;
    };
  }, [engine]);
  // Only universes the relay actually serves; the synthetic one appears when a benchmark runs.
  const options = filters?.universes.filter((u) => u.count > 0) ?? FALLBACK;
  const known = options.some((o) => o.id === value) ? options : [...options, { id: value, name: value }];
  return (
    <div className="control universe">
      <label className="visually-hidden" htmlFor={id}>
        Universe
      </label>
      <select id={id} className="select" value={value} onChange={(e) => onChange(e.target.value as UniverseId)} data-testid="universe-select">
        {known.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>
    </div>
  );
}
