/**
 * What-if, not protocol: what parsing, validating and merging a 6,000-row delta costs in today's
 * row format (one object per quote) and in two columnar shapes the relay could send instead
 * (one array per field; the second names rows by their position in the last snapshot rather than
 * by symbol). The columnar schemas are built from QuoteSchema's own field schemas. Nothing in the
 * engine or the relay uses them.
 *
 * Run: npx jiti engine/bench/deltaFormats.ts
 */
import { z } from 'zod';
import { DeltaMessageSchema, QuoteSchema, type Quote } from '../../relay/protocol.ts';
import { applyDelta, applySnapshot, createMarketState } from '../merge.ts';
import { deltaRows, percentile, quotesFor, T0 } from './deltaStream.ts';

const FIELDS = ['price', 'change', 'pct_change', 'volume', 'market_cap', 'timestamp'] as const;
const column = Object.fromEntries(FIELDS.map((f) => [f, z.array(QuoteSchema.shape[f])])) as { [F in (typeof FIELDS)[number]]: z.ZodArray<(typeof QuoteSchema.shape)[F]> };
const head = { type: z.literal('delta'), seq: DeltaMessageSchema.shape.seq, sent_at: DeltaMessageSchema.shape.sent_at };
const BySymbol = z.compile(z.object({ ...head, symbols: z.array(QuoteSchema.shape.symbol), ...column }));
const ByIndex = z.compile(z.object({ ...head, index: z.array(z.number().int().nonnegative()), ...column }));
const Rows = z.compile(DeltaMessageSchema);

type Columns = Record<(typeof FIELDS)[number], number[]>;

/** The columnar counterpart of merge.ts `applyDelta`'s row loop. */
function mergeColumns(at: (k: number) => Quote | undefined, cols: Columns, n: number): void {
  for (let k = 0; k < n; k++) {
    const q = at(k);
    if (!q) continue;
    q.price = cols.price[k]!;
    q.change = cols.change[k]!;
    q.pct_change = cols.pct_change[k]!;
    q.volume = cols.volume[k]!;
    q.market_cap = cols.market_cap[k]!;
    q.timestamp = cols.timestamp[k]!;
  }
}

function run(share: number): void {
  const quotes = quotesFor(6_000);
  const market = createMarketState();
  applySnapshot(market, { seq: 1, quotes });
  const held = [...market.quotes.values()];
  const position = new Map(quotes.map((q, i) => [q.symbol, i]));
  const times = { rows: [] as number[], symbols: [] as number[], index: [] as number[] };
  const bytes = { rows: 0, symbols: 0, index: 0 };
  let d = 0;
  for (const rows of deltaRows(quotes, share, 250)) {
    const cols = Object.fromEntries(FIELDS.map((f) => [f, rows.map((r) => r[f])])) as Columns;
    const texts = {
      rows: JSON.stringify({ type: 'delta', seq: 2, sent_at: T0, quotes: rows }),
      symbols: JSON.stringify({ type: 'delta', seq: 2, sent_at: T0, symbols: rows.map((r) => r.symbol), ...cols }),
      index: JSON.stringify({ type: 'delta', seq: 2, sent_at: T0, index: rows.map((r) => position.get(r.symbol)), ...cols }),
    };
    let t = performance.now();
    const a = Rows.parse(JSON.parse(texts.rows));
    applyDelta(market, { seq: market.seq + 1, quotes: a.quotes });
    const tRows = performance.now() - t;
    t = performance.now();
    const b = BySymbol.parse(JSON.parse(texts.symbols));
    mergeColumns((k) => market.quotes.get(b.symbols[k]!), b, b.symbols.length);
    const tSymbols = performance.now() - t;
    t = performance.now();
    const c = ByIndex.parse(JSON.parse(texts.index));
    mergeColumns((k) => held[c.index[k]!], c, c.index.length);
    const tIndex = performance.now() - t;
    if (d++ < 50) continue;
    times.rows.push(tRows);
    times.symbols.push(tSymbols);
    times.index.push(tIndex);
    for (const k of ['rows', 'symbols', 'index'] as const) bytes[k] += texts[k].length / 200;
  }
  const label = share >= 1 ? 'all' : `${share * 100} %`;
  for (const k of ['rows', 'symbols', 'index'] as const) {
    const name = { rows: 'rows (today)', symbols: 'columns + symbols', index: 'columns + snapshot index' }[k];
    console.log(`| 6,000 × ${label} | ${name} | ${Math.round(bytes[k] / 1024)} KiB | ${percentile(times[k], 50).toFixed(3)} | ${percentile(times[k], 95).toFixed(3)} |`);
  }
}

console.log('| delta | format | size | parse + validate + merge median (ms) | p95 (ms) |');
console.log('|---|---|---:|---:|---:|');
run(1);
run(0.1);
