import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW } from './api.ts';
import { createViewModel } from './viewModel.ts';
import type { Quote } from '../relay/protocol.ts';
import { sp500Quotes, threeQuotes as threeList } from './test/fixtures.ts';

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

  it('clamps a NaN or negative viewport to zero instead of producing NaN geometry', () => {
    const frame = createViewModel({ ...DEFAULT_VIEW, width: Number.NaN, height: -5 }).compute(threeQuotes);
    expect([...frame.layout.w].every((w) => w === 0)).toBe(true);
  });
});
