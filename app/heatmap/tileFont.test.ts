import { describe, expect, it } from 'vitest';
import { FONT_SIZES, isFontInstalled, resolveTileFontSteps, snapFontSize, tileFont } from './tileFont.ts';

/** A measuring context where only `installed` families change text widths. */
function fakeContext(installed: string[]): CanvasRenderingContext2D {
  let font = '';
  return {
    set font(value: string) {
      font = value;
    },
    get font() {
      return font;
    },
    measureText: () => {
      const family = installed.find((name) => font.includes(`"${name}"`));
      return { width: family ? 100 + family.length : font.includes('monospace') ? 90 : 80 } as TextMetrics;
    },
  } as unknown as CanvasRenderingContext2D;
}

describe('snapFontSize(size)', () => {
  it('snapFontSize(size) rounds down to the size ladder, keeping sizes already on it', () => {
    expect(snapFontSize(36)).toBe(36);
    expect(snapFontSize(35.9)).toBe(33);
    expect(snapFontSize(16.7)).toBe(16);
    expect(snapFontSize(9)).toBe(9);
    expect(snapFontSize(1000)).toBe(FONT_SIZES.at(-1));
  });

  it('snapFontSize(size) keeps half-pixel steps below the smallest size', () => {
    expect(snapFontSize(5.8)).toBe(5.5);
  });
});

describe('resolveTileFontSteps(ctx)', () => {
  it('isFontInstalled(ctx, name) tells an installed family from a fallback', () => {
    const ctx = fakeContext(['Arial']);
    expect(isFontInstalled(ctx, 'Arial')).toBe(true);
    expect(isFontInstalled(ctx, 'Inter')).toBe(false);
  });

  it('the steps make tileFont name the first installed family of the stack, then sans-serif when none is', () => {
    for (const step of resolveTileFontSteps(fakeContext(['DejaVu Sans', 'Arial']))) step();
    expect(tileFont(12, true)).toBe('700 12px "Arial", sans-serif');
    for (const step of resolveTileFontSteps(fakeContext([]))) step();
    expect(tileFont(10, false)).toBe('500 10px sans-serif');
  });
});
