/**
 * Converts an epoch timestamp in s, ms, µs or ns to ms by its magnitude. Providers mix units
 * (Finnhub s, Massive ns and ms) and one field's unit is only inferred from examples, so the
 * magnitude is the safer guide: any date after 1973 in ms is above 1e11.
 */
export function toEpochMs(value: number): number {
  const abs = Math.abs(value);
  if (abs >= 1e17) return Math.round(value / 1e6);
  if (abs >= 1e14) return Math.round(value / 1e3);
  if (abs >= 1e11) return Math.round(value);
  return Math.round(value * 1000);
}
