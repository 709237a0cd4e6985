/**
 * Splits a criteria expression into tokens, each with its 0-based start offset so every later
 * error can point at the exact character. Numbers accept decimals, exponents (`1e6`) and the
 * suffixes K, M, B, T (`2B` = 2e9); strings use double quotes with `\"` and `\\` escapes.
 */
export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type Token =
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'string'; value: string; pos: number }
  | { kind: 'ident'; name: string; pos: number }
  | { kind: 'op'; op: CompareOp; pos: number }
  | { kind: 'and' | 'or' | 'not' | '(' | ')' | '-' | 'end'; pos: number };

/** A syntax error at a position; parseCriteria turns it into a CriteriaError value. */
export class CriteriaSyntaxError extends Error {
  constructor(readonly reason: string, readonly position: number) {
    super(`${reason} at ${position}`);
  }
}

const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?([kmbt])?/iy;
const IDENT = /[a-z_][a-z0-9_]*/iy;
const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, t: 1e12 };
const OPS: readonly CompareOp[] = ['<=', '>=', '!=', '=', '<', '>'];
/** Spellings from other languages, pointed at the word this grammar uses. */
const FOREIGN: Record<string, string> = { '&&': 'and', '||': 'or', '!': 'not', '==': '=' };

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === '-') {
      tokens.push({ kind: c, pos: i++ });
    } else if (c === '"') {
      i = readString(text, i, tokens);
    } else if (/[\d.]/.test(c)) {
      i = readNumber(text, i, tokens);
    } else if (/[a-z_]/i.test(c)) {
      IDENT.lastIndex = i;
      const word = IDENT.exec(text)![0];
      const lower = word.toLowerCase();
      tokens.push(lower === 'and' || lower === 'or' || lower === 'not' ? { kind: lower, pos: i } : { kind: 'ident', name: word, pos: i });
      i += word.length;
    } else {
      i = readOperator(text, i, tokens);
    }
  }
  tokens.push({ kind: 'end', pos: text.length });
  return tokens;
}

function readOperator(text: string, i: number, tokens: Token[]): number {
  const foreign = Object.keys(FOREIGN).find((f) => text.startsWith(f, i) && !(f === '!' && text[i + 1] === '='));
  if (foreign === '==') {
    tokens.push({ kind: 'op', op: '=', pos: i });
    return i + 2;
  }
  if (foreign) throw new CriteriaSyntaxError(`use "${FOREIGN[foreign]}" instead of "${foreign}"`, i);
  const op = OPS.find((o) => text.startsWith(o, i));
  if (op) {
    tokens.push({ kind: 'op', op, pos: i });
    return i + op.length;
  }
  if (text[i] === "'") throw new CriteriaSyntaxError('use double quotes for text', i);
  throw new CriteriaSyntaxError(`unexpected character "${text[i]}"`, i);
}

function readNumber(text: string, i: number, tokens: Token[]): number {
  NUMBER.lastIndex = i;
  const match = NUMBER.exec(text);
  const end = match ? i + match[0].length : i;
  // `1x` or `1.2.3` is one malformed number, not a number followed by something else.
  if (!match || /[a-z0-9_.]/i.test(text[end] ?? '')) {
    const bad = /[a-z0-9_.]+/iy;
    bad.lastIndex = i;
    throw new CriteriaSyntaxError(`invalid number "${bad.exec(text)?.[0] ?? text[i]}"`, i);
  }
  const suffix = match[1]?.toLowerCase();
  const digits = suffix ? match[0].slice(0, -1) : match[0];
  tokens.push({ kind: 'number', value: Number(digits) * (suffix ? SUFFIX[suffix]! : 1), pos: i });
  return end;
}

function readString(text: string, start: number, tokens: Token[]): number {
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      tokens.push({ kind: 'string', value, pos: start });
      return i + 1;
    }
    if (c === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) value += text[++i];
    else value += c;
  }
  throw new CriteriaSyntaxError('unterminated text', start);
}
