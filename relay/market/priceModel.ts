/**
 * The simulated market's price model. Each step, a stock's log-return is
 *   beta · market factor + its sector's factor + idiosyncratic noise − mild pull back to ref_price,
 * every term a unit-variance Student-t (ν = 4) for fat tails, plus rare jumps of ±2–6 %.
 * Volatilities are quoted per trading day (6.5 h) and scaled by √(dt / day), so the statistics of a
 * day do not depend on the step size. Volume accrues in proportion to market cap and to |return|.
 */
import { SECTORS, type Sector } from '../protocol.ts';
import type { UniverseMember } from '../universe.ts';
import type { Random } from '../providers/random.ts';

/** Seconds in one regular trading session. */
export const SESSION_SECONDS = 6.5 * 3600;

const TAIL_NU = 4;
const MARKET_DAILY_VOL = 0.009;
/** Sector factor volatility and typical beta: defensive sectors move less. */
const SECTOR_TRAITS: Record<Sector, { vol: number; beta: number }> = {
  'Information Technology': { vol: 0.008, beta: 1.2 },
  Financials: { vol: 0.007, beta: 1.1 },
  'Health Care': { vol: 0.006, beta: 0.8 },
  'Consumer Discretionary': { vol: 0.008, beta: 1.15 },
  'Communication Services': { vol: 0.008, beta: 1.05 },
  Industrials: { vol: 0.006, beta: 1.0 },
  'Consumer Staples': { vol: 0.005, beta: 0.6 },
  Energy: { vol: 0.011, beta: 0.9 },
  Utilities: { vol: 0.006, beta: 0.5 },
  'Real Estate': { vol: 0.007, beta: 0.85 },
  Materials: { vol: 0.007, beta: 1.0 },
};
/** Expected jumps per stock per trading day. */
const JUMPS_PER_DAY = 1 / 50;
/** Deviations from ref_price decay with this time constant, in trading days. */
const REVERSION_DAYS = 5;
/** Share of market cap traded in a day. */
const DAILY_TURNOVER = 0.006;

export interface PriceModel {
  readonly size: number;
  /** Moves every stock forward by `dtSeconds` of trading time. */
  advance(dtSeconds: number): void;
  price(index: number): number;
  /** Shares traded since the model started (fractional; callers floor it). */
  volume(index: number): number;
}

/** A model over `universe` in its order; per-stock traits are drawn from `random` up front. */
export function createPriceModel(universe: readonly UniverseMember[], random: Random): PriceModel {
  const n = universe.length;
  const sectorOf = Uint8Array.from(universe, (m) => SECTORS.indexOf(m.sector));
  const beta = Float64Array.from(universe, (m) => SECTOR_TRAITS[m.sector].beta * (0.8 + 0.4 * random.next()));
  // Large caps carry less stock-specific risk: ~0.6 % a day for a $4T name, ~1.1 % for $10B.
  const idioVol = Float64Array.from(universe, (m) => {
    const base = 0.009 * Math.pow(m.market_cap / 1e11, -0.1);
    return Math.min(0.02, Math.max(0.006, base)) * (0.8 + 0.4 * random.next());
  });
  const dailyVol = Float64Array.from(universe, (m, i) => {
    const traits = SECTOR_TRAITS[m.sector];
    return Math.hypot(beta[i]! * MARKET_DAILY_VOL, traits.vol, idioVol[i]!);
  });
  const sharesPerSecond = Float64Array.from(universe, (m) => (DAILY_TURNOVER * m.market_cap) / m.ref_price / SESSION_SECONDS);
  const refPrice = Float64Array.from(universe, (m) => m.ref_price);
  const logDeviation = new Float64Array(n);
  const volume = new Float64Array(n);
  const sectorMove = new Float64Array(SECTORS.length);

  const advance = (dtSeconds: number): void => {
    if (!(dtSeconds > 0)) return;
    const scale = Math.sqrt(dtSeconds / SESSION_SECONDS);
    const jumpChance = Math.min(1, (JUMPS_PER_DAY * dtSeconds) / SESSION_SECONDS);
    const pull = Math.min(1, dtSeconds / (REVERSION_DAYS * SESSION_SECONDS));
    const market = random.studentT(TAIL_NU) * MARKET_DAILY_VOL * scale;
    SECTORS.forEach((sector, s) => {
      sectorMove[s] = random.studentT(TAIL_NU) * SECTOR_TRAITS[sector].vol * scale;
    });
    for (let i = 0; i < n; i++) {
      let r = beta[i]! * market + sectorMove[sectorOf[i]!]! + random.studentT(TAIL_NU) * idioVol[i]! * scale;
      r -= pull * logDeviation[i]!;
      if (random.next() < jumpChance) r += (random.next() < 0.5 ? -1 : 1) * (0.02 + 0.04 * random.next());
      logDeviation[i]! += r;
      // Quiet steps still trade a little; a move of k typical sizes trades about k times more.
      const surprise = Math.abs(r) / (dailyVol[i]! * scale);
      volume[i]! += sharesPerSecond[i]! * dtSeconds * (0.4 + 0.6 * surprise);
    }
  };

  return {
    size: n,
    advance,
    price: (i) => refPrice[i]! * Math.exp(logDeviation[i]!),
    volume: (i) => volume[i]!,
  };
}
