/**
 * Every filter and display option, laid out as a toolbar on wide screens and stacked inside the
 * bottom sheet on small ones (the same component, styled by its container).
 */
import { useId } from 'react';
import type { SizeMetric } from '../../engine/api.ts';
import { CAP_BUCKETS, capLabel, type CapBucket } from '../state/capBuckets.ts';
import type { ColorDomain, PaletteId, ViewState } from '../state/viewState.ts';
import type { UpdateViewState } from '../state/useViewState.ts';
import { PALETTES, PALETTE_IDS } from '../color/palettes.ts';
import { Segmented } from './Segmented.tsx';
import { SectorPicker, sectorSummary } from './SectorPicker.tsx';
import { CriteriaInput } from './CriteriaInput.tsx';

const SIZE_OPTIONS: { value: SizeMetric; label: string }[] = [
  { value: 'market_cap', label: 'Market cap' },
  { value: 'volume', label: 'Volume' },
  { value: 'equal', label: 'Equal' },
];
const DOMAIN_OPTIONS: { value: ColorDomain; label: string }[] = [1, 3, 5].map((d) => ({ value: d as ColorDomain, label: `±${d}%` }));
const CAP_OPTIONS = CAP_BUCKETS.map((b) => ({ value: b, label: b === 'all' ? 'All' : b[0]!.toUpperCase() + b.slice(1), title: capLabel(b) }));

export interface FilterControlsProps {
  state: ViewState;
  update: UpdateViewState;
  /** Inside the bottom sheet the sector chips show inline instead of in a popover. */
  stacked: boolean;
}

export function FilterControls({ state, update, stacked }: FilterControlsProps) {
  const id = useId();
  const sectors = <SectorPicker value={state.sectors} onChange={(sectors) => update({ sectors })} />;
  return (
    <div className={stacked ? 'filter-controls stacked' : 'filter-controls'} data-testid="filter-controls">
      {stacked ? (
        sectors
      ) : (
        <details className="popover sector-popover">
          <summary className="button" data-testid="sector-summary">
            {sectorSummary(state.sectors)} ▾
          </summary>
          <div className="popover-body">{sectors}</div>
        </details>
      )}
      <Segmented<CapBucket> label="Market cap" value={state.cap} options={CAP_OPTIONS} onChange={(cap) => update({ cap })} />
      <CriteriaInput value={state.criteria} onChange={(criteria) => update({ criteria })} />
      <div className="control">
        <label className="control-label" htmlFor={`${id}-size`}>
          Size by
        </label>
        <select id={`${id}-size`} className="select" data-testid="size-select" value={state.sizeBy} onChange={(e) => update({ sizeBy: e.target.value as SizeMetric })}>
          {SIZE_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div className="control">
        <label className="control-label" htmlFor={`${id}-palette`}>
          Colours
        </label>
        <select id={`${id}-palette`} className="select" data-testid="palette-select" value={state.palette} onChange={(e) => update({ palette: e.target.value as PaletteId })}>
          {PALETTE_IDS.map((id) => (
            <option key={id} value={id}>
              {PALETTES[id].label}
            </option>
          ))}
        </select>
      </div>
      <Segmented<ColorDomain> label="Scale" value={state.domain} options={DOMAIN_OPTIONS} onChange={(domain) => update({ domain })} />
    </div>
  );
}
