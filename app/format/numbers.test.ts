// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { formatChange, formatCompact, formatMarketCap, formatPct, formatPrice, tilePctLabel } from './numbers.ts';

describe('number formats', () => {
  it('formatPct(pct) signs with + and a true minus, one decimal from ±10 %', () => {
    expect(formatPct(1.234)).toBe('+1.23%');
    expect(formatPct(-0.5)).toBe('−0.50%');
    expect(formatPct(0.001)).toBe('0.00%');
    expect(formatPct(-12.345)).toBe('−12.3%');
    expect(formatPct(NaN)).toBe('—');
  });

  it('tilePctLabel(pct) adds the arrow cue except when unchanged', () => {
    expect(tilePctLabel(2)).toBe('▲ +2.00%');
    expect(tilePctLabel(-2)).toBe('▼ −2.00%');
    expect(tilePctLabel(0.004)).toBe('0.00%');
  });

  it('formatPrice(price) groups thousands and keeps pennies for sub-dollar prices', () => {
    expect(formatPrice(1038.8712)).toBe('1,038.87');
    expect(formatPrice(0.12345)).toBe('0.1235');
    expect(formatPrice(5)).toBe('5.00');
    expect(formatPrice(1234567.891)).toBe('1,234,567.89');
    expect(formatPrice(0.1)).toBe('0.10');
    expect(formatPrice(0.99996)).toBe('1.00');
  });

  it('formatPrice(price) rounds like en-US Intl.NumberFormat, halves up on the shortest decimal form', () => {
    const whole = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const penny = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 });
    expect(formatPrice(2.675)).toBe('2.68');
    expect(formatPrice(6.5249999999999995)).toBe('6.52');
    const prices = [1.005, 999.995, 0.00005, 0.125, 5e-7];
    for (let i = 0; i < 2000; i++) prices.push(Math.fround(((i * 7919) % 1000) / 7 + i / 1000), Math.round(i * 12.345) / 1000 + 0.005);
    for (const price of prices) expect(formatPrice(price), String(price)).toBe((price < 1 ? penny : whole).format(price));
  });

  it('formatChange, formatCompact and formatMarketCap', () => {
    expect(formatChange(-0.214)).toBe('−0.21');
    expect(formatChange(0.001)).toBe('0.00');
    expect(formatCompact(1_234_567)).toBe('1.23M');
    expect(formatCompact(999)).toBe('999');
    expect(formatMarketCap(4.5147e12)).toBe('$4.51T');
    expect(formatMarketCap(44.9e9)).toBe('$44.9B');
  });
});
