/** Where the map is: "All sectors › Energy", with the way back, and how many stocks are shown. */
import type { Sector } from '../../relay/protocol.ts';
import type { RenderFrame } from '../data/frameStore.ts';
import { useFrameSelector } from '../data/useFrameSelector.ts';
import { Legend } from '../color/Legend.tsx';
import type { ColorDomain, PaletteId } from '../state/viewState.ts';

const selectCount = (f: RenderFrame | null) => (f ? `${f.stats.count}/${f.stats.total}` : '');

export interface BreadcrumbProps {
  zoom: Sector | null;
  onZoomOut(): void;
  palette: PaletteId;
  domain: ColorDomain;
}

export function Breadcrumb({ zoom, onZoomOut, palette, domain }: BreadcrumbProps) {
  const counts = useFrameSelector(selectCount);
  const [count, total] = counts.split('/');
  return (
    <nav className="breadcrumb" aria-label="Map level" data-testid="breadcrumb">
      <ol>
        <li>
          {zoom ? (
            <button type="button" className="crumb" onClick={onZoomOut} data-testid="zoom-out">
              All sectors
            </button>
          ) : (
            <span aria-current="page">All sectors</span>
          )}
        </li>
        {zoom && (
          <li>
            <span aria-current="page" data-testid="zoomed-sector">
              {zoom}
            </span>
          </li>
        )}
      </ol>
      <div className="crumb-side">
        <Legend palette={palette} domain={domain} />
        {count !== undefined && count !== '' && (
          <span className="crumb-count" data-testid="tile-count">
            {count === total ? `${count} stocks` : `${count} of ${total} stocks`}
          </span>
        )}
      </div>
    </nav>
  );
}
