/**
 * A recursive-descent parser for criteria expressions such as
 * `pct_change > 2 and volume > 1e6` or `sector = "Energy" or not (price < 20)`.
 *
 * Grammar (lowest precedence first; keywords and field names are case-insensitive):
 *   expression := or
 *   or         := and ("or" and)*
 *   and        := unary ("and" unary)*
 *   unary      := "not" unary | "(" or ")" | comparison
 *   comparison := operand ("=" | "!=" | "<" | "<=" | ">" | ">=") operand
 *   operand    := field | number | "-" number | "text in double quotes"
 * Text compares only with `=` / `!=`, numbers with any operator. Nothing is ever evaluated as
 * code: the result is a plain tree that evaluate.ts walks.
 */
import type { CriteriaError } from '../api.ts';
import { isNumberField, isTextField, type Field } from './fields.ts';
import { CriteriaSyntaxError, tokenize, type CompareOp, type Token } from './tokenize.ts';

export type Operand = { kind: 'field'; field: Field } | { kind: 'number'; value: number } | { kind: 'text'; value: string };

export type Criteria =
  | { kind: 'and' | 'or'; left: Criteria; right: Criteria }
  | { kind: 'not'; operand: Criteria }
  | { kind: 'compare'; op: CompareOp; left: Operand; right: Operand };

export type ParsedCriteria = { ok: true; criteria: Criteria | null } | { ok: false; error: CriteriaError };

/** Parses criteria text; blank text means "no criteria" (`criteria: null`), never an error. */
export function parseCriteria(text: string): ParsedCriteria {
  if (text.trim() === '') return { ok: true, criteria: null };
  try {
    const parser = new Parser(tokenize(text));
    const criteria = parser.or();
    parser.expectEnd();
    return { ok: true, criteria };
  } catch (error) {
    if (error instanceof CriteriaSyntaxError) return { ok: false, error: { message: error.message, position: error.position } };
    throw error;
  }
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private get next(): Token {
    return this.tokens[this.i]!;
  }

  or(): Criteria {
    let left = this.and();
    while (this.next.kind === 'or') {
      this.i++;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): Criteria {
    let left = this.unary();
    while (this.next.kind === 'and') {
      this.i++;
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): Criteria {
    const token = this.next;
    if (token.kind === 'not') {
      this.i++;
      return { kind: 'not', operand: this.unary() };
    }
    if (token.kind === '(') {
      this.i++;
      const inner = this.or();
      if (this.next.kind !== ')') throw new CriteriaSyntaxError('expected ")"', this.next.pos);
      this.i++;
      return inner;
    }
    return this.comparison();
  }

  private comparison(): Criteria {
    const leftPos = this.next.pos;
    const left = this.operand();
    const opToken = this.next;
    if (opToken.kind !== 'op') throw new CriteriaSyntaxError('expected a comparison operator', opToken.pos);
    this.i++;
    const rightPos = this.next.pos;
    const right = this.operand();
    checkTypes({ left, right, op: opToken.op, leftPos, opPos: opToken.pos, rightPos });
    return { kind: 'compare', op: opToken.op, left, right };
  }

  private operand(): Operand {
    const token = this.next;
    this.i++;
    if (token.kind === 'number' || token.kind === 'string') {
      return token.kind === 'number' ? { kind: 'number', value: token.value } : { kind: 'text', value: token.value };
    }
    if (token.kind === '-' && this.next.kind === 'number') {
      const number = this.next as Extract<Token, { kind: 'number' }>;
      this.i++;
      return { kind: 'number', value: -number.value };
    }
    if (token.kind === 'ident') {
      const name = token.name.toLowerCase();
      if (isNumberField(name) || isTextField(name)) return { kind: 'field', field: name };
      throw new CriteriaSyntaxError(`unknown field "${token.name}"`, token.pos);
    }
    throw new CriteriaSyntaxError('expected a value', token.kind === '-' ? this.next.pos : token.pos);
  }

  expectEnd(): void {
    if (this.next.kind !== 'end') throw new CriteriaSyntaxError('expected "and", "or" or the end', this.next.pos);
  }
}

type OperandType = 'number' | 'text';

function typeOf(operand: Operand): OperandType {
  if (operand.kind === 'field') return isNumberField(operand.field) ? 'number' : 'text';
  return operand.kind;
}

function checkTypes(c: { left: Operand; right: Operand; op: CompareOp; leftPos: number; opPos: number; rightPos: number }): void {
  if (c.left.kind !== 'field' && c.right.kind !== 'field') throw new CriteriaSyntaxError('expected a field on one side', c.leftPos);
  const left = typeOf(c.left);
  const right = typeOf(c.right);
  if (left !== right) {
    const field = c.left.kind === 'field' ? c.left.field : (c.right as { field: Field }).field;
    const other = c.left.kind === 'field' ? right : left;
    throw new CriteriaSyntaxError(`cannot compare ${field} with ${other === 'number' ? 'a number' : 'text'}`, c.left.kind === 'field' ? c.rightPos : c.leftPos);
  }
  if (left === 'text' && c.op !== '=' && c.op !== '!=') throw new CriteriaSyntaxError(`"${c.op}" compares numbers, not text`, c.opPos);
}
