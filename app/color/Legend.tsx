/** The colour key: the palette as a gradient, labelled at −domain, 0 and +domain (clamped ends). */
import { PALETTES } from './palettes.ts';
import type { ColorDomain, PaletteId } from '../state/viewState.ts';

export function Legend({ palette, domain }: { palette: PaletteId; domain: ColorDomain }) {
  const stops = PALETTES[palette].stops;
  const gradient = `linear-gradient(to right, ${stops.map((c, i) => `${c} ${(i / (stops.length - 1)) * 100}%`).join(', ')})`;
  return (
    <figure className="legend" aria-label={`Colour scale from down ${domain} % or more to up ${domain} % or more`} data-testid="legend">
      <div className="legend-bar" style={{ background: gradient }} />
      <figcaption className="legend-ticks" aria-hidden="true">
        <span>≤ −{domain}%</span>
        <span>0%</span>
        <span>≥ +{domain}%</span>
      </figcaption>
    </figure>
  );
}
