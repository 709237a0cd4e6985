// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { contrastRatio, labelColor, relativeLuminance, BLACK, WHITE } from './contrast.ts';
import { createColorScale } from './colorScale.ts';
import { PALETTE_IDS } from './palettes.ts';
import { mixRgb, staleColor } from './mix.ts';

describe('contrast', () => {
  it('relativeLuminance and contrastRatio match the WCAG reference values', () => {
    expect(relativeLuminance(WHITE)).toBeCloseTo(1, 5);
    expect(relativeLuminance(BLACK)).toBe(0);
    expect(contrastRatio(WHITE, BLACK)).toBeCloseTo(21, 5);
    expect(contrastRatio(0x777777, WHITE)).toBeCloseTo(4.48, 2);
  });

  it('labelColor(tile) reaches 4.5:1 on every colour of every palette, fresh or stale, and mid-transition', () => {
    let worst = Infinity;
    for (const id of PALETTE_IDS) {
      const scale = createColorScale(id, 3);
      for (let pct = -4; pct <= 4; pct += 0.01) {
        const c = scale.color(pct);
        for (const tile of [c, staleColor(c), mixRgb(c, scale.color(-pct), 0.5)]) {
          worst = Math.min(worst, contrastRatio(tile, labelColor(tile)));
        }
      }
    }
    expect(worst).toBeGreaterThanOrEqual(4.5);
  });

  it('labelColor(tile) picks whichever of black and white contrasts more, on every grey and a colour sample', () => {
    const tiles = [...Array.from({ length: 256 }, (_, v) => v * 0x010101), ...Array.from({ length: 4096 }, (_, i) => (i * 0x9e3779) & 0xffffff)];
    for (const tile of tiles) {
      const best = contrastRatio(tile, WHITE) >= contrastRatio(tile, BLACK) ? WHITE : BLACK;
      expect(labelColor(tile), tile.toString(16)).toBe(best);
    }
  });

  it('labelColor picks black on light tiles and white on dark ones', () => {
    expect(labelColor(0x30cc5a)).toBe(BLACK);
    expect(labelColor(0x414554)).toBe(WHITE);
  });
});
