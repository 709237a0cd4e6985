/**
 * Evaluates a parsed criteria tree against one quote by walking it: no generated code. Text
 * comparisons ignore case, so `sector = "energy"` matches "Energy".
 */
import type { Quote } from '../../relay/protocol.ts';
import { fieldValue } from './fields.ts';
import type { Criteria, Operand } from './parse.ts';
import type { CompareOp } from './tokenize.ts';

export function evaluateCriteria(criteria: Criteria, quote: Quote): boolean {
  switch (criteria.kind) {
    case 'and':
      return evaluateCriteria(criteria.left, quote) && evaluateCriteria(criteria.right, quote);
    case 'or':
      return evaluateCriteria(criteria.left, quote) || evaluateCriteria(criteria.right, quote);
    case 'not':
      return !evaluateCriteria(criteria.operand, quote);
    case 'compare':
      return compare(criteria.op, valueOf(criteria.left, quote), valueOf(criteria.right, quote));
  }
}

function valueOf(operand: Operand, quote: Quote): number | string {
  if (operand.kind === 'field') {
    const value = fieldValue(quote, operand.field);
    return typeof value === 'string' ? value.toLowerCase() : value;
  }
  return operand.kind === 'text' ? operand.value.toLowerCase() : operand.value;
}

function compare(op: CompareOp, a: number | string, b: number | string): boolean {
  switch (op) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
}
