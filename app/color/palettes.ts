/**
 * Diverging palettes for % change, as seven stops from −domain to +domain with a dark neutral at 0
 * (the Finviz look: a flat day reads as grey, not as a faint win or loss).
 * - red-green: down red, up green (the Western default).
 * - blue-orange: down orange, up blue; stays distinguishable with red–green colour blindness.
 * - red-up: up red, down green, the convention in mainland China, Japan, Korea and Taiwan.
 */
import type { PaletteId } from '../state/viewState.ts';

const NEUTRAL = '#414554';

export interface Palette {
  id: PaletteId;
  label: string;
  /** Seven stops at −1, −⅔, −⅓, 0, ⅓, ⅔, 1 of the domain. */
  stops: readonly string[];
}

const RED_GREEN = ['#f63538', '#bf4045', '#8b444e', NEUTRAL, '#35764e', '#2f9e4f', '#30cc5a'];
const BLUE_ORANGE = ['#f58220', '#c0652f', '#875443', NEUTRAL, '#35608f', '#2f7dc4', '#3d9df2'];

export const PALETTES: Record<PaletteId, Palette> = {
  'red-green': { id: 'red-green', label: 'Red–green', stops: RED_GREEN },
  'blue-orange': { id: 'blue-orange', label: 'Colour-blind safe', stops: BLUE_ORANGE },
  'red-up': { id: 'red-up', label: 'Red up / green down', stops: [...RED_GREEN].reverse() },
};

export const PALETTE_IDS = Object.keys(PALETTES) as PaletteId[];
