/**
 * The values a fake upstream encodes into its provider's shape, so a test can check the
 * provider decoded them (units, symbols, timestamps) without restating the encoding.
 */
export interface QuoteTruth {
  symbol: string;
  price: number;
  prevClose: number;
  change: number;
  /** Percent units. */
  pctChange: number;
  volume: number;
  timestampMs: number;
}

/** Deterministic plausible values per symbol, drifting slowly with `now`. */
export function quoteTruth(symbol: string, now: number): QuoteTruth {
  const h = hash(symbol);
  const prevClose = round2(20 + (h % 50_000) / 100);
  const drift = (((h >>> 8) % 600) - 300) / 100 + Math.sin(now / 60_000 + h) * 0.5;
  const price = round2(prevClose * (1 + drift / 100));
  const change = price - prevClose;
  return {
    symbol,
    price,
    prevClose,
    change,
    pctChange: (change / prevClose) * 100,
    volume: 100_000 + (h % 5_000_000),
    timestampMs: Math.floor(now) - 1_500,
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
