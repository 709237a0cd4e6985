/** Number formatting for labels, tooltips and the table; the minus sign is U+2212 throughout. */

const MINUS = '\u2212';

/** `+1.23%`, `−0.50%`, `0.00%`; one decimal from ±10 %. */
export function formatPct(pct: number): string {
  if (!Number.isFinite(pct)) return '—';
  const abs = Math.abs(pct);
  const digits = abs >= 10 ? 1 : 2;
  const text = `${abs.toFixed(digits)}%`;
  if (Number(abs.toFixed(digits)) === 0) return `${(0).toFixed(digits)}%`;
  return pct > 0 ? `+${text}` : `${MINUS}${text}`;
}

/** The non-colour cue: ▲ up, ▼ down, nothing when it rounds to zero. */
export function directionArrow(pct: number): string {
  if (!Number.isFinite(pct) || Math.abs(pct) < 0.005) return '';
  return pct > 0 ? '▲' : '▼';
}

/** `▲ +1.23%` — what a tile shows under its symbol. */
export function tilePctLabel(pct: number): string {
  const arrow = directionArrow(pct);
  return arrow === '' ? formatPct(pct) : `${arrow} ${formatPct(pct)}`;
}

/** toLocaleString builds a formatter per call, which costs ~0.1 ms: thousands per refresh add up. */
const PRICE = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const PENNY_PRICE = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 });

/** `1,038.87`; sub-dollar prices keep up to four decimals. */
export function formatPrice(price: number): string {
  if (!Number.isFinite(price)) return '—';
  return (price < 1 ? PENNY_PRICE : PRICE).format(price);
}

export function formatChange(change: number): string {
  if (!Number.isFinite(change)) return '—';
  const text = Math.abs(change).toFixed(2);
  if (Number(text) === 0) return '0.00';
  return change > 0 ? `+${text}` : `${MINUS}${text}`;
}

const UNITS: [number, string][] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/** 1234567 → `1.23M`; below 1,000 the plain integer. */
export function formatCompact(value: number): string {
  if (!Number.isFinite(value)) return '—';
  for (const [size, unit] of UNITS) {
    if (Math.abs(value) >= size) {
      const scaled = value / size;
      return `${scaled.toFixed(scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2)}${unit}`;
    }
  }
  return String(Math.round(value));
}

export function formatMarketCap(cap: number): string {
  return `$${formatCompact(cap)}`;
}
