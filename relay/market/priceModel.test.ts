import { describe, expect, it } from 'vitest';
import { loadShippedUniverse } from '../universe.ts';
import { createRandom } from '../providers/random.ts';
import { createPriceModel, SESSION_SECONDS } from './priceModel.ts';

const universe = loadShippedUniverse().slice(0, 20);

describe('createPriceModel(universe, random)', () => {
  it('starts every stock at its ref_price with no volume', () => {
    const model = createPriceModel(universe, createRandom(1));
    expect(universe.map((_, i) => model.price(i))).toEqual(universe.map((m) => m.ref_price));
    expect(universe.map((_, i) => model.volume(i))).toEqual(universe.map(() => 0));
  });

  it('advance(0) changes nothing instead of dividing by a zero step', () => {
    const model = createPriceModel(universe, createRandom(1));
    model.advance(0);
    expect(universe.map((_, i) => [model.price(i), model.volume(i)])).toEqual(universe.map((m) => [m.ref_price, 0]));
  });

  it('trades about 0.6 % of market cap over a session, in dollars', () => {
    const model = createPriceModel(universe, createRandom(2));
    for (let s = 0; s < 390; s++) model.advance(SESSION_SECONDS / 390);
    const turnover = universe.map((m, i) => (model.volume(i) * m.ref_price) / m.market_cap);
    const average = turnover.reduce((a, b) => a + b, 0) / turnover.length;
    expect(average).toBeGreaterThan(0.003);
    expect(average).toBeLessThan(0.012);
  });
});
