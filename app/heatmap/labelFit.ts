/**
 * Fits a tile's label inside its rectangle: the symbol over `▲ +1.23%` when both fit, else the
 * symbol with its arrow on one line, else nothing (the tile stays reachable by hover, keyboard,
 * zoom and the table). Fonts scale with the tile up to a cap; the block never leaves the padded
 * rectangle, so labels cannot overlap each other or a neighbour.
 */
import { directionArrow, tilePctLabel } from '../format/numbers.ts';
import { snapFontSize } from './tileFont.ts';

/** Width of `text` at a font size of 1 px. */
export type MeasureText = (text: string, bold: boolean) => number;

export interface LabelLine {
  text: string;
  size: number;
  bold: boolean;
  /** Vertical centre of the line relative to the tile's centre. */
  dy: number;
  width: number;
}

export interface TileLabel {
  lines: LabelLine[];
  /** Bounding box of the block, centred on the tile centre. */
  width: number;
  height: number;
}

export interface LabelOptions {
  measure: MeasureText;
  minFont: number;
  maxFont: number;
}

const LINE_HEIGHT = 1.15;
/** The % line is this fraction of the symbol's size. */
const PCT_RATIO = 0.72;

function padding(w: number, h: number): number {
  return Math.min(8, Math.max(2, Math.min(w, h) * 0.08));
}

export function fitTileLabel(w: number, h: number, symbol: string, pct: number, options: LabelOptions): TileLabel | null {
  const { measure, minFont, maxFont } = options;
  const pad = padding(w, h);
  const aw = w - 2 * pad;
  const ah = h - 2 * pad;
  if (aw < minFont || ah < minFont) return null;
  // Big tiles get big type, but not so big that a square tile's label shouts.
  const cap = Math.min(maxFont, Math.max(minFont, Math.sqrt(w * h) * 0.22));

  // Every label needs at least the symbol at the minimum size: bail out before formatting.
  const symW = measure(symbol, true);
  if (aw < symW * minFont || ah < minFont * LINE_HEIGHT) return null;
  const pctText = tilePctLabel(pct);
  const pctW = measure(pctText, false);
  const two = Math.min(cap, aw / symW, aw / (pctW * PCT_RATIO), ah / (LINE_HEIGHT * (1 + PCT_RATIO)));
  if (two * PCT_RATIO >= minFont) {
    const size = snapFontSize(two);
    const pctSize = snapFontSize(size * PCT_RATIO);
    const height = LINE_HEIGHT * (size + pctSize);
    return {
      lines: [
        { text: symbol, size, bold: true, dy: -height / 2 + (LINE_HEIGHT * size) / 2, width: symW * size },
        { text: pctText, size: pctSize, bold: false, dy: height / 2 - (LINE_HEIGHT * pctSize) / 2, width: pctW * pctSize },
      ],
      width: Math.max(symW * size, pctW * pctSize),
      height,
    };
  }

  const arrow = directionArrow(pct);
  const oneText = arrow === '' ? symbol : `${symbol} ${arrow}`;
  const oneW = measure(oneText, true);
  const one = Math.min(cap, aw / oneW, ah / LINE_HEIGHT);
  if (one >= minFont) {
    const size = Math.max(minFont, snapFontSize(one));
    return {
      lines: [{ text: oneText, size, bold: true, dy: 0, width: oneW * size }],
      width: oneW * size,
      height: LINE_HEIGHT * size,
    };
  }
  return null;
}

/** Cuts `text` to fit `maxWidth` at `size`, ending in `…`; '' when not even one letter fits. */
export function truncateText(text: string, maxWidth: number, size: number, bold: boolean, measure: MeasureText): string {
  if (measure(text, bold) * size <= maxWidth) return text;
  const cut = (n: number) => `${text.slice(0, n).trimEnd()}…`;
  // Binary search for the longest prefix that fits (headers repaint every tick).
  let lo = 0, hi = text.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(cut(mid), bold) * size <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo > 0 ? cut(lo) : '';
}
