/**
 * Everything the user chose about what to see and how, as one plain value. It lives in the URL
 * (see viewUrl.ts) so a link reproduces the view; the engine's `View` is derived from it plus the
 * map's size (toEngineView).
 */
import type { Sector, UniverseId } from '../../relay/protocol.ts';
import type { SizeMetric, View } from '../../engine/api.ts';
import { capRange, type CapBucket } from './capBuckets.ts';

export type PaletteId = 'red-green' | 'blue-orange' | 'red-up';
export type ColorDomain = 1 | 3 | 5;
export type Theme = 'dark' | 'light';

export interface ViewState {
  universe: UniverseId;
  /** Empty means every sector. */
  sectors: Sector[];
  cap: CapBucket;
  search: string;
  criteria: string;
  sizeBy: SizeMetric;
  palette: PaletteId;
  /** Colour scale spans −domain … +domain percent, clamped. */
  domain: ColorDomain;
  zoom: Sector | null;
  theme: Theme;
  wallboard: boolean;
  /** Wallboard auto-cycle through sectors every N seconds; 0 is off. */
  cycle: number;
  /** Show the data table instead of keeping it visually hidden. */
  table: boolean;
}

export const DEFAULT_VIEW_STATE: ViewState = {
  universe: 'sp500',
  sectors: [],
  cap: 'all',
  search: '',
  criteria: '',
  sizeBy: 'market_cap',
  palette: 'red-green',
  domain: 3,
  zoom: null,
  theme: 'dark',
  wallboard: false,
  cycle: 0,
  table: false,
};

/** The engine's view for this state and a map of `width`×`height` CSS pixels. */
export function toEngineView(state: ViewState, size: { width: number; height: number }): View {
  const { min, max } = capRange(state.cap);
  return {
    universe: state.universe,
    sectors: state.sectors,
    capMin: min,
    capMax: max,
    search: state.search.trim(),
    criteria: state.criteria.trim(),
    sizeBy: state.sizeBy,
    colorBy: 'pct_change',
    zoomSector: state.zoom,
    width: Math.max(1, Math.round(size.width)),
    height: Math.max(1, Math.round(size.height)),
  };
}
