/**
 * Truthful status end to end: the simulated market's fault injection (POST /api/sim/fault and
 * SIM_FAULT) drives the banner while the tiles stay on screen; an upstream that is down from the
 * start, with nothing cached, shows a clear message instead of a blank map.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ensureAppBuild, launchBrowser, openApp, screenshot, startE2eRelay, waitForTiles, type E2eRelay } from './harness.ts';

let browser: Browser;

beforeAll(async () => {
  await ensureAppBuild();
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

function bannerText(page: Page, pattern: RegExp, timeout = 15_000) {
  return page.waitForFunction(
    (source) => {
      const el = document.querySelector<HTMLElement>('[data-testid="status-banner"]');
      return el && !el.hidden && new RegExp(source).test(el.textContent ?? '') ? el.textContent : false;
    },
    pattern.source,
    { timeout },
  );
}

const tileCount = (page: Page) => page.evaluate(() => Number(document.querySelector<HTMLElement>('[data-testid="heatmap"]')?.dataset.tileCount));

describe('status banner against injected faults', () => {
  let relay: E2eRelay;
  beforeAll(async () => {
    relay = await startE2eRelay();
  });
  afterAll(async () => {
    await relay?.stop();
  });

  it('rate-limited: says when it retries and which data is shown, with the tiles staying', async () => {
    const { page, close } = await openApp(browser, relay.base);
    const count = await waitForTiles(page, 450);
    // Tiles can come from the HTTP snapshot while the socket is still connecting.
    await page.waitForFunction(() => /^live/.test(document.querySelector('[data-testid="connection-pill"]')?.textContent ?? ''), null, { timeout: 10_000 });
    expect(await page.getByTestId('status-banner').isHidden()).toBe(true);

    await relay.setFault({ mode: 'rate_limited', retryAfterSeconds: 60 });
    const limited = await bannerText(page, /^rate-limited — retrying at \d\d:\d\d:\d\d, showing data from \d\d:\d\d:\d\d$/);
    expect(await limited.jsonValue()).toBeTruthy();
    expect(await tileCount(page)).toBe(count);
    expect(await page.getByTestId('session-badge').isVisible()).toBe(true);
    await screenshot(page, 'banner-rate-limited');
    await close();
  }, 60_000);

  it('upstream down, then live again by itself, with the tiles staying', async () => {
    const fresh = await startE2eRelay();
    try {
      const { page, close } = await openApp(browser, fresh.base);
      const count = await waitForTiles(page, 450);
      await fresh.setFault({ mode: 'down' });
      await bannerText(page, /^upstream down — (retrying at \d\d:\d\d:\d\d, )?showing data from \d\d:\d\d:\d\d$/, 30_000);
      expect(await tileCount(page)).toBe(count);
      await screenshot(page, 'banner-upstream-down');
      await fresh.setFault({ mode: 'none' });
      await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid="status-banner"]')?.hidden === true, null, { timeout: 60_000 });
      expect(await page.getByTestId('connection-pill').textContent()).toMatch(/^live/);
      await close();
    } finally {
      await fresh.stop();
    }
  }, 120_000);

  it('keeps the map and says so when the relay itself goes away', async () => {
    const { page, close } = await openApp(browser, relay.base);
    const count = await waitForTiles(page, 450);
    await relay.relay.stop();
    const text = await bannerText(page, /^(reconnecting…|polling|offline — showing data from .+)$/, 30_000);
    expect(await text.jsonValue()).toBeTruthy();
    expect(await tileCount(page)).toBe(count);
    await screenshot(page, 'banner-relay-gone');
    await close();
  }, 60_000);
});

describe('upstream down from the start with nothing cached', () => {
  it('shows "Market data unavailable" instead of a blank map', async () => {
    const relay = await startE2eRelay({ SIM_FAULT: 'down' });
    try {
      const { page, close } = await openApp(browser, relay.base);
      await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid="empty-state"]')?.dataset.kind === 'unavailable', null, { timeout: 20_000 });
      expect(await page.getByTestId('empty-state').textContent()).toMatch(/Market data unavailable.*no saved data/);
      await screenshot(page, 'empty-upstream-down');
      await close();
    } finally {
      await relay.stop();
    }
  }, 60_000);
});
