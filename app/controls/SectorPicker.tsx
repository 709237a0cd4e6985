/** Sector multi-select as toggle chips; none selected means every sector. */
import type { Sector } from '../../relay/protocol.ts';
import { SECTORS } from '../state/protocolLists.ts';

export interface SectorPickerProps {
  value: Sector[];
  onChange(value: Sector[]): void;
}

export function SectorPicker({ value, onChange }: SectorPickerProps) {
  const toggle = (sector: Sector) =>
    onChange(value.includes(sector) ? value.filter((s) => s !== sector) : SECTORS.filter((s) => s === sector || value.includes(s)));
  return (
    <fieldset className="sector-picker">
      <legend className="control-label">Sectors</legend>
      <div className="chips">
        <label className={value.length === 0 ? 'chip checked' : 'chip'}>
          <input type="checkbox" checked={value.length === 0} onChange={() => onChange([])} />
          All
        </label>
        {SECTORS.map((sector) => (
          <label key={sector} className={value.includes(sector) ? 'chip checked' : 'chip'}>
            <input type="checkbox" checked={value.includes(sector)} onChange={() => toggle(sector)} data-sector={sector} />
            {sector}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Short summary for the collapsed picker: `All sectors`, `Energy`, `3 sectors`. */
export function sectorSummary(value: readonly Sector[]): string {
  if (value.length === 0) return 'All sectors';
  if (value.length === 1) return value[0]!;
  return `${value.length} sectors`;
}
