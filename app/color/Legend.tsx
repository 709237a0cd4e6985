/** The colour key: the palette as a gradient between its clamped ends, with 0 marked in the middle. */
import { PALETTES } from './palettes.ts';
import type { ColorDomain, PaletteId } from '../state/viewState.ts';

export function Legend({ palette, domain }: { palette: PaletteId; domain: ColorDomain }) {
  const stops = PALETTES[palette].stops;
  const gradient = `linear-gradient(to right, ${stops.map((c, i) => `${c} ${(i / (stops.length - 1)) * 100}%`).join(', ')})`;
  return (
    <figure className="legend" aria-label={`Colour scale from down ${domain} % or more to up ${domain} % or more`} data-testid="legend">
      <span className="legend-end" aria-hidden="true">
        ≤ −{domain}%
      </span>
      <span className="legend-bar" style={{ background: gradient }} aria-hidden="true">
        <span className="legend-zero">0</span>
      </span>
      <span className="legend-end" aria-hidden="true">
        ≥ +{domain}%
      </span>
    </figure>
  );
}
