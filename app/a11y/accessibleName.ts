/** Spoken names for tiles: "AAPL, Apple Inc., up 1.20 %, 309.35". */
import { formatPrice } from '../format/numbers.ts';

export function tileAccessibleName(tile: { symbol: string; name: string; pct: number; price: number; stale: boolean }): string {
  const parts = [tile.symbol, tile.name, movementPhrase(tile.pct), formatPrice(tile.price)];
  if (tile.stale) parts.push('stale');
  return parts.join(', ');
}

/** `up 1.20 %`, `down 0.35 %`, `unchanged`, `no data`. */
export function movementPhrase(pct: number): string {
  if (!Number.isFinite(pct)) return 'no data';
  const abs = Math.abs(pct).toFixed(2);
  if (Number(abs) === 0) return 'unchanged';
  return `${pct > 0 ? 'up' : 'down'} ${abs} %`;
}
