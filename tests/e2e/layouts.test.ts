/**
 * Phone and wallboard layouts in Chromium against the real relay: screenshots, no overlapping
 * labels, no horizontal scroll, touch interaction, tap targets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ensureAppBuild, launchBrowser, pollPage, screenshot, startE2eRelay, tileCentre, waitForTiles, type E2eRelay } from './harness.ts';
import { AFTER_FIRST_FRAME_MS } from '../../app/scheduling/startupWindow.ts';

let relay: E2eRelay;
let browser: Browser;

beforeAll(async () => {
  await ensureAppBuild();
  relay = await startE2eRelay({ SIM_SPEED: '20' });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await relay?.stop();
});

interface Box { x: number; y: number; w: number; h: number }
const EPS = 0.01;
const inside = (a: Box, b: Box) => a.x >= b.x - EPS && a.y >= b.y - EPS && a.x + a.w <= b.x + b.w + EPS && a.y + a.h <= b.y + b.h + EPS;
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w - EPS && b.x < a.x + a.w - EPS && a.y < b.y + b.h - EPS && b.y < a.y + a.h - EPS;

/** Waits for the canvas to settle, then checks every label sits in its tile and none overlap. */
async function checkLabels(page: Page): Promise<{ count: number; maxFont: number }> {
  // Settled before and after reading, so no relayout's in-between rectangles are checked.
  const labels = await pollPage(
    page,
    async () => {
      const probe = window.__heatmap;
      if (!probe || (await probe.busy())) return null;
      const boxes = await probe.labels();
      return (await probe.busy()) ? null : boxes;
    },
    null,
    'the map to settle',
  );
  expect(labels.length).toBeGreaterThan(20);
  for (const label of labels) expect(inside(label, label.tile), `${label.symbol} label inside its tile`).toBe(true);
  // Sweep by x so the pairwise check stays cheap.
  const sorted = [...labels].sort((a, b) => a.x - b.x);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j]!.x < sorted[i]!.x + sorted[i]!.w; j++) {
      expect(overlaps(sorted[i]!, sorted[j]!), `${sorted[i]!.symbol} vs ${sorted[j]!.symbol}`).toBe(false);
    }
  }
  const maxFont = Math.max(...labels.map((l) => l.h));
  return { count: labels.length, maxFont };
}

async function noHorizontalScroll(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll).toBeLessThanOrEqual(width);
}

describe('layouts', () => {
  it('phone 390×844: the map fills the screen, labels fit, controls live in a sheet with 44 px targets, tap pins then opens', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(relay.base);
    await waitForTiles(page, 450);
    await checkLabels(page);
    await noHorizontalScroll(page);
    await screenshot(page, 'phone-390x844');
    expect(await page.getByTestId('filter-controls').count()).toBe(0);

    await page.getByTestId('open-filters').tap();
    const sheet = page.getByTestId('bottom-sheet');
    await sheet.getByTestId('filter-controls').waitFor();
    const small = await sheet.evaluate((el) =>
      [...el.querySelectorAll<HTMLElement>('button, select, input:not([type=radio]):not([type=checkbox]), label.chip, label.segment')]
        .filter((e) => e.offsetParent !== null)
        .map((e) => ({ text: e.textContent?.trim() || e.getAttribute('aria-label') || e.tagName, h: e.getBoundingClientRect().height }))
        // 0.01 px of slack: layout rounding reports a 44 px box as 43.99997 at some scroll offsets.
        .filter((t) => t.h < 44 - 0.01),
    );
    expect(small, JSON.stringify(small)).toEqual([]);
    await noHorizontalScroll(page);
    await screenshot(page, 'phone-filters-sheet');
    await sheet.getByRole('button', { name: 'Done' }).tap();
    await sheet.waitFor({ state: 'hidden' });

    const at = await tileCentre(page, 'MSFT');
    await page.touchscreen.tap(at.x, at.y);
    await page.locator('.tooltip[data-pinned]').waitFor();
    expect(await page.locator('.tooltip').textContent()).toContain('MSFT');
    expect(await page.getByTestId('detail-panel').count()).toBe(0);
    await page.touchscreen.tap(at.x, at.y);
    await page.getByTestId('detail-panel').waitFor();
    await noHorizontalScroll(page);
    await screenshot(page, 'phone-detail');
    await context.close();
  });

  it('wallboard 3840×2160: controls hidden, larger labels, clock and status, labels fit', async () => {
    const normal = await browser.newContext({ viewport: { width: 3840, height: 2160 } });
    const plain = await normal.newPage();
    await plain.goto(relay.base);
    await waitForTiles(plain, 450);
    const before = await checkLabels(plain);
    await normal.close();

    const context = await browser.newContext({ viewport: { width: 3840, height: 2160 } });
    const page = await context.newPage();
    await page.goto(`${relay.base}/?wallboard=1`);
    await waitForTiles(page, 450);
    const wall = await checkLabels(page);
    await noHorizontalScroll(page);
    expect(wall.maxFont).toBeGreaterThan(before.maxFont);
    expect(await page.getByTestId('filter-controls').count()).toBe(0);
    expect(await page.getByTestId('wallboard-bar').textContent()).toMatch(/^\d\d:\d\d/);
    await screenshot(page, 'wallboard-3840x2160');
    await context.close();
  });

  interface Sample {
    busy: boolean;
    seq: string;
    version: string;
  }

  /**
   * Zooms into a sector with the keyboard, samples the map on the next `n` animation frames once
   * the zoom has landed, and returns the transition frames among them: the layout lands on the
   * first frame, and a later sample that is busy with no new engine frame since the one before is a
   * transition frame (a live frame alone makes the map busy only until its next step).
   */
  async function zoomFrames(page: Page, n: number): Promise<Sample[]> {
    const moving = await page.evaluate(
      (count) =>
        new Promise<Sample[]>((resolve) => {
          const map = document.querySelector<HTMLElement>('[data-testid="heatmap"]')!;
          // The zoom has landed when the map holds one sector (a live relayout also bumps the version).
          const fullCount = map.dataset.tileCount;
          document.querySelector<HTMLElement>('.tile-focus')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', bubbles: true }));
          const seen: Sample[] = [];
          const watch = async () => {
            if (map.dataset.tileCount !== fullCount) {
              const seq = map.dataset.seq!, version = map.dataset.layoutVersion!;
              seen.push({ busy: await window.__heatmap!.busy(), seq, version });
            }
            if (seen.length >= count) resolve(seen);
            else requestAnimationFrame(() => void watch());
          };
          requestAnimationFrame(() => void watch());
        }),
      n,
    );
    return moving.slice(1).filter((s, i) => s.busy && s.seq === moving[i]!.seq && s.version === moving[i]!.version);
  }

  /** Opens the app and waits for its map, and with `settled` for start-up to be over as well. */
  async function openMap(reducedMotion: 'reduce' | 'no-preference', settled: boolean) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion });
    const page = await context.newPage();
    await page.goto(relay.base);
    await waitForTiles(page, 450);
    if (settled) await page.waitForTimeout(AFTER_FIRST_FRAME_MS + 1000);
    return { context, page };
  }

  it('prefers-reduced-motion: a zoom after start-up jumps to the new layout with no transition frames', async () => {
    const { context, page } = await openMap('reduce', true);
    expect(await zoomFrames(page, 4)).toEqual([]);
    await context.close();
  });

  it('without the preference a zoom animates once start-up has settled, and jumps during start-up', async () => {
    // A real transition is busy for ~30 frames in a row.
    const settled = await openMap('no-preference', true);
    expect((await zoomFrames(settled.page, 8)).length).toBeGreaterThanOrEqual(3);
    await settled.context.close();
    const starting = await openMap('no-preference', false);
    expect(await zoomFrames(starting.page, 4)).toEqual([]);
    await starting.context.close();
  });
});
