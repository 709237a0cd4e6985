/**
 * What the engine keeps in IndexedDB, as zod schemas: read back through `safeParse` like any
 * other input, because a database can be corrupt, foreign or from another version of the app.
 */
import * as z from 'zod/mini';
import { CountSchema, FeedStatusSchema, PriceSchema, QuoteSchema, TickerSchema } from '../relay/protocol.ts';

/** The last-good snapshot, stored as ONE value: one put instead of thousands. */
export const CachedSnapshotSchema = z.object({
  seq: CountSchema,
  /** When the engine saved it, epoch ms. */
  saved_at: CountSchema,
  feed: z.nullable(FeedStatusSchema),
  quotes: z.array(QuoteSchema),
});
export type CachedSnapshot = z.infer<typeof CachedSnapshotSchema>;

/** One symbol's intraday series, oldest first; `t` and `price` are parallel. */
export const HistoryRowSchema = z
  .object({ symbol: TickerSchema, t: z.array(CountSchema), price: z.array(PriceSchema) })
  .check(z.refine((row) => row.t.length === row.price.length, { message: 't and price differ in length' }));
export type HistoryRow = z.infer<typeof HistoryRowSchema>;
