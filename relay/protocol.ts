/**
 * The wire contract between the relay and its clients, defined once as zod schemas.
 *
 * Vocabulary:
 * - quote: one stock's latest values. `timestamp` is the quote's own time (epoch ms) from the
 *   provider, so a client can tell a closed market (old timestamp, fresh feed) from a frozen feed.
 * - snapshot: every quote the relay holds, with the sequence number `seq` it is current as of.
 * - delta: only the symbols (and fields) that changed since the previous `seq`; its `seq` is
 *   exactly one more than the previous message's, so a client detects gaps.
 * - column delta: the same news for clients that ask for it (`/ws/stocks?deltas=binary`), as one
 *   binary frame of typed columns that name rows by their position in the last snapshot. Parsing
 *   text costs a client ~10 ms for a 6,000-row delta; a binary frame costs nothing to parse. The
 *   byte layout is in `columnDelta.ts`; this module defines what a decoded one must satisfy.
 * - status: the upstream state (`ok`, `degraded`, `rate_limited`, `down`) and the market session.
 *
 * The engine imports this module and `columnDelta.ts` (and nothing else) from relay/. Types come
 * from `z.infer`.
 *
 * Written with zod's mini API (`zod/mini`: the same checks and results, composed by functions
 * instead of methods): the engine worker's bundle carries ~30 KB of zod instead of ~115 KB, and
 * builds these schemas without zod classic's ~40 methods per instance, work it does at every start
 * while the page is loading beside it. The relay's own provider schemas use classic zod.
 */
import * as z from 'zod/mini';
import { en } from 'zod/locales';

// Readable issue messages ("Invalid input: expected number, received string") wherever classic zod
// has not set them up already (the engine worker imports only this API).
z.config(en());

/** The 11 GICS sectors, in the order the heatmap groups them. */
export const SECTORS = [
  'Information Technology',
  'Financials',
  'Health Care',
  'Consumer Discretionary',
  'Communication Services',
  'Industrials',
  'Consumer Staples',
  'Energy',
  'Utilities',
  'Real Estate',
  'Materials',
] as const;
export const SectorSchema = z.enum(SECTORS);
export type Sector = z.infer<typeof SectorSchema>;

/** Membership subsets of the shipped universe; `synthetic` is the 6,000-symbol benchmark universe. */
export const UNIVERSE_IDS = ['sp500', 'ndx', 'dow', 'synthetic'] as const;
export const UniverseIdSchema = z.enum(UNIVERSE_IDS);
export type UniverseId = z.infer<typeof UniverseIdSchema>;

/** Ticker in the dot form for share classes (`BRK.B`); synthetic tickers look like `SYN0042`. */
export const TickerSchema = z.string().check(z.regex(/^[A-Z][A-Z0-9]{0,9}(\.[A-Z])?$/, 'not a ticker symbol'));

// zod 4 numbers are finite: NaN and ±Infinity fail `z.number()` itself.
/** A price (or market cap): finite and above zero. */
export const PriceSchema = z.number().check(z.positive());
/** A sequence number, a count, or a time in epoch ms: a whole number, zero or more. */
export const CountSchema = z.int().check(z.nonnegative());
const price = PriceSchema;
const finite = z.number();
const count = CountSchema;
const epochMs = CountSchema;

export const QuoteSchema = z.object({
  symbol: TickerSchema,
  name: z.string(),
  sector: SectorSchema,
  industry: z.string(),
  indices: z.array(UniverseIdSchema),
  price,
  change: finite,
  /** Percent units: 1.25 means +1.25 %. */
  pct_change: finite,
  volume: count,
  market_cap: price,
  prev_close: price,
  /** The quote's own time, epoch ms. */
  timestamp: epochMs,
  /** True when the latest provider update did not refresh this symbol. */
  stale: z.boolean(),
  /** When it went stale (epoch ms); null when fresh. */
  stale_since: z.nullable(epochMs),
});
export type Quote = z.infer<typeof QuoteSchema>;

/** The fields of a quote that change tick to tick; a delta row carries only the changed ones. */
export const QuoteUpdateSchema = z.extend(
  z.partial(
    z.pick(QuoteSchema, {
      price: true,
      change: true,
      pct_change: true,
      volume: true,
      market_cap: true,
      prev_close: true,
      timestamp: true,
      stale: true,
      stale_since: true,
    }),
  ),
  { symbol: TickerSchema },
);
export type QuoteUpdate = z.infer<typeof QuoteUpdateSchema>;

export const SESSION_PHASES = ['pre', 'regular', 'post', 'closed'] as const;
export const SessionSchema = z.object({
  phase: z.enum(SESSION_PHASES),
  /** Human label: "Pre-market", "Open", "After-hours", "Closed", "Closed — Thanksgiving Day". */
  label: z.string(),
  holiday: z.nullable(z.string()),
  early_close: z.boolean(),
  /** Epoch ms of the next phase change, null when unknown (beyond the shipped calendar). */
  next_change: z.nullable(epochMs),
  /** True when the simulated market pretends to be open regardless of the calendar. */
  simulated: z.boolean(),
});
export type Session = z.infer<typeof SessionSchema>;

export const UPSTREAM_STATES = ['ok', 'degraded', 'rate_limited', 'down'] as const;
export const UpstreamStateSchema = z.enum(UPSTREAM_STATES);
export type UpstreamState = z.infer<typeof UpstreamStateSchema>;

/** Upstream state as clients see it; shared by /api/health, /api/stocks and `status` messages. */
export const FeedStatusSchema = z.object({
  status: UpstreamStateSchema,
  /** Why the state is not `ok`, in words that never include the API key. */
  reason: z.nullable(z.string()),
  /** When the relay will next try the provider (epoch ms), set while rate-limited or backing off. */
  retry_at: z.nullable(epochMs),
  provider: z.string(),
  /** Epoch ms of the last successful provider update, null before the first. */
  last_update: z.nullable(epochMs),
  /** True while the relay serves data that no provider update has confirmed since it started. */
  stale: z.boolean(),
  session: SessionSchema,
});
export type FeedStatus = z.infer<typeof FeedStatusSchema>;

// ---- WebSocket: relay → client -------------------------------------------------------------

export const SnapshotMessageSchema = z.object({
  type: z.literal('snapshot'),
  seq: count,
  sent_at: epochMs,
  feed: FeedStatusSchema,
  quotes: z.array(QuoteSchema),
});
export const DeltaMessageSchema = z.object({
  type: z.literal('delta'),
  seq: z.int().check(z.positive()),
  sent_at: epochMs,
  quotes: z.array(QuoteUpdateSchema),
});

/** The fields a column delta carries for every row it names, in wire order. */
export const COLUMN_FIELDS = ['price', 'change', 'pct_change', 'volume', 'market_cap', 'timestamp'] as const;
export type ColumnField = (typeof COLUMN_FIELDS)[number];

/**
 * A Float64Array whose every value satisfies `scalar`, the quote field's own schema. The fields'
 * schemas are intervals (finite, bounded, maybe integer), so a column is valid when it holds no
 * NaN, its smallest and largest values pass `scalar`, and (for integer fields) every value is whole:
 * one pass over plain numbers instead of a zod call per value.
 */
function columnOf(scalar: z.ZodMiniType<number>) {
  // An integer field's schema is `z.int()`: a number schema of the `safeint` format.
  const integer = (scalar._zod.def as { format?: string }).format === 'safeint';
  return z.instanceof(Float64Array).check(
    z.superRefine((column, ctx) => {
      let lo = 0;
      let hi = 0;
      for (let k = 0; k < column.length; k++) {
        const v = column[k]!;
        if (Number.isNaN(v) || (integer && !Number.isInteger(v))) {
          ctx.addIssue({ code: 'custom', message: `row ${k}: ${v} is not a valid value` });
          return;
        }
        if (v < column[lo]!) lo = k;
        if (v > column[hi]!) hi = k;
      }
      for (const k of column.length > 0 ? [lo, hi] : []) {
        const result = scalar.safeParse(column[k]);
        if (!result.success) ctx.addIssue({ code: 'custom', message: `row ${k}: ${result.error.issues[0]?.message ?? 'invalid'}` });
      }
    }),
  );
}

export const ColumnDeltaMessageSchema = z
  .object({
    type: z.literal('column_delta'),
    seq: z.int().check(z.positive()),
    sent_at: epochMs,
    /** `symbolOrderHash` of the snapshot whose positions `index` names; another order means resync. */
    order: count,
    /** Each row's position in the snapshot's `quotes`. */
    index: z.instanceof(Uint32Array),
    price: columnOf(price),
    change: columnOf(finite),
    pct_change: columnOf(finite),
    volume: columnOf(count),
    market_cap: columnOf(price),
    timestamp: columnOf(epochMs),
  })
  .check(
    z.superRefine((m, ctx) => {
      const short = COLUMN_FIELDS.find((f) => m[f].length !== m.index.length);
      if (short) ctx.addIssue({ code: 'custom', path: [short], message: `${m[short].length} values for ${m.index.length} rows` });
    }),
  );
export type ColumnDeltaMessage = z.infer<typeof ColumnDeltaMessageSchema>;

export const StatusMessageSchema = z.extend(FeedStatusSchema, {
  type: z.literal('status'),
  sent_at: epochMs,
});
export const PingMessageSchema = z.object({ type: z.literal('ping'), t: epochMs });
export const PongMessageSchema = z.object({ type: z.literal('pong'), t: epochMs });
export const ErrorMessageSchema = z.object({
  type: z.literal('error'),
  code: z.enum(['bad_message', 'too_large', 'unknown_type']),
  message: z.string(),
});

export const ServerMessageSchema = z.discriminatedUnion('type', [
  SnapshotMessageSchema,
  DeltaMessageSchema,
  StatusMessageSchema,
  PingMessageSchema,
  PongMessageSchema,
  ErrorMessageSchema,
]);
export type SnapshotMessage = z.infer<typeof SnapshotMessageSchema>;
export type DeltaMessage = z.infer<typeof DeltaMessageSchema>;
export type StatusMessage = z.infer<typeof StatusMessageSchema>;
export type ServerMessage = z.infer<typeof ServerMessageSchema>;

// ---- WebSocket: client → relay -------------------------------------------------------------

/** `resync` asks for a fresh snapshot, e.g. after the client saw a sequence gap. */
export const ClientMessageSchema = z.discriminatedUnion('type', [
  PingMessageSchema,
  PongMessageSchema,
  z.object({ type: z.literal('resync') }),
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

/**
 * How a client wants deltas: `?deltas=json` (the default, `delta` messages) or `?deltas=binary`
 * (`column_delta` frames where the delta allows; the rest still come as `delta`).
 */
export const DELTA_FORMATS = ['json', 'binary'] as const;
export const DeltaFormatSchema = z.enum(DELTA_FORMATS);
export type DeltaFormat = z.infer<typeof DeltaFormatSchema>;

/** Inbound frames larger than this are refused with a close (code 1009). */
export const MAX_CLIENT_FRAME_BYTES = 1024;

/** Close codes the relay uses, so clients can tell why they were dropped. */
export const CLOSE_CODES = {
  tooLarge: 1009,
  policy: 1008,
  /** The client stayed behind its backpressure limit for too long. */
  tooSlow: 4008,
  shuttingDown: 1001,
} as const;

// ---- REST ------------------------------------------------------------------------------------

export const SORT_FIELDS = ['price', 'change', 'pct_change', 'volume', 'market_cap', 'prev_close', 'timestamp'] as const;

/** GET /api/stocks */
export const StocksResponseSchema = z.object({
  seq: count,
  count: count,
  total: count,
  feed: FeedStatusSchema,
  quotes: z.array(QuoteSchema),
});
export type StocksResponse = z.infer<typeof StocksResponseSchema>;

/** Reasons a provider row is dropped instead of broadcast; counted in /api/health. */
export const DROP_REASONS = [
  'schema',
  'missing_symbol',
  'unknown_symbol',
  'non_finite',
  'non_positive_price',
  'absurd_value',
] as const;
export const DropReasonSchema = z.enum(DROP_REASONS);
export type DropReason = z.infer<typeof DropReasonSchema>;

/** GET /api/health */
export const HealthResponseSchema = z.extend(FeedStatusSchema, {
  uptime: z.number().check(z.nonnegative()),
  seq: count,
  symbols: count,
  stale_symbols: count,
  clients: count,
  dropped: z.record(DropReasonSchema, count),
  /** Name of the WebSocket implementation in use; `uws-native` unless the binary failed to load. */
  transport: z.string(),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

/** GET /api/filters */
export const FiltersResponseSchema = z.object({
  sectors: z.array(SectorSchema),
  industries: z.array(z.object({ sector: SectorSchema, industry: z.string() })),
  universes: z.array(z.object({ id: UniverseIdSchema, name: z.string(), count: z.int() })),
  sort_fields: z.array(z.enum(SORT_FIELDS)),
  market_cap: z.object({ min: z.number(), max: z.number() }),
});
export type FiltersResponse = z.infer<typeof FiltersResponseSchema>;

/** Any 4xx body: names the parameter (when one is at fault) and the reason. */
export const ErrorResponseSchema = z.object({
  error: z.string(),
  parameter: z.optional(z.string()),
  reason: z.string(),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
