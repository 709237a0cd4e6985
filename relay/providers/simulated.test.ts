import { beforeAll, describe, expect, it } from 'vitest';
import { loadShippedUniverse, syntheticUniverse, type UniverseMember } from '../universe.ts';
import { SESSION_SECONDS } from '../market/priceModel.ts';
import { createFaultController } from './faults.ts';
import { createSimulatedProvider, type SimulatedProviderOptions } from './simulated.ts';
import type { FetchContext } from './types.ts';

const universe = loadShippedUniverse();
const START = Date.UTC(2026, 2, 9, 13, 30);

/** A provider on a fake clock that only moves when the test says so. */
function simulated(overrides: Partial<SimulatedProviderOptions> = {}) {
  let clock = START;
  const provider = createSimulatedProvider({
    universe,
    seed: 42,
    tickMs: 1000,
    faults: createFaultController(),
    now: () => clock,
    ...overrides,
  });
  const fetch = (members: readonly UniverseMember[] = overrides.universe ?? universe) => {
    const context: FetchContext = { universe: members, signal: new AbortController().signal, now: clock };
    return provider.fetchQuotes(context);
  };
  return { provider, fetch, tick: (ms: number) => (clock += ms), clock: () => clock };
}

/** Log-returns per symbol over `ticks` fetches one tick apart. */
async function tickReturns(options: Partial<SimulatedProviderOptions>, ticks: number): Promise<Map<string, number[]>> {
  const sim = simulated(options);
  const returns = new Map<string, number[]>();
  const previous = new Map((await sim.fetch()).quotes.map((q) => [q.symbol, q.price]));
  for (let t = 0; t < ticks; t++) {
    sim.tick(options.tickMs!);
    for (const q of (await sim.fetch()).quotes) {
      const list = returns.get(q.symbol) ?? [];
      list.push(Math.log(q.price / previous.get(q.symbol)!));
      returns.set(q.symbol, list);
      previous.set(q.symbol, q.price);
    }
  }
  return returns;
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function correlation(a: readonly number[], b: readonly number[]): number {
  const ma = mean(a), mb = mean(b);
  let ab = 0, aa = 0, bb = 0;
  a.forEach((x, i) => {
    ab += (x - ma) * (b[i]! - mb);
    aa += (x - ma) ** 2;
    bb += (b[i]! - mb) ** 2;
  });
  return ab / Math.sqrt(aa * bb);
}

function kurtosis(xs: readonly number[]): number {
  const m = mean(xs);
  const variance = mean(xs.map((x) => (x - m) ** 2));
  return mean(xs.map((x) => (x - m) ** 4)) / variance ** 2;
}

describe('createSimulatedProvider(options)', () => {
  it('replays identical quotes for the same seed and calls, and different ones for another seed', async () => {
    const run = async (seed: number) => {
      const sim = simulated({ seed });
      const batches = [];
      for (const gap of [1000, 0, 4500, 250, 60_000]) {
        sim.tick(gap);
        batches.push(await sim.fetch());
      }
      return batches;
    };
    const first = await run(42);
    expect(await run(42)).toEqual(first);
    const other = await run(43);
    expect(other.at(-1)!.quotes.map((q) => q.price)).not.toEqual(first.at(-1)!.quotes.map((q) => q.price));
  });

  it('fetchQuotes advances by the whole ticks of simulated time elapsed, at least one', async () => {
    const sim = simulated({ tickMs: 1000 });
    await sim.fetch();
    expect(sim.provider.ticks).toBe(1);
    sim.tick(5000);
    await sim.fetch();
    expect(sim.provider.ticks).toBe(6);
    sim.tick(1500);
    await sim.fetch();
    sim.tick(500);
    await sim.fetch();
    // 1.5 s gives one tick and carries 0.5 s, which the next 0.5 s completes.
    expect(sim.provider.ticks).toBe(8);
  });

  it('step(ticks) moves the market like the same number of fetched ticks', async () => {
    const stepped = simulated();
    stepped.provider.step(3);
    const afterSteps = await stepped.fetch();
    const fetched = simulated();
    fetched.tick(1000);
    await fetched.fetch();
    fetched.tick(3000);
    const afterFetches = await fetched.fetch();
    expect([stepped.provider.ticks, fetched.provider.ticks]).toEqual([4, 4]);
    const moves = (batch: typeof afterSteps) => batch.quotes.map((q) => [q.price, q.volume]);
    expect(moves(afterSteps)).toEqual(moves(afterFetches));
  });

  it('fetchQuotes runs simulated time at speed × real time', async () => {
    const sim = simulated({ tickMs: 1000, speed: 60 });
    sim.tick(2000);
    await sim.fetch();
    expect(sim.provider.ticks).toBe(120);
  });

  it('fetchQuotes catches up a week-long gap in bounded work with finite prices', async () => {
    const sim = simulated({ tickMs: 1000 });
    sim.tick(7 * 86_400_000);
    const { quotes } = await sim.fetch();
    expect(sim.provider.ticks).toBe(7 * 86_400);
    expect(quotes.every((q) => Number.isFinite(q.price) && q.price > 0)).toBe(true);
  });

  it('fetchQuotes returns every requested symbol, stamped with the clock, as a complete batch', async () => {
    const sim = simulated();
    sim.tick(1000);
    const batch = await sim.fetch();
    expect(batch.complete).toBe(true);
    expect(batch.rejected).toEqual([]);
    expect(batch.quotes.map((q) => q.symbol)).toEqual(universe.map((m) => m.symbol));
    expect(new Set(batch.quotes.map((q) => q.timestamp))).toEqual(new Set([sim.clock()]));
  });

  it('fetchQuotes covers only the context universe and skips symbols it does not model', async () => {
    const sim = simulated();
    const { quotes } = await sim.fetch([universe[0]!, syntheticUniverse(1)[0]!]);
    expect(quotes.map((q) => q.symbol)).toEqual([universe[0]!.symbol]);
  });

  it('keeps prev_close at ref_price through the first session, pct_change = 100·change/prev_close, prices positive', async () => {
    const sim = simulated({ tickMs: 60_000 });
    const ref = new Map(universe.map((m) => [m.symbol, m.ref_price]));
    const broken: unknown[] = [];
    for (let t = 0; t < 50; t++) {
      sim.tick(60_000);
      for (const q of (await sim.fetch()).quotes) {
        const consistent =
          q.prev_close === ref.get(q.symbol) &&
          q.price > 0 &&
          Math.abs(q.change - (q.price - q.prev_close)) < 1e-6 &&
          Math.abs(q.pct_change - (100 * q.change) / q.prev_close) < 1e-4;
        if (!consistent) broken.push(q);
      }
    }
    expect(broken).toEqual([]);
  });

  it('accumulates integer volume that never decreases and grows with market cap', async () => {
    const sim = simulated({ tickMs: 60_000 });
    let last = new Map<string, number>();
    const broken: unknown[] = [];
    for (let t = 0; t < 100; t++) {
      sim.tick(60_000);
      const { quotes } = await sim.fetch();
      for (const q of quotes) {
        if (!Number.isInteger(q.volume) || q.volume < (last.get(q.symbol) ?? 0)) broken.push([t, q.symbol, q.volume]);
      }
      last = new Map(quotes.map((q) => [q.symbol, q.volume]));
    }
    expect(broken).toEqual([]);
    // Dollar volume tracks market cap: the top decile by cap trades far more than the bottom one.
    const byCap = [...universe].sort((a, b) => a.market_cap - b.market_cap);
    const dollars = (members: UniverseMember[]) => mean(members.map((m) => last.get(m.symbol)! * m.ref_price));
    const tenth = Math.floor(byCap.length / 10);
    expect(dollars(byCap.slice(-tenth))).toBeGreaterThan(10 * dollars(byCap.slice(0, tenth)));
  });

  it('trades more volume in a step with a bigger move', async () => {
    const members = universe.slice(0, 40);
    const sim = simulated({ tickMs: 60_000, universe: members });
    const moves = members.map((): number[] => []);
    const volumes = members.map((): number[] => []);
    let previous = (await sim.fetch()).quotes;
    for (let t = 0; t < 200; t++) {
      sim.tick(60_000);
      const { quotes } = await sim.fetch();
      quotes.forEach((q, i) => {
        moves[i]!.push(Math.abs(Math.log(q.price / previous[i]!.price)));
        volumes[i]!.push(q.volume - previous[i]!.volume);
      });
      previous = quotes;
    }
    expect(median(members.map((_, i) => correlation(moves[i]!, volumes[i]!)))).toBeGreaterThan(0.5);
  });

  it('closes a session every 6.5 simulated hours: the last price becomes prev_close, volume restarts', async () => {
    const sim = simulated({ tickMs: 60_000 });
    const ticksPerSession = SESSION_SECONDS / 60;
    sim.provider.step(ticksPerSession - 2);
    sim.tick(60_000);
    const lastOfDay = (await sim.fetch()).quotes; // tick 389 of 390
    expect(lastOfDay.every((q) => q.prev_close === universe.find((m) => m.symbol === q.symbol)!.ref_price)).toBe(true);
    sim.tick(60_000);
    const atClose = (await sim.fetch()).quotes; // tick 390: the session ends here
    expect(atClose.every((q) => q.prev_close === q.price && q.change === 0 && q.pct_change === 0)).toBe(true);
    expect(atClose.every((q, i) => q.volume < lastOfDay[i]!.volume)).toBe(true);
    sim.tick(60_000);
    const nextDay = (await sim.fetch()).quotes;
    nextDay.forEach((q, i) => {
      expect(q.prev_close).toBe(atClose[i]!.price);
      expect(q.pct_change).toBeCloseTo((100 * (q.price - q.prev_close)) / q.prev_close, 3);
    });
    expect(nextDay.filter((q) => q.change !== 0).length).toBeGreaterThan(universe.length / 2);
  });

  it('limits() allows one call per tick and updatesWhenClosed is true', () => {
    const { provider } = simulated({ tickMs: 2000 });
    expect(provider.limits(universe.length)).toEqual({ callsPerMinute: Infinity, callsPerRefresh: 1, fullRefreshMs: 2000 });
    expect(provider.updatesWhenClosed).toBe(true);
    expect(provider.id).toBe('simulated');
  });
});

describe('simulated market statistics over 20 trading days of 5-minute ticks', () => {
  const TICK_MS = 5 * 60_000;
  const TICKS_PER_DAY = (SESSION_SECONDS * 1000) / TICK_MS;
  let returns: Map<string, number[]>;
  beforeAll(async () => {
    returns = await tickReturns({ tickMs: TICK_MS, seed: 7 }, 20 * TICKS_PER_DAY);
  });

  it('gives a typical stock a daily volatility of about 1–2 %', async () => {
    const daily = [...returns.values()].map((r) => Math.sqrt(mean(r.map((x) => x * x)) * TICKS_PER_DAY));
    expect(median(daily)).toBeGreaterThan(0.007);
    expect(median(daily)).toBeLessThan(0.025);
  });

  it('correlates stocks within a sector clearly more than across sectors', async () => {
    // Eight stocks from each of four sectors keep the pair count small.
    const sample = ['Information Technology', 'Financials', 'Energy', 'Utilities'].flatMap((sector) =>
      universe.filter((m) => m.sector === sector).slice(0, 8),
    );
    const within: number[] = [];
    const across: number[] = [];
    sample.forEach((a, i) =>
      sample.slice(i + 1).forEach((b) => {
        (a.sector === b.sector ? within : across).push(correlation(returns.get(a.symbol)!, returns.get(b.symbol)!));
      }),
    );
    expect(mean(within)).toBeGreaterThan(mean(across) + 0.1);
    expect(mean(across)).toBeGreaterThan(0);
  });

  it('has fat-tailed tick returns (kurtosis above 3)', async () => {
    expect(median([...returns.values()].map(kurtosis))).toBeGreaterThan(3);
  });
});

describe('createSimulatedProvider({ warmupMinutes })', () => {
  it('opens with the moves of a session already under way, deterministically', async () => {
    const universe = loadShippedUniverse();
    const make = () => createSimulatedProvider({ universe, seed: 3, tickMs: 1000, faults: createFaultController(), now: () => 0, warmupMinutes: 120 });
    const signal = new AbortController().signal;
    const first = await make().fetchQuotes({ universe, signal, now: 0 });
    const again = await make().fetchQuotes({ universe, signal, now: 0 });
    expect(again.quotes).toEqual(first.quotes);
    const moves = first.quotes.map((q) => Math.abs(q.pct_change)).sort((a, b) => a - b);
    const median = moves[Math.floor(moves.length / 2)]!;
    expect(median).toBeGreaterThan(0.3);
    expect(median).toBeLessThan(2.5);
    expect(first.quotes.every((q) => q.volume > 0)).toBe(true);
  });
});
