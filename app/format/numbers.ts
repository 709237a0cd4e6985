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

/** `1234567.5` → `1,234,567.5` (a fixed-point string). */
function groupThousands(fixed: string): string {
  const dot = fixed.indexOf('.');
  const whole = dot < 0 ? fixed : fixed.slice(0, dot);
  return whole.replace(/\B(?=(\d{3})+$)/g, ',') + (dot < 0 ? '' : fixed.slice(dot));
}

/**
 * `x` (≥ 0) with `digits` decimals, rounded half up on its shortest decimal form, as Intl does
 * (2.675 → 2.68, where toFixed gives 2.67 from the binary value).
 */
function toFixedHalfUp(x: number, digits: number): string {
  const text = String(x);
  if (text.includes('e')) return x.toFixed(digits);
  const dot = text.indexOf('.');
  const whole = dot < 0 ? text : text.slice(0, dot);
  const fraction = dot < 0 ? '' : text.slice(dot + 1);
  if (fraction.length <= digits) return `${whole}.${fraction.padEnd(digits, '0')}`;
  const up = fraction.charCodeAt(digits) >= 53; // '5'
  const scaled = (BigInt(whole + fraction.slice(0, digits)) + (up ? 1n : 0n)).toString().padStart(digits + 1, '0');
  return `${scaled.slice(0, -digits)}.${scaled.slice(-digits)}`;
}

/**
 * `1,038.87`; sub-dollar prices keep up to four decimals. Formatted by hand exactly as en-US
 * Intl.NumberFormat would: the page's first Intl formatter loads the browser's locale data
 * (20–40 ms on a desktop CPU, four times that on a phone) before the map can render.
 */
export function formatPrice(price: number): string {
  if (!Number.isFinite(price)) return '—';
  if (price >= 1) return groupThousands(toFixedHalfUp(price, 2));
  // Two to four decimals: trailing zeros past the second go.
  return toFixedHalfUp(price, 4).replace(/(\.\d\d)(\d*?)0+$/, '$1$2');
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
