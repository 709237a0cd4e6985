// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { needsIosInstallHint } from './installPrompt.ts';

const nav = (userAgent: string, maxTouchPoints = 0) => ({ userAgent, maxTouchPoints }) as Navigator;

describe('needsIosInstallHint(navigator, standalone)', () => {
  it('is true for iPhone Safari and iPadOS (which reports as a Mac with touch)', () => {
    expect(needsIosInstallHint(nav('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1'), false)).toBe(true);
    expect(needsIosInstallHint(nav('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Safari/605.1.15', 5), false)).toBe(true);
  });
  it('is false once installed, and on desktop Mac and Android', () => {
    expect(needsIosInstallHint(nav('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)'), true)).toBe(false);
    expect(needsIosInstallHint(nav('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Safari/605.1.15', 0), false)).toBe(false);
    expect(needsIosInstallHint(nav('Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/120'), false)).toBe(false);
  });
});
