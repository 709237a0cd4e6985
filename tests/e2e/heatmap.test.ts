/**
 * The live heatmap end to end: production build, real relay (simulated market, seed 42), real
 * engine worker, headless Debian Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { StocksResponseSchema, type Quote } from '../../relay/protocol.ts';
import { SAVED_SCENE_KEY } from '../../app/heatmap/savedScene.ts';
import { ENGINE_FAILED } from '../../app/shell/startFailure.ts';
import { ensureAppBuild, launchBrowser, openApp, pollPage, screenPixels, screenshot, startE2eRelay, tileCentre, tileSymbols, waitForTiles, type E2eRelay, type OpenedPage } from './harness.ts';

let relay: E2eRelay;
let browser: Browser;
let opened: OpenedPage[] = [];

beforeAll(async () => {
  await ensureAppBuild();
  relay = await startE2eRelay({ SIM_SPEED: '30' });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await Promise.all(opened.map((o) => o.close()));
  await browser?.close();
  await relay?.stop();
});

async function open(path = '/', viewport?: { width: number; height: number }): Promise<OpenedPage> {
  const o = await openApp(browser, `${relay.base}${path}`, viewport);
  opened.push(o);
  return o;
}

async function close(o: OpenedPage): Promise<void> {
  opened = opened.filter((x) => x !== o);
  await o.close();
}

async function relayQuotes(query = ''): Promise<Quote[]> {
  const res = await fetch(`${relay.base}/api/stocks${query}`);
  return StocksResponseSchema.parse(await res.json()).quotes;
}

/** The colour of the painted pixel low in the centre of each listed tile, as `r,g,b`. */
function tileColors(o: OpenedPage, symbols: string[]) {
  return o.page.evaluate(async (syms) => {
    const points = [];
    const found = [];
    for (const sym of syms) {
      const row = document.querySelector<HTMLElement>(`[data-testid="tile-table"] tr[data-symbol="${sym}"]`);
      const rect = row?.dataset.rect?.split(',').map(Number);
      if (!rect) continue;
      const [x, y, w, h] = rect as [number, number, number, number];
      points.push({ x: x + w / 2, y: y + h * 0.9 });
      found.push(sym);
    }
    const pixels = await window.__heatmap!.pixels(points);
    return Object.fromEntries(found.map((sym, i) => [sym, pixels[i]!]));
  }, symbols);
}

describe('heatmap in Chromium against the real relay', () => {
  it('renders the whole S&P 500 (≥ 450 tiles) and the table lists exactly the relay’s members', async () => {
    const o = await open();
    const count = await waitForTiles(o.page, 450);
    const expected = (await relayQuotes('?universe=sp500')).map((q) => q.symbol).sort();
    expect(count).toBe(expected.length);
    expect((await tileSymbols(o.page)).sort()).toEqual(expected);
    // Chromium can paint off the page's thread, so the map must be painted by the paint worker.
    expect(await o.page.evaluate(() => window.__heatmap!.thread)).toBe('worker');
    // The status components take each frame in a transition of their own, after the map.
    await o.page.waitForFunction(() => /Open|Closed|Pre-market|After-hours/.test(document.querySelector('[data-testid="session-badge"]')?.textContent ?? ''), null, { timeout: 10_000 });
    await screenshot(o.page, 'desktop-1440');
    expect(o.errors).toEqual([]);
    await close(o);
  });

  it('changes some tiles’ labels and colours within a few seconds', async () => {
    const o = await open();
    await waitForTiles(o.page, 450);
    const symbols = (await tileSymbols(o.page)).slice(0, 60);
    const labelText = () => o.page.evaluate(async () => Object.fromEntries((await window.__heatmap!.labels()).map((l) => [l.symbol, l.lines.join(' ')])));
    // From a settled map, so a first fade still running cannot pass for a live change.
    await pollPage(o.page, async () => !(await window.__heatmap!.busy()), null, 'the map to settle');
    const labelsBefore = await labelText();
    const colorsBefore = await tileColors(o, symbols);
    await pollPage(
      o.page,
      async (before: Record<string, string>) => (await window.__heatmap!.labels()).some((l) => before[l.symbol] !== undefined && before[l.symbol] !== l.lines.join(' ')),
      labelsBefore,
      'a tile label to change',
      8_000,
    );
    await expect
      .poll(async () => {
        const after = await tileColors(o, symbols);
        return symbols.filter((s) => colorsBefore[s] !== after[s]).length;
      }, { timeout: 5_000, interval: 200 })
      .toBeGreaterThan(0);
    await close(o);
  });

  it('a sector filter reduces the tiles to exactly that sector, and the URL says so', async () => {
    const o = await open();
    await waitForTiles(o.page, 450);
    await o.page.getByTestId('sector-summary').click();
    await o.page.locator('label:has(input[data-sector="Energy"])').click();
    await o.page.waitForFunction(() => new URL(location.href).searchParams.get('sectors') === 'Energy');
    const expected = (await relayQuotes('?universe=sp500&sector=Energy')).map((q) => q.symbol).sort();
    expect(expected.length).toBeGreaterThan(10);
    await o.page.waitForFunction((n) => document.querySelector<HTMLElement>('[data-testid="heatmap"]')?.dataset.tileCount === String(n), expected.length);
    await waitForTiles(o.page, expected.length);
    expect((await tileSymbols(o.page)).sort()).toEqual(expected);
    await close(o);
  });

  it('a custom criterion reduces the tiles to exactly the matching set; a bad one shows its error inline', async () => {
    const o = await open();
    await waitForTiles(o.page, 450);
    const criteria = 'industry = "Semiconductors" or symbol = "AAPL"';
    await o.page.getByTestId('criteria-input').fill(criteria);
    await o.page.getByTestId('criteria-input').press('Enter');
    const expected = (await relayQuotes('?universe=sp500'))
      .filter((q) => q.industry === 'Semiconductors' || q.symbol === 'AAPL')
      .map((q) => q.symbol)
      .sort();
    expect(expected.length).toBeGreaterThan(3);
    await o.page.waitForFunction((n) => document.querySelector<HTMLElement>('[data-testid="heatmap"]')?.dataset.tileCount === String(n), expected.length);
    await waitForTiles(o.page, expected.length);
    expect((await tileSymbols(o.page)).sort()).toEqual(expected);
    expect(new URL(o.page.url()).searchParams.get('criteria')).toBe(criteria);

    await o.page.getByTestId('criteria-input').fill('pct_change >> 2');
    await o.page.getByTestId('criteria-input').press('Enter');
    const error = o.page.getByTestId('criteria-error');
    await error.waitFor();
    expect(Number(await error.getAttribute('data-position'))).toBe(12);
    expect(await error.textContent()).toMatch(/column 13/);
    await screenshot(o.page, 'criteria-error');
    await close(o);
  });

  it('zooms into a sector by clicking its header and back with the breadcrumb and Escape; the URL restores the view on reload', async () => {
    const o = await open('/?palette=blue-orange&domain=5');
    await waitForTiles(o.page, 450);
    const header = await o.page.evaluate(() => {
      const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="tile-table"] tbody tr')];
      const it = rows.find((r) => r.querySelector('td:nth-child(3)')?.textContent === 'Information Technology')!;
      const [x, y] = it.dataset.rect!.split(',').map(Number) as [number, number];
      return { x, y };
    });
    // The sector header strip sits above the sector's tiles; find it by scanning upwards.
    const box = (await o.page.getByTestId('heatmap').boundingBox())!;
    await o.page.mouse.click(box.x + header.x + 20, box.y + 8);
    await o.page.getByTestId('zoomed-sector').waitFor();
    const zoomed = await o.page.getByTestId('zoomed-sector').textContent();
    const expected = (await relayQuotes(`?universe=sp500&sector=${encodeURIComponent(zoomed!)}`)).map((q) => q.symbol).sort();
    await o.page.waitForFunction((n) => document.querySelector<HTMLElement>('[data-testid="heatmap"]')?.dataset.tileCount === String(n), expected.length);
    await waitForTiles(o.page, expected.length);
    expect((await tileSymbols(o.page)).sort()).toEqual(expected);
    expect(new URL(o.page.url()).searchParams.get('zoom')).toBe(zoomed);

    await o.page.reload();
    await o.page.getByTestId('zoomed-sector').waitFor();
    expect(await o.page.getByTestId('zoomed-sector').textContent()).toBe(zoomed);
    await waitForTiles(o.page, expected.length);
    expect((await tileSymbols(o.page)).sort()).toEqual(expected);
    expect(await o.page.getByTestId('palette-select').inputValue()).toBe('blue-orange');
    expect(await o.page.evaluate(() => document.documentElement.dataset.palette)).toBe('blue-orange');
    await screenshot(o.page, 'zoomed-blue-orange');

    await o.page.getByTestId('zoom-out').click();
    await o.page.waitForFunction(() => !new URL(location.href).searchParams.has('zoom'));
    await waitForTiles(o.page, 450);
    await o.page.mouse.click(box.x + header.x + 20, box.y + 8);
    await o.page.getByTestId('zoomed-sector').waitFor();
    await o.page.keyboard.press('Escape');
    await o.page.waitForFunction(() => !document.querySelector('[data-testid="zoomed-sector"]'));
    await close(o);
  });

  it('clicking a tile opens the detail panel with live facts and a sparkline; Escape closes it', async () => {
    const o = await open();
    await waitForTiles(o.page, 450);
    const aapl = await tileCentre(o.page, 'AAPL');
    await o.page.mouse.move(aapl.x, aapl.y);
    await o.page.locator('.tooltip').waitFor();
    // Volume and market cap come from the engine one round trip after the tooltip appears.
    await o.page.waitForFunction(() => /Mkt cap\$/.test(document.querySelector('.tooltip')?.textContent ?? ''), null, { timeout: 5_000 });
    expect(await o.page.locator('.tooltip').textContent()).toMatch(/AAPL.*Apple.*Volume\d.*Mkt cap\$/);
    await o.page.mouse.click(aapl.x, aapl.y);
    const panel = o.page.getByTestId('detail-panel');
    await panel.waitFor();
    expect(await panel.getAttribute('data-symbol')).toBe('AAPL');
    await panel.getByTestId('sparkline').waitFor();
    expect(Number(await panel.getByTestId('sparkline').getAttribute('data-points'))).toBeGreaterThanOrEqual(1);
    const text = await panel.textContent();
    expect(text).toMatch(/Apple/);
    expect(text).toMatch(/Volume.*Market cap\$.*Sector.*Information Technology.*Industry.*Last update/);
    await screenshot(o.page, 'detail-panel');
    await o.page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await close(o);
  });

  it('paints on the page thread where the browser cannot hand a canvas to a worker', async () => {
    const o = await openApp(browser, relay.base, undefined, () => {
      delete (HTMLCanvasElement.prototype as { transferControlToOffscreen?: unknown }).transferControlToOffscreen;
    });
    opened.push(o);
    const count = await waitForTiles(o.page, 450);
    await o.page.waitForFunction((n) => document.querySelector<HTMLElement>('[data-testid="heatmap"]')?.dataset.paintedTiles === String(n), count, { timeout: 10_000 });
    expect(await o.page.evaluate(() => window.__heatmap!.thread)).toBe('page');
    const colors = Object.values(await tileColors(o, (await tileSymbols(o.page)).slice(0, 40)));
    expect(colors).toHaveLength(40);
    // Painted tiles: not the black of an unpainted canvas, and coloured by their moves.
    expect(colors.filter((c) => c === '0,0,0')).toEqual([]);
    expect(new Set(colors).size).toBeGreaterThan(3);
    expect(o.errors).toEqual([]);
    await close(o);
  });

  // At once: the page knows before the map mounts. Late: the map has already handed its canvas to
  // the worker, so it must mount a new canvas.
  it.each([
    ['at once', 0],
    ['after the map has handed over its canvas', 1500],
  ])('paints on the page, not a blank map, when the paint worker cannot load (%s)', async (_when, delayMs) => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      let blocked = 0;
      await context.route(/paintWorker-[^/]*\.js$/, async (route) => {
        blocked++;
        await new Promise((r) => setTimeout(r, delayMs));
        await route.abort();
      });
      await page.goto(relay.base);
      const count = await waitForTiles(page, 450);
      await page.waitForFunction((n) => document.querySelector<HTMLElement>('[data-testid="heatmap"]')?.dataset.paintedTiles === String(n), count, { timeout: 10_000 });
      expect(blocked).toBeGreaterThan(0);
      expect(await page.evaluate(() => window.__heatmap!.thread)).toBe('page');
      const colors = Object.values(await tileColors({ page, errors, close: () => context.close() }, (await tileSymbols(page)).slice(0, 40)));
      expect(colors.filter((c) => c === '0,0,0')).toEqual([]);
      expect(new Set(colors).size).toBeGreaterThan(3);
      expect(errors.some((e) => /paint worker failed/.test(e))).toBe(true);
    } finally {
      await context.close();
    }
  });

  // At once: before the app has rendered. Late: the app is on the page and must be taken down.
  it.each([
    ['at once', 0],
    ['after the app has rendered', 1500],
  ])('says the data engine could not start, rather than "Connecting…" for ever over the saved map, when its worker cannot load (%s)', async (_when, delayMs) => {
    // No service worker: the worker's script comes over the network, where the test drops it.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      // A first visit leaves the map's picture for the next start.
      await page.goto(relay.base);
      await page.waitForFunction((key) => localStorage.getItem(key) !== null, SAVED_SCENE_KEY, { timeout: 15_000 });
      let blocked = 0;
      await context.route(/\/assets\/worker-[^/]*\.js$/, async (route) => {
        blocked++;
        await new Promise((r) => setTimeout(r, delayMs));
        await route.abort();
      });
      await page.reload();
      if (delayMs > 0) await page.getByTestId('heatmap').waitFor();
      // Polled, so a failure prints what the page said instead (nothing, or another message).
      const alertText = () => page.evaluate(() => document.querySelector('#root [role="alert"]')?.textContent ?? null);
      await expect.poll(alertText, { timeout: 10_000, interval: 100 }).toBe(ENGINE_FAILED);
      expect(blocked, 'requests for the engine worker script dropped').toBeGreaterThan(0);
      expect(await page.locator('[data-testid="empty-state"], [data-testid="heatmap"], [data-testid="saved-map"]').count()).toBe(0);
      // Late, the saved map had been painted and is gone again; at once, the failure may come
      // before its picture is decoded, and then it is never shown.
      if (delayMs > 0) expect(await page.evaluate(() => performance.getEntriesByName('app:saved-map-painted').length)).toBe(1);
      expect(errors.some((e) => /the engine worker could not start/.test(e)), errors.join(' | ')).toBe(true);
      await screenshot(page, 'engine-failed');
    } finally {
      await context.close();
    }
  });

  it.each([
    ['desktop', { width: 1440, height: 900 }, false],
    ['phone', { width: 412, height: 823 }, true],
  ])('paints the map saved at the last visit in its place before the app has loaded, then goes live (%s)', async (name, viewport, phone) => {
    // No service worker, so the app's bundle comes over the network, where the test can hold it back.
    const context = await browser.newContext({ viewport, isMobile: phone, hasTouch: phone, deviceScaleFactor: 1, serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(relay.base);
      const count = await waitForTiles(page, 450);
      const mapBox = (await page.locator('[data-testid="heatmap"]').boundingBox())!;
      // A picture of the map is saved a few seconds after it first shows (once start-up is over).
      await page.waitForFunction((key) => localStorage.getItem(key)?.includes('data:image/jpeg;base64,'), SAVED_SCENE_KEY, { timeout: 15_000 });

      let held = 0;
      let release = () => {};
      const released = new Promise<void>((r) => (release = r));
      await context.route(/\/assets\/main-[^/]*\.js$/, async (route) => {
        held++;
        await released;
        await route.continue();
      });
      await page.reload();
      // The saved picture of every tile, shown while the app's code is held back, where the map was.
      const painted = await page.waitForFunction(() => {
        const saved = document.querySelector<HTMLElement>('[data-testid="saved-map"]');
        return Number(saved?.dataset.paintedTiles ?? 0) || false;
      }, null, { timeout: 15_000 });
      expect(await painted.jsonValue()).toBe(count);
      expect(held).toBeGreaterThan(0);
      expect(await page.locator('[data-testid="app"]').count()).toBe(0);
      expect(await page.locator('[data-testid="saved-map"]').boundingBox()).toEqual(mapBox);
      // The static frame does not widen the page (a phone would widen its layout viewport to fit).
      expect(await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth])).toEqual([viewport.width, viewport.width]);
      const grid = Array.from({ length: 48 }, (_, i) => ({ x: mapBox.x + ((i % 8) + 0.5) * (mapBox.width / 8), y: mapBox.y + (Math.floor(i / 8) + 0.5) * (mapBox.height / 6) }));
      const colors = await screenPixels(page, grid);
      expect(colors.filter((c) => c === '0,0,0')).toEqual([]);
      expect(new Set(colors).size).toBeGreaterThan(3);
      await screenshot(page, `saved-map-before-app-${name}`);

      // The app mounts the live map under it; it goes once the live canvas has painted.
      release();
      expect(await waitForTiles(page, 450)).toBe(count);
      await page.waitForFunction(() => document.querySelector('[data-testid="saved-map"]') === null, null, { timeout: 15_000 });
      await page.waitForFunction(() => document.querySelector('[data-testid="connection-pill"]')?.getAttribute('data-connection') === 'live', null, { timeout: 20_000 });
      // The frame the map shows now is live: no tile is stale, as every tile of the saved map was.
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="tile-table"] tbody tr[data-stale]').length === 0, null, { timeout: 10_000 });
      await pollPage(page, async () => !(await window.__heatmap!.busy()), null, 'the map to settle');
      await screenshot(page, `saved-map-then-live-${name}`);

      // Another view than the one saved: nothing is painted from the saved map.
      await context.unroute(/\/assets\/main-[^/]*\.js$/);
      await context.route(/\/assets\/main-[^/]*\.js$/, () => undefined);
      await page.goto(`${relay.base}?q=AAPL`);
      await page.waitForFunction(() => document.readyState === 'complete');
      await page.waitForTimeout(1_000);
      expect(await page.locator('[data-testid="saved-map"], [data-painted-tiles]').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.each([
    ['desktop', { width: 1440, height: 900 }, false],
    ['narrow window with a mouse', { width: 700, height: 900 }, false],
    ['phone', { width: 390, height: 844 }, true],
    ['tablet', { width: 1024, height: 768 }, true],
  ])("shows the app's frame from the HTML alone while the app's code loads, then the app replaces it in place (%s)", async (_name, viewport, touch) => {
    const context = await browser.newContext({ viewport, hasTouch: touch, isMobile: touch, serviceWorkers: 'block' });
    try {
      let release = () => {};
      const released = new Promise<void>((r) => (release = r));
      await context.route(/\/assets\/main-[^/]*\.js$/, async (route) => {
        await released;
        await route.continue();
      });
      const page = await context.newPage();
      await page.goto(relay.base, { waitUntil: 'commit' });
      await page.waitForSelector('.boot-brand');
      expect(await page.locator('.boot-brand').innerText()).toBe(viewport.width > 760 ? 'Market Heatmap' : 'Heatmap');
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(11, 14, 20)');
      const shellBar = (await page.locator('.boot-topbar').boundingBox())!;
      if (viewport.width === 1440) await screenshot(page, 'boot-shell');
      release();
      await waitForTiles(page, 1);
      expect(await page.locator('.boot-shell').count()).toBe(0);
      // The app's header takes the shell's place without moving what is below it.
      expect((await page.locator('.topbar').boundingBox())!.height).toBe(shellBar.height);
      expect(await page.locator('h1').count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it("shows the static frame in the view's own theme, before the app's code has loaded", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
    try {
      await context.route(/\/assets\/main-[^/]*\.js$/, () => undefined);
      const page = await context.newPage();
      await page.goto(`${relay.base}/?theme=light`, { waitUntil: 'commit' });
      await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(244, 245, 248)');
      expect(await page.locator('.boot-brand').isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('moves between tiles with the keyboard and opens details with Enter', async () => {
    const o = await open();
    await waitForTiles(o.page, 450);
    const focus = o.page.locator('.tile-focus');
    await focus.focus();
    const first = await focus.getAttribute('data-symbol');
    expect(await focus.getAttribute('aria-label')).toMatch(/^[A-Z.]+, .+, (up \d+\.\d\d %|down \d+\.\d\d %|unchanged), [\d,]+\.\d\d/);
    const visited = [first];
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowRight', 'ArrowDown']) {
      await o.page.keyboard.press(key);
      await o.page.waitForFunction((prev) => document.activeElement?.getAttribute('data-symbol') !== prev, visited.at(-1));
      visited.push(await o.page.evaluate(() => document.activeElement?.getAttribute('data-symbol') ?? null));
    }
    expect(new Set(visited).size).toBe(5);
    const outline = await o.page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
    await screenshot(o.page, 'keyboard-focus');
    await o.page.keyboard.press('Enter');
    await o.page.getByTestId('detail-panel').waitFor();
    expect(await o.page.getByTestId('detail-panel').getAttribute('data-symbol')).toBe(visited.at(-1));
    await o.page.keyboard.press('Escape');
    await o.page.getByTestId('detail-panel').waitFor({ state: 'detached' });
    await o.page.waitForFunction((s) => document.activeElement?.getAttribute('data-symbol') === s, visited.at(-1));
    await close(o);
  });
});
