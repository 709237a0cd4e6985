// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fitTileLabel, truncateText, type MeasureText } from './labelFit.ts';

/** A fixed-pitch stand-in: every character 0.6 em wide, bold 0.65 em. */
const measure: MeasureText = (text, bold) => [...text].length * (bold ? 0.65 : 0.6);
const options = { measure, minFont: 9, maxFont: 36 };

function fitsInside(w: number, h: number, label: NonNullable<ReturnType<typeof fitTileLabel>>) {
  return label.width <= w && label.height <= h && label.lines.every((l) => l.width <= w && Math.abs(l.dy) + (l.size * 1.15) / 2 <= h / 2 + 0.01);
}

describe('fitTileLabel(w, h, symbol, pct, options)', () => {
  it('shows symbol over an arrowed % on a roomy tile', () => {
    const label = fitTileLabel(120, 80, 'AAPL', 1.234, options)!;
    expect(label.lines.map((l) => l.text)).toEqual(['AAPL', '▲ +1.23%']);
    expect(label.lines[0]!.size).toBeGreaterThan(label.lines[1]!.size);
    expect(fitsInside(120, 80, label)).toBe(true);
  });

  it('falls back to one line with the arrow when two do not fit', () => {
    const label = fitTileLabel(60, 16, 'MSFT', -0.5, options)!;
    expect(label.lines.map((l) => l.text)).toEqual(['MSFT ▼']);
    expect(fitsInside(60, 16, label)).toBe(true);
  });

  it('shows nothing when even the symbol would be smaller than the minimum font', () => {
    expect(fitTileLabel(20, 10, 'GOOGL', 2, options)).toBeNull();
    expect(fitTileLabel(4, 40, 'A', 2, options)).toBeNull();
  });

  it('never leaves the tile for any size in a sweep, and scales with the tile up to the cap', () => {
    let last = 0;
    for (let s = 10; s <= 400; s += 7) {
      for (const [w, h] of [[s, s], [s * 2, s], [s, s / 3]] as const) {
        const label = fitTileLabel(w, h, 'BRK.B', -12.5, options);
        if (label) expect(fitsInside(w, h, label), `${w}×${h}`).toBe(true);
      }
      const square = fitTileLabel(s, s, 'BRK.B', -12.5, options);
      if (square) {
        expect(square.lines[0]!.size).toBeGreaterThanOrEqual(last);
        expect(square.lines[0]!.size).toBeLessThanOrEqual(36);
        last = square.lines[0]!.size;
      }
    }
    expect(last).toBe(36);
  });

  it('writes an unchanged stock without an arrow', () => {
    expect(fitTileLabel(120, 80, 'JPM', 0, options)!.lines[1]!.text).toBe('0.00%');
  });
});

describe('truncateText(text, maxWidth, size, bold, measure)', () => {
  it('keeps text that fits and cuts the rest with an ellipsis', () => {
    expect(truncateText('ENERGY', 100, 10, false, measure)).toBe('ENERGY');
    expect(truncateText('INFORMATION TECHNOLOGY', 60, 10, false, measure)).toBe('INFORMATI…');
    expect(truncateText('ENERGY', 5, 10, false, measure)).toBe('');
  });
});
