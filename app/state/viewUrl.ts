/**
 * ViewState ↔ URL query string. Only values that differ from the defaults are written, so the
 * plain URL is the default view and a shared link carries exactly what its sender chose.
 * Unknown or malformed parameters fall back to the default and are reported, never thrown.
 */
import type { Sector } from '../../relay/protocol.ts';
import { isSector, isUniverse } from './protocolLists.ts';
import type { SizeMetric } from '../../engine/api.ts';
import { isCapBucket } from './capBuckets.ts';
import { DEFAULT_VIEW_STATE, type ColorDomain, type PaletteId, type Theme, type ViewState } from './viewState.ts';

const SIZE_METRICS: readonly SizeMetric[] = ['market_cap', 'volume', 'equal'];
const PALETTES: readonly PaletteId[] = ['red-green', 'blue-orange', 'red-up'];
const DOMAINS: readonly ColorDomain[] = [1, 3, 5];
const THEMES: readonly Theme[] = ['dark', 'light'];
/** Longest free text kept from a URL; longer input is cut, not rejected. */
const MAX_TEXT = 200;

export interface ParsedViewUrl {
  state: ViewState;
  /** One short message per ignored parameter, e.g. `unknown palette: pink`. */
  errors: string[];
}

/** Reads a ViewState from `location.search` (with or without the leading `?`). */
export function parseViewUrl(search: string): ParsedViewUrl {
  const params = new URLSearchParams(search);
  const errors: string[] = [];
  const state: ViewState = { ...DEFAULT_VIEW_STATE };
  const pick = <T>(key: string, valid: readonly T[], parse: (raw: string) => T, apply: (v: T) => void) => {
    const raw = params.get(key);
    if (raw === null || raw === '') return;
    const value = parse(raw);
    if (valid.includes(value)) apply(value);
    else errors.push(`unknown ${key}: ${raw}`);
  };

  const universe = params.get('universe');
  if (universe) {
    if (isUniverse(universe)) state.universe = universe;
    else errors.push(`unknown universe: ${universe}`);
  }
  state.sectors = parseSectors(params.get('sectors'), errors);
  const cap = params.get('cap');
  if (cap) {
    if (isCapBucket(cap)) state.cap = cap;
    else errors.push(`unknown cap: ${cap}`);
  }
  state.search = (params.get('q') ?? '').slice(0, MAX_TEXT);
  state.criteria = (params.get('criteria') ?? '').slice(0, MAX_TEXT);
  pick('size', SIZE_METRICS, (r) => r as SizeMetric, (v) => (state.sizeBy = v));
  pick('palette', PALETTES, (r) => r as PaletteId, (v) => (state.palette = v));
  pick('domain', DOMAINS, (r) => Number(r) as ColorDomain, (v) => (state.domain = v));
  pick('theme', THEMES, (r) => r as Theme, (v) => (state.theme = v));
  const zoom = params.get('zoom');
  if (zoom) {
    if (isSector(zoom)) state.zoom = zoom;
    else errors.push(`unknown zoom: ${zoom}`);
  }
  state.wallboard = params.get('wallboard') === '1';
  state.table = params.get('table') === '1';
  const cycle = params.get('cycle');
  if (cycle) {
    const seconds = Number(cycle);
    if (Number.isInteger(seconds) && seconds >= 5 && seconds <= 3600) state.cycle = seconds;
    else errors.push(`bad cycle: ${cycle} (whole seconds, 5–3600)`);
  }
  return { state, errors };
}

function parseSectors(raw: string | null, errors: string[]): Sector[] {
  if (!raw) return [];
  const sectors: Sector[] = [];
  for (const name of raw.split(',').map((n) => n.trim())) {
    if (isSector(name)) {
      if (!sectors.includes(name)) sectors.push(name);
    } else errors.push(`unknown sector: ${name}`);
  }
  return sectors;
}

/** The query string for a state, `?`-prefixed, or '' when everything is default. */
export function formatViewUrl(state: ViewState): string {
  const d = DEFAULT_VIEW_STATE;
  const params = new URLSearchParams();
  if (state.universe !== d.universe) params.set('universe', state.universe);
  if (state.sectors.length > 0) params.set('sectors', state.sectors.join(','));
  if (state.cap !== d.cap) params.set('cap', state.cap);
  if (state.search !== '') params.set('q', state.search);
  if (state.criteria !== '') params.set('criteria', state.criteria);
  if (state.sizeBy !== d.sizeBy) params.set('size', state.sizeBy);
  if (state.palette !== d.palette) params.set('palette', state.palette);
  if (state.domain !== d.domain) params.set('domain', String(state.domain));
  if (state.zoom !== null) params.set('zoom', state.zoom);
  if (state.theme !== d.theme) params.set('theme', state.theme);
  if (state.wallboard) params.set('wallboard', '1');
  if (state.cycle !== 0) params.set('cycle', String(state.cycle));
  if (state.table) params.set('table', '1');
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}
