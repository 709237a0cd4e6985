import { describe, expect, it } from 'vitest';
import { fromProviderSymbol, toProviderSymbol } from './symbols.ts';

describe('toProviderSymbol(symbol, style)', () => {
  it('keeps the dot form for dot-style providers (Massive, Alpaca, Finnhub)', () => {
    expect(toProviderSymbol('BRK.B', 'dot')).toBe('BRK.B');
    expect(toProviderSymbol('AAPL', 'dot')).toBe('AAPL');
  });

  it('writes share classes with a dash for dash-style providers (Yahoo, FMP)', () => {
    expect(toProviderSymbol('BRK.B', 'dash')).toBe('BRK-B');
    expect(toProviderSymbol('BF.B', 'dash')).toBe('BF-B');
    expect(toProviderSymbol('MSFT', 'dash')).toBe('MSFT');
  });
});

describe('fromProviderSymbol(symbol)', () => {
  it('maps every share-class spelling back to the dot form', () => {
    expect(fromProviderSymbol('BRK-B')).toBe('BRK.B');
    expect(fromProviderSymbol('BRK/B')).toBe('BRK.B');
    expect(fromProviderSymbol('BRK.B')).toBe('BRK.B');
    expect(fromProviderSymbol(' brk.b ')).toBe('BRK.B');
  });

  it('round-trips with toProviderSymbol for both styles', () => {
    for (const symbol of ['BRK.B', 'BF.B', 'GOOGL', 'A']) {
      expect(fromProviderSymbol(toProviderSymbol(symbol, 'dash'))).toBe(symbol);
      expect(fromProviderSymbol(toProviderSymbol(symbol, 'dot'))).toBe(symbol);
    }
  });
});
