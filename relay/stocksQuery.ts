/**
 * GET /api/stocks query parameters: parsed once at the edge, so a bad parameter is a 400 that names
 * it and says why, never a 500 and never silently ignored.
 */
import { z } from 'zod';
import { SECTORS, SORT_FIELDS, SectorSchema, UniverseIdSchema, type Quote, type Sector, type UniverseId } from './protocol.ts';

export interface StocksQuery {
  sectors: Sector[];
  q: string;
  limit: number | null;
  sort: { field: (typeof SORT_FIELDS)[number]; descending: boolean } | null;
  universe: UniverseId | null;
}

const MAX_LIMIT = 10_000;
const PARAMETERS = ['sector', 'q', 'limit', 'sort', 'universe'] as const;
type Parameter = (typeof PARAMETERS)[number];

export type QueryResult = { ok: true; query: StocksQuery } | { ok: false; parameter: string; reason: string };

// Core types: `universe` is the wire contract's enum (protocol.ts, zod's mini API).
const parsers: Record<Parameter, z.core.$ZodType> = {
  // Comma-separated so one link can ask for several sectors.
  sector: z.string().transform((s) => s.split(',').map((x) => x.trim())).pipe(z.array(SectorSchema)),
  q: z.string().max(64, 'at most 64 characters'),
  limit: z.string().regex(/^\d+$/, 'must be a positive integer').transform(Number)
    .pipe(z.number().int().min(1, 'must be at least 1').max(MAX_LIMIT, `must be at most ${MAX_LIMIT}`)),
  sort: z.string().regex(/^-?[a-z_]+$/, 'must be a field name, optionally prefixed with -')
    .refine((s) => (SORT_FIELDS as readonly string[]).includes(s.replace(/^-/, '')), {
      message: `unknown sort field; one of ${SORT_FIELDS.join(', ')}`,
    }),
  universe: UniverseIdSchema,
};

function describe(issue: z.core.$ZodIssue, parameter: Parameter): string {
  if (issue.code === 'invalid_value' && parameter === 'sector') return `unknown sector; one of ${SECTORS.join(', ')}`;
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.join(', ')}`;
  return issue.message;
}

/** Parses a URL query string (without the `?`). */
export function parseStocksQuery(search: string): QueryResult {
  const params = new URLSearchParams(search);
  const values: Partial<Record<Parameter, unknown>> = {};
  for (const [name, raw] of params) {
    if (!(PARAMETERS as readonly string[]).includes(name)) {
      return { ok: false, parameter: name, reason: `unknown parameter; allowed: ${PARAMETERS.join(', ')}` };
    }
    const parameter = name as Parameter;
    if (values[parameter] !== undefined) return { ok: false, parameter, reason: 'given more than once' };
    if (raw === '' && parameter !== 'q') continue;
    const parsed = z.safeParse(parsers[parameter], raw);
    if (!parsed.success) return { ok: false, parameter, reason: describe(parsed.error.issues[0]!, parameter) };
    values[parameter] = parsed.data;
  }
  const sort = values.sort as string | undefined;
  return {
    ok: true,
    query: {
      sectors: (values.sector as Sector[] | undefined) ?? [],
      q: ((values.q as string | undefined) ?? '').trim().toLowerCase(),
      limit: (values.limit as number | undefined) ?? null,
      sort: sort ? { field: sort.replace(/^-/, '') as (typeof SORT_FIELDS)[number], descending: sort.startsWith('-') } : null,
      universe: (values.universe as UniverseId | undefined) ?? null,
    },
  };
}

/** Applies a parsed query; `total` is the count before `limit`. */
export function selectQuotes(quotes: readonly Quote[], query: StocksQuery): { quotes: Quote[]; total: number } {
  let rows = quotes.filter((quote) =>
    (query.sectors.length === 0 || query.sectors.includes(quote.sector)) &&
    (query.universe === null || quote.indices.includes(query.universe)) &&
    (query.q === '' || quote.symbol.toLowerCase().includes(query.q) || quote.name.toLowerCase().includes(query.q)));
  if (query.sort) {
    const { field, descending } = query.sort;
    const sign = descending ? -1 : 1;
    rows = rows.sort((a, b) => sign * (a[field] - b[field]) || a.symbol.localeCompare(b.symbol));
  }
  const total = rows.length;
  return { quotes: query.limit === null ? rows : rows.slice(0, query.limit), total };
}
