/**
 * The per-delta work split into its stages, each timed on its own. The steps are the ones
 * feedSync.onMessage and viewModel.compute run, called one by one (keep them in step with those
 * two); the end-to-end numbers come from the real calls in engineBench.ts.
 */
import { DEFAULT_VIEW, type EngineStatus, type View } from '../api.ts';
import { filterQuotes } from '../filter.ts';
import { frameFor } from '../frame.ts';
import { createHistoryBook, recordBeforeTick } from '../history.ts';
import { computeLayout } from '../layout.ts';
import { applyColumnDelta, applySnapshot, createMarketState, takeChanges } from '../merge.ts';
import { computeStats } from '../stats.ts';
import { arrangeTiles, createColumns, updateColumns } from '../tileColumns.ts';
import { parseServerMessage } from '../validate.ts';
import { deltaFrames, quotesFor } from './deltaStream.ts';

export const STAGES = ['decode + validate', 'merge + history', 'view columns', 'layout check / re-layout', 'stats + frame'] as const;

export interface StageTimes {
  /** Per stage, one time per measured delta (ms). */
  stages: number[][];
  rows: number;
}

export const BENCH_VIEW: View = { ...DEFAULT_VIEW, universe: 'synthetic', width: 1920, height: 1080 };

export const BENCH_STATUS: EngineStatus = {
  connection: 'live', feed: null, dataTime: null, receivedAt: null, stale: false, fromCache: false,
  retryAt: null, invalidMessages: 0, storage: 'ok',
};

/** The stages of one binary column delta, the format the engine asks the relay for. */
export function measureStages(count: number, share: number, o: { warmup: number; runs: number }): StageTimes {
  const quotes = quotesFor(count);
  const market = createMarketState();
  applySnapshot(market, { seq: 1, quotes });
  const history = createHistoryBook();
  const shown = filterQuotes(market.quotes.values(), BENCH_VIEW, null);
  const columns = createColumns(shown.quotes, BENCH_VIEW);
  const input = { quotes: shown.quotes, sizeBy: BENCH_VIEW.sizeBy, width: BENCH_VIEW.width, height: BENCH_VIEW.height, sizes: columns.sizes };
  let layout = computeLayout(input, null);
  arrangeTiles(columns, layout.order);
  takeChanges(market);
  let seen = layout.layout.version;
  const out: StageTimes = { stages: STAGES.map(() => []), rows: 0 };
  let d = 0;
  for (const frame of deltaFrames(quotes, share, o.warmup + o.runs, market.seq, 'binary')) {
    const t = [performance.now()];
    const parsed = parseServerMessage(frame);
    t.push(performance.now());
    if (!parsed.ok || parsed.value.type !== 'column_delta') throw new Error(parsed.ok ? parsed.value.type : parsed.detail);
    const delta = parsed.value;
    if (applyColumnDelta(market, delta, (quote, next) => recordBeforeTick(history, quote, next)) !== 'applied') throw new Error('not applied');
    t.push(performance.now());
    updateColumns(columns, takeChanges(market) ?? []);
    t.push(performance.now());
    layout = computeLayout(input, layout);
    if (columns.order !== layout.order) arrangeTiles(columns, layout.order);
    t.push(performance.now());
    const view = {
      values: columns.values.slice(), prices: columns.prices.slice(), stale: columns.stale.slice(),
      layout: layout.layout, stats: computeStats(shown.quotes, shown.total, columns.pct), criteriaError: null,
    };
    frameFor(view, { seq: market.seq, status: BENCH_STATUS, seenVersion: seen, owned: true });
    t.push(performance.now());
    seen = layout.layout.version;
    if (d++ < o.warmup) continue;
    out.rows += delta.index.length / o.runs;
    STAGES.forEach((_, s) => out.stages[s]!.push(t[s + 1]! - t[s]!));
  }
  return out;
}
