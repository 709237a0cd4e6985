import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.ts';

const kinds = (text: string) => tokenize(text).map((t) => ('value' in t ? t.value : 'op' in t ? t.op : 'name' in t ? t.name : t.kind));

describe('tokenize(text)', () => {
  it('reads numbers with decimals, exponents and K/M/B/T suffixes', () => {
    expect(kinds('1 2.5 .5 1e6 1.5E-2 10k 2M 3b 1.5T')).toEqual([1, 2.5, 0.5, 1e6, 0.015, 1e4, 2e6, 3e9, 1.5e12, 'end']);
  });

  it('reads operators, keywords in any case, parentheses and text with escapes', () => {
    expect(kinds('a<=b >= != = < > AND Or nOt ( ) "x \\"y\\" \\\\"')).toEqual(['a', '<=', 'b', '>=', '!=', '=', '<', '>', 'and', 'or', 'not', '(', ')', 'x "y" \\', 'end']);
  });

  it('accepts == as =', () => {
    expect(kinds('price == 2')).toEqual(['price', '=', 2, 'end']);
  });

  it('records 0-based start positions', () => {
    expect(tokenize('  price >= 10').map((t) => t.pos)).toEqual([2, 8, 11, 13]);
  });

  it.each([
    ['price > 1x', 'invalid number "1x" at 8'],
    ['price > 1e', 'invalid number "1e" at 8'],
    ['price > 1.2.3', 'invalid number "1.2.3" at 8'],
    ['name = "abc', 'unterminated text at 7'],
    ["name = 'abc'", 'use double quotes for text at 7'],
    ['price > 1 && volume > 2', 'use "and" instead of "&&" at 10'],
    ['!(price > 1)', 'use "not" instead of "!" at 0'],
    ['price # 2', 'unexpected character "#" at 6'],
  ])('rejects %j with "%s"', (text, message) => {
    expect(() => tokenize(text)).toThrow(message);
  });
});
