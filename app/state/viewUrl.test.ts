// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { formatViewUrl, parseViewUrl } from './viewUrl.ts';
import { DEFAULT_VIEW_STATE, toEngineView, type ViewState } from './viewState.ts';

const everything: ViewState = {
  universe: 'ndx',
  sectors: ['Energy', 'Information Technology'],
  cap: 'large',
  search: 'app le',
  criteria: 'pct_change > 2 and sector = "Energy"',
  sizeBy: 'volume',
  palette: 'blue-orange',
  domain: 5,
  zoom: 'Energy',
  theme: 'light',
  wallboard: true,
  cycle: 20,
  table: true,
};

describe('formatViewUrl / parseViewUrl', () => {
  it('formatViewUrl(DEFAULT_VIEW_STATE) is empty, so the bare URL is the default view', () => {
    expect(formatViewUrl(DEFAULT_VIEW_STATE)).toBe('');
    expect(parseViewUrl('')).toEqual({ state: DEFAULT_VIEW_STATE, errors: [] });
  });

  it('parseViewUrl(formatViewUrl(state)) round-trips every field', () => {
    const query = formatViewUrl(everything);
    expect(parseViewUrl(query)).toEqual({ state: everything, errors: [] });
  });

  it('round-trips each field alone against the defaults', () => {
    for (const key of Object.keys(everything) as (keyof ViewState)[]) {
      const state = { ...DEFAULT_VIEW_STATE, [key]: everything[key] };
      expect(parseViewUrl(formatViewUrl(state)).state, key).toEqual(state);
    }
  });

  it('parseViewUrl(query) ignores bad values with one named error each and keeps the good ones', () => {
    const { state, errors } = parseViewUrl('?palette=pink&domain=4&sectors=Energy,Crypto&zoom=Moon&size=volume&cycle=2&universe=ftse&cap=huge');
    expect(state).toEqual({ ...DEFAULT_VIEW_STATE, sectors: ['Energy'], sizeBy: 'volume' });
    expect(errors).toEqual([
      'unknown universe: ftse',
      'unknown sector: Crypto',
      'unknown cap: huge',
      'unknown palette: pink',
      'unknown domain: 4',
      'unknown zoom: Moon',
      'bad cycle: 2 (whole seconds, 5–3600)',
    ]);
  });

  it('parseViewUrl(query) drops duplicate sectors and cuts over-long text', () => {
    const { state } = parseViewUrl(`?sectors=Energy,Energy&q=${'x'.repeat(500)}`);
    expect(state.sectors).toEqual(['Energy']);
    expect(state.search).toHaveLength(200);
  });
});

describe('toEngineView(state, size)', () => {
  it('maps the cap bucket to a range and trims text', () => {
    const view = toEngineView({ ...everything, cap: 'mid', search: '  aapl ' }, { width: 1000.4, height: 599.6 });
    expect(view).toMatchObject({ universe: 'ndx', capMin: 2e9, capMax: 10e9, search: 'aapl', zoomSector: 'Energy', width: 1000, height: 600 });
  });
});
