import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkQuote, validateRow, type RowSpec } from './rows.ts';
import { NON_FINITE_TOKEN } from './body.ts';
import type { ProviderQuote } from '../types.ts';

const NOW = Date.UTC(2026, 2, 3, 15, 30);
const good: ProviderQuote = { symbol: 'AAPL', price: 230.5, change: 2, pct_change: 0.875, volume: 1234.4, prev_close: 228.5, timestamp: NOW - 1000.6 };

const spec: RowSpec<{ p: number; pc: number }> = {
  schema: z.object({ p: z.number(), pc: z.number() }),
  normalize: (row, symbol) => ({ symbol, price: row.p, change: row.p - row.pc, pct_change: 1, volume: 0, prev_close: row.pc, timestamp: NOW }),
};

describe('validateRow(raw, symbol, spec, now)', () => {
  it('returns the normalized quote for a good row', () => {
    expect(validateRow({ p: 10, pc: 9 }, 'MSFT', spec, NOW)).toEqual({ symbol: 'MSFT', price: 10, change: 1, pct_change: 1, volume: 0, prev_close: 9, timestamp: NOW });
  });

  it('rejects a row without a symbol as missing_symbol', () => {
    expect(validateRow({ p: 10, pc: 9 }, null, spec, NOW)).toMatchObject({ reason: 'missing_symbol' });
    expect(validateRow({ p: 10, pc: 9 }, '', spec, NOW)).toMatchObject({ reason: 'missing_symbol' });
  });

  it('rejects a wrong shape as schema, naming the field', () => {
    expect(validateRow({ p: '10', pc: 9 }, 'MSFT', spec, NOW)).toEqual({ reason: 'schema', symbol: 'MSFT', detail: expect.stringMatching(/^p: /) });
    expect(validateRow(null, 'MSFT', spec, NOW)).toMatchObject({ reason: 'schema', detail: expect.stringMatching(/^row: /) });
  });

  it('rejects Infinity and bare-NaN tokens as non_finite rather than schema', () => {
    expect(validateRow({ p: Infinity, pc: 9 }, 'MSFT', spec, NOW)).toEqual({ reason: 'non_finite', symbol: 'MSFT', detail: 'p is Infinity' });
    expect(validateRow({ p: 10, pc: NON_FINITE_TOKEN }, 'MSFT', spec, NOW)).toMatchObject({ reason: 'non_finite', detail: 'pc is not a finite number' });
  });
});

describe('checkQuote(quote, now)', () => {
  it('rounds volume and timestamp of a good quote', () => {
    expect(checkQuote(good, NOW)).toEqual({ ...good, volume: 1234, timestamp: NOW - 1001 });
  });

  it.each([
    [{ change: Number.NaN }, 'non_finite'],
    [{ price: 0 }, 'non_positive_price'],
    [{ price: -1 }, 'non_positive_price'],
    [{ prev_close: 0 }, 'non_positive_price'],
    [{ price: 2e7 }, 'absurd_value'],
    [{ volume: -5 }, 'absurd_value'],
    [{ timestamp: 1_000_000 }, 'absurd_value'],
    [{ timestamp: NOW + 2 * 86_400_000 }, 'absurd_value'],
  ] as const)('rejects %o as %s', (patch, reason) => {
    expect(checkQuote({ ...good, ...patch }, NOW)).toMatchObject({ reason, symbol: 'AAPL' });
  });
});
