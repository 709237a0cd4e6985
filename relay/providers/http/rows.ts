/**
 * Row-by-row validation of provider data. Each raw row is parsed with the provider's zod schema,
 * normalized, then sanity-checked; it becomes either a ProviderQuote or a RejectedRow carrying a
 * DROP_REASONS reason. A bad row never takes its neighbours down with it.
 */
import type { z } from 'zod';
import type { ProviderQuote, RejectedRow } from '../types.ts';
import { NON_FINITE_TOKEN } from './body.ts';

/** Quotes before 2000 or more than a day in the future are clock or unit errors, not data. */
const MIN_TIMESTAMP = Date.UTC(2000, 0, 1);
const MAX_AHEAD_MS = 86_400_000;
const MAX_PRICE = 10_000_000;
const MAX_VOLUME = 1e12;

export type RowResult = ProviderQuote | RejectedRow;

export interface RowSpec<T> {
  schema: z.ZodType<T>;
  /** Maps a schema-valid row to the relay's units, or rejects it (e.g. an unknown-symbol row). */
  normalize: (row: T, symbol: string) => RowResult;
}

export function isRejected(result: RowResult): result is RejectedRow {
  return 'reason' in result;
}

/** Validates one raw row for `symbol` (null when the row carried none). */
export function validateRow<T>(raw: unknown, symbol: string | null, spec: RowSpec<T>, now: number): RowResult {
  if (symbol === null || symbol === '') return { reason: 'missing_symbol', detail: 'row has no symbol' };
  const parsed = spec.schema.safeParse(raw);
  if (!parsed.success) return schemaRejection(parsed.error, raw, symbol);
  const normalized = spec.normalize(parsed.data, symbol);
  return isRejected(normalized) ? normalized : checkQuote(normalized, now);
}

/** Sanity checks on normalized values; rounds volume and timestamp to integers. */
export function checkQuote(quote: ProviderQuote, now: number): RowResult {
  const { symbol } = quote;
  for (const field of ['price', 'change', 'pct_change', 'volume', 'prev_close', 'timestamp'] as const) {
    if (!Number.isFinite(quote[field])) return { reason: 'non_finite', symbol, detail: `${field} is ${quote[field]}` };
  }
  if (quote.price <= 0) return { reason: 'non_positive_price', symbol, detail: `price ${quote.price}` };
  if (quote.prev_close <= 0) return { reason: 'non_positive_price', symbol, detail: `prev_close ${quote.prev_close}` };
  if (quote.price > MAX_PRICE) return { reason: 'absurd_value', symbol, detail: `price ${quote.price}` };
  if (quote.volume < 0 || quote.volume > MAX_VOLUME) return { reason: 'absurd_value', symbol, detail: `volume ${quote.volume}` };
  if (quote.timestamp < MIN_TIMESTAMP || quote.timestamp > now + MAX_AHEAD_MS) {
    return { reason: 'absurd_value', symbol, detail: `timestamp ${quote.timestamp}` };
  }
  return { ...quote, volume: Math.round(quote.volume), timestamp: Math.round(quote.timestamp) };
}

/** A schema failure; `non_finite` when the offending value is a number such as Infinity (JSON `1e999`). */
function schemaRejection(error: z.ZodError, raw: unknown, symbol: string): RejectedRow {
  for (const issue of error.issues) {
    const value = valueAt(raw, issue.path);
    if ((typeof value === 'number' && !Number.isFinite(value)) || value === NON_FINITE_TOKEN) {
      const shown = value === NON_FINITE_TOKEN ? 'not a finite number' : `${value}`;
      return { reason: 'non_finite', symbol, detail: `${issue.path.join('.')} is ${shown}` };
    }
  }
  const first = error.issues[0];
  const where = first && first.path.length > 0 ? first.path.join('.') : 'row';
  return { reason: 'schema', symbol, detail: `${where}: ${first?.message ?? 'invalid'}` };
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
