/**
 * The simulated market as a Provider: a seeded factor model (relay/market/priceModel.ts) that
 * moves one tick per `tickMs` of simulated time, where simulated time runs at `speed` × real time.
 * Each fetch catches up on the ticks that elapsed since the previous one (at least one), applies the
 * fault in force, and validates its own rows the way a real provider validates a response.
 *
 * Sessions: every SESSION_SECONDS of simulated trading is one trading day. When one ends, each
 * stock's last price becomes its previous close and its volume starts again from zero, so a relay
 * left running for days shows each day's moves, not the drift since it started.
 */
import { createPriceModel, SESSION_SECONDS } from '../market/priceModel.ts';
import type { UniverseMember } from '../universe.ts';
import { applyRowFault, delayFor, throwIfFailing, type FaultController, type RawRow } from './faults.ts';
import { createRandom } from './random.ts';
import { TransientError, type FetchContext, type Provider, type ProviderBatch, type ProviderQuote, type RejectedRow } from './types.ts';

export interface SimulatedProviderOptions {
  universe: readonly UniverseMember[];
  seed: number;
  /** Simulated ms per tick. */
  tickMs: number;
  /** Simulated seconds per real second (default 1): 60 plays a trading day in 6.5 minutes. */
  speed?: number;
  faults: FaultController;
  /** The clock; quotes are stamped with it. Defaults to Date.now. */
  now?: () => number;
  /**
   * Simulated minutes of trading played before the first fetch (default 0), so a fresh relay
   * shows a market already under way (moves of about ±1 %) instead of a grey map at 0.00 %.
   */
  warmupMinutes?: number;
}

export interface SimulatedProvider extends Provider {
  /** Advances the market by `ticks` (default 1) without a fetch, e.g. to warm it up. */
  step(ticks?: number): void;
  /** Ticks simulated so far. */
  readonly ticks: number;
}

/**
 * A fetch that owes more ticks than this simulates them in this many coarser steps: only the state
 * at fetch time is ever seen, and at speed 60 with 6,000 symbols one step per tick would block the
 * event loop for hundreds of ms.
 */
const MAX_STEPS_PER_FETCH = 50;

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The drop reason for a row, or null when it is a usable quote. */
function checkRow(row: RawRow): RejectedRow | null {
  const { symbol } = row;
  if (!symbol) return { reason: 'missing_symbol', detail: 'row without a symbol' };
  for (const field of ['price', 'change', 'pct_change', 'volume', 'prev_close', 'timestamp'] as const) {
    if (!Number.isFinite(row[field])) return { reason: 'non_finite', symbol, detail: `${field} is ${row[field]}` };
  }
  if (row.price <= 0 || row.prev_close <= 0) {
    return { reason: 'non_positive_price', symbol, detail: `price ${row.price}, prev_close ${row.prev_close}` };
  }
  return null;
}

export function createSimulatedProvider(options: SimulatedProviderOptions): SimulatedProvider {
  const { universe, seed, tickMs, faults } = options;
  const speed = options.speed ?? 1;
  const now = options.now ?? Date.now;
  if (!(tickMs > 0) || !(speed > 0)) throw new Error(`tickMs and speed must be positive, got: ${tickMs}, ${speed}`);
  const model = createPriceModel(universe, createRandom(seed));
  const indexOf = new Map(universe.map((m, i) => [m.symbol, i]));
  const prevClose = Float64Array.from(universe, (m) => m.ref_price);
  /** Each stock's cumulative model volume when the current session opened. */
  const volumeAtOpen = new Float64Array(universe.length);
  let session = 0;
  let ticks = 0;
  let lastClock = now();
  /** Simulated ms elapsed but not yet a whole tick. */
  let carryMs = 0;

  const advance = (count: number): void => {
    const steps = Math.min(count, MAX_STEPS_PER_FETCH);
    // √dt scaling keeps a coarse step's variance equal to that of the ticks it replaces.
    for (let s = 0; s < steps; s++) model.advance((count * tickMs) / steps / 1000);
    ticks += count;
    const current = Math.floor((ticks * tickMs) / 1000 / SESSION_SECONDS);
    if (current > session) closeSession(current);
  };

  /** The session that just ended closes at the current prices (a long catch-up skips the days between). */
  function closeSession(next: number): void {
    session = next;
    for (let i = 0; i < universe.length; i++) {
      prevClose[i] = round(model.price(i), 2);
      volumeAtOpen[i] = model.volume(i);
    }
  }

  /** Ticks owed since the last fetch, at least one so every fetch shows movement. */
  const catchUp = (clock: number): void => {
    const elapsed = Math.max(0, clock - lastClock) * speed + carryMs;
    lastClock = clock;
    const due = Math.floor(elapsed / tickMs);
    carryMs = due >= 1 ? elapsed - due * tickMs : 0;
    advance(Math.max(1, due));
  };

  if (options.warmupMinutes) advance(Math.round((options.warmupMinutes * 60_000) / tickMs));

  const rowsFor = (members: readonly UniverseMember[], timestamp: number): RawRow[] => {
    const rows: RawRow[] = [];
    for (const member of members) {
      const i = indexOf.get(member.symbol);
      if (i === undefined) continue;
      const close = prevClose[i]!;
      const price = round(model.price(i), 2);
      const change = round(price - close, 2);
      const pctChange = round((100 * change) / close, 4);
      const volume = Math.floor(model.volume(i) - volumeAtOpen[i]!);
      rows.push({ symbol: member.symbol, price, change, pct_change: pctChange, volume, prev_close: close, timestamp });
    }
    return rows;
  };

  const fetchQuotes = async (context: FetchContext): Promise<ProviderBatch> => {
    const fault = faults.current();
    throwIfFailing(fault, now());
    await delayFor(fault, context.signal);
    if (context.signal.aborted) throw new TransientError('request aborted');
    const clock = now();
    catchUp(clock);
    const rows = applyRowFault(fault, rowsFor(context.universe, Math.round(clock)), { seed, tick: ticks });
    const quotes: ProviderQuote[] = [];
    const rejected: RejectedRow[] = [];
    for (const row of rows) {
      const problem = checkRow(row);
      if (problem) rejected.push(problem);
      else quotes.push(row as ProviderQuote);
    }
    return { quotes, rejected, complete: true };
  };

  return {
    id: 'simulated',
    updatesWhenClosed: true,
    limits: () => ({ callsPerMinute: Infinity, callsPerRefresh: 1, fullRefreshMs: tickMs }),
    fetchQuotes,
    step: (count = 1) => advance(count),
    get ticks() {
      return ticks;
    },
  };
}
