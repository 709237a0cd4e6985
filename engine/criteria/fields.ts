/** The quote fields a criteria expression may name, and whether each compares as a number or text. */
import type { Quote } from '../../relay/protocol.ts';

export const NUMBER_FIELDS = ['price', 'change', 'pct_change', 'volume', 'market_cap', 'prev_close'] as const;
export const TEXT_FIELDS = ['symbol', 'name', 'sector', 'industry'] as const;

export type NumberField = (typeof NUMBER_FIELDS)[number];
export type TextField = (typeof TEXT_FIELDS)[number];
export type Field = NumberField | TextField;

const numberFields: ReadonlySet<string> = new Set(NUMBER_FIELDS);
const textFields: ReadonlySet<string> = new Set(TEXT_FIELDS);

export function isNumberField(name: string): name is NumberField {
  return numberFields.has(name);
}

export function isTextField(name: string): name is TextField {
  return textFields.has(name);
}

/** Reads a field for evaluation; both field lists are keys of `Quote`, so this is total. */
export function fieldValue(quote: Quote, field: Field): number | string {
  return quote[field];
}
