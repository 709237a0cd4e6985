import { describe, expect, it } from 'vitest';
import { parseCriteria } from './parse.ts';

describe('parseCriteria(text)', () => {
  it('treats blank text as no criteria', () => {
    expect(parseCriteria('  ')).toEqual({ ok: true, criteria: null });
  });

  it('parses a comparison with a field on either side', () => {
    expect(parseCriteria('pct_change > 2')).toEqual({
      ok: true,
      criteria: { kind: 'compare', op: '>', left: { kind: 'field', field: 'pct_change' }, right: { kind: 'number', value: 2 } },
    });
    expect(parseCriteria('-2 >= CHANGE')).toMatchObject({ ok: true, criteria: { left: { kind: 'number', value: -2 }, right: { field: 'change' } } });
  });

  it('binds "and" tighter than "or" and "not" tighter than both', () => {
    const parsed = parseCriteria('not price < 1 or volume > 1 and change = 0');
    expect(parsed.ok && parsed.criteria).toMatchObject({
      kind: 'or',
      left: { kind: 'not', operand: { kind: 'compare', op: '<' } },
      right: { kind: 'and', left: { op: '>' }, right: { op: '=' } },
    });
  });

  it('lets parentheses override precedence', () => {
    const parsed = parseCriteria('(price < 1 or volume > 1) and sector = "Energy"');
    expect(parsed.ok && parsed.criteria).toMatchObject({ kind: 'and', left: { kind: 'or' }, right: { right: { kind: 'text', value: 'Energy' } } });
  });

  it.each([
    'pct_change > 2 and volume > 1e6',
    'sector = "Energy" or price < 20',
    'market_cap >= 2B and not (industry = "Semiconductors")',
    'price > prev_close',
    'symbol != "AAPL" and name = "Apple Inc."',
  ])('accepts the documented form %j', (text) => {
    expect(parseCriteria(text).ok).toBe(true);
  });

  it.each([
    ['pct_change > 2 and', 'expected a value at 18'],
    ['pct_change >', 'expected a value at 12'],
    ['pct_change > and', 'expected a value at 13'],
    ['price 5', 'expected a comparison operator at 6'],
    ['(price > 1', 'expected ")" at 10'],
    ['price > 1)', 'expected "and", "or" or the end at 9'],
    ['price > 1 volume > 2', 'expected "and", "or" or the end at 10'],
    ['colour = "red"', 'unknown field "colour" at 0'],
    ['sector > "A"', '">" compares numbers, not text at 7'],
    ['sector = 5', 'cannot compare sector with a number at 9'],
    ['price = "cheap"', 'cannot compare price with text at 8'],
    ['1 < 2', 'expected a field on one side at 0'],
    ['price > - volume', 'expected a value at 10'],
    ['price > 2 and pct_change >', 'expected a value at 26'],
  ])('rejects %j with "%s"', (text, message) => {
    const parsed = parseCriteria(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.message).toBe(message);
      expect(parsed.error.position).toBe(Number(message.split(' at ').pop()));
    }
  });
});
