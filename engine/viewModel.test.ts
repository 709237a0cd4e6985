import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW } from './api.ts';
import { createViewModel } from './viewModel.ts';
import type { Quote } from '../relay/protocol.ts';
import { applyDelta, applySnapshot, createMarketState, takeChanges } from './merge.ts';
import { sp500Quotes, syntheticQuotes, threeQuotes as threeList } from './test/fixtures.ts';

const bySymbol = (quotes: Quote[]) => new Map(quotes.map((q) => [q.symbol, { ...q }]));
const threeQuotes = bySymbol(threeList);

describe('createViewModel(view).compute(quotes)', () => {
  it('filters, lays out and packs in one order', () => {
    const frame = createViewModel({ ...DEFAULT_VIEW, sectors: ['Energy', 'Financials'] }).compute(threeQuotes);
    expect(frame.layout.symbols).toEqual(['JPM', 'XOM']);
    expect([...frame.prices]).toEqual([250, 110]);
    expect(frame.stats).toMatchObject({ count: 2, total: 3 });
  });

  it('reports a criteria error with its position and filters nothing by it', () => {
    const model = createViewModel({ ...DEFAULT_VIEW, criteria: 'pct_change > ' });
    const frame = model.compute(threeQuotes);
    expect(frame.criteriaError).toEqual({ message: 'expected a value at 13', position: 13 });
    expect(frame.layout.symbols).toHaveLength(3);
    model.setView({ ...DEFAULT_VIEW, criteria: 'pct_change > 0' });
    const fixed = model.compute(threeQuotes);
    expect([fixed.criteriaError, fixed.layout.symbols]).toEqual([null, ['AAPL']]);
  });

  it('keeps the layout version across compute calls until the view changes', () => {
    const model = createViewModel();
    const quotes = bySymbol(sp500Quotes());
    const v1 = model.compute(quotes).layout.version;
    expect(model.compute(quotes).layout.version).toBe(v1);
    model.setView({ ...DEFAULT_VIEW, width: 800 });
    expect(model.compute(quotes).layout.version).toBe(v1 + 1);
    model.setView({ ...DEFAULT_VIEW, width: 800, zoomSector: 'Energy' });
    const zoomed = model.compute(quotes);
    expect(zoomed.layout.groups[0]).toMatchObject({ kind: 'sector', name: 'Energy', w: 800 });
  });

  it('re-applies a market-cap range when a delta moves caps, but reuses a static filter', () => {
    const quotes = bySymbol(threeList);
    const model = createViewModel({ ...DEFAULT_VIEW, capMin: 5e11 });
    expect(model.compute(quotes).layout.symbols).toEqual(['AAPL', 'JPM']);
    quotes.get('JPM')!.market_cap = 1e11;
    expect(model.compute(quotes).layout.symbols).toEqual(['AAPL']);
    model.setView({ ...DEFAULT_VIEW, sectors: ['Financials'] });
    const first = model.compute(quotes);
    quotes.get('JPM')!.price = 1;
    const second = model.compute(quotes);
    expect([second.layout, [...second.prices]]).toEqual([first.layout, [1]]);
  });

  it('compute(quotes, changed) updates only the changed tiles and matches a full recompute', () => {
    const market = createMarketState();
    applySnapshot(market, { seq: 1, quotes: syntheticQuotes(600) });
    const view = { ...DEFAULT_VIEW, universe: 'synthetic' as const };
    const model = createViewModel(view);
    model.compute(market.quotes, takeChanges(market));
    const symbols = [...market.quotes.keys()];
    let versions = 0;
    for (let seq = 2; seq < 40; seq++) {
      // Every third delta moves caps (re-layouts), the others prices and flags; every fifth touches all.
      const rows = symbols.filter((_, i) => seq % 5 === 0 || (i * 7 + seq) % 5 === 0).map((symbol, i) => {
        const q = market.quotes.get(symbol)!;
        const cap = seq % 3 === 0 ? { market_cap: q.market_cap * (1 + (i % 3) / 50) } : {};
        return { symbol, price: q.price + 1, pct_change: ((i + seq) % 9) - 4, stale: seq % 4 === 0, ...cap };
      });
      applyDelta(market, { seq, quotes: rows });
      const changed = takeChanges(market);
      expect(changed).toHaveLength(rows.length);
      const incremental = model.compute(market.quotes, changed);
      const full = createViewModel(view).compute(market.quotes);
      const fullTile = new Map(full.layout.symbols.map((s, k) => [s, k]));
      const inFullOrder = (full: Float32Array | Uint8Array) => incremental.layout.symbols.map((s) => full[fullTile.get(s)!]);
      expect([...incremental.values]).toEqual(inFullOrder(full.values));
      expect([...incremental.prices]).toEqual(inFullOrder(full.prices));
      expect([...incremental.stale]).toEqual(inFullOrder(full.stale));
      expect(incremental.stats).toEqual(full.stats);
      versions = incremental.layout.version;
    }
    expect(versions).toBeGreaterThan(1);
  });

  it('gives each frame its own tile arrays', () => {
    const model = createViewModel();
    const quotes = bySymbol(sp500Quotes());
    const first = model.compute(quotes);
    first.values.fill(99);
    expect(model.compute(quotes, []).values[0]).not.toBe(99);
  });

  it('clamps a NaN or negative viewport to zero instead of producing NaN geometry', () => {
    const frame = createViewModel({ ...DEFAULT_VIEW, width: Number.NaN, height: -5 }).compute(threeQuotes);
    expect([...frame.layout.w].every((w) => w === 0)).toBe(true);
  });
});
