/**
 * The PWA against the production build served by a real relay, in Debian Chromium: the service
 * worker and manifest; an offline start from the cache with the relay stopped; going live again
 * without a reload; and a new deployment's update prompt. A TCP forwarder keeps one origin (and so
 * one service worker and one IndexedDB) while relays behind it stop, start and change builds.
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { loadConfig } from '../../relay/config.ts';
import { startRelay, type RunningRelay } from '../../relay/relay.ts';
import { APP_DIR, CHROMIUM_ARGS, ROOT, engineRecord, ensureAppBuild, screenshot, tileCentre, tileSymbols, waitForTiles } from './harness.ts';
import { startForwarder, type Forwarder } from './proxy.ts';

let forwarder: Forwarder;
const relays: RunningRelay[] = [];

async function relayServing(staticDir: string, dataDir: string): Promise<RunningRelay> {
  const config = loadConfig({ BACKEND_HOST: '127.0.0.1', BACKEND_PORT: '0', SIM_SEED: '42', SIM_TICK_MS: '1000', DATA_DIR: dataDir, STATIC_DIR: staticDir, LOG_LEVEL: 'silent' });
  const relay = await startRelay({ config });
  relays.push(relay);
  return relay;
}

/** Builds the app into `outDir` with a distinct build id, as a new deployment would. */
function buildInto(outDir: string, buildId: string): Promise<void> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV' && k !== 'TEST'));
  return new Promise((resolve, reject) => execFile(process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'],
    // The provider key in the build's environment must not reach the bundle (checked below).
    { cwd: ROOT, env: { ...env, NODE_ENV: 'production', BUILD_ID: buildId, STOCK_API_KEY: BUILD_SECRET } },
    (error, _out, stderr) => (error ? reject(new Error(stderr || error.message)) : resolve())));
}

const BUILD_SECRET = 'sk-live-BUILD-ENV-SECRET-9931';

/** Every file under `dir`, as text. */
async function readTree(dir: string): Promise<string[]> {
  const { readdir, readFile } = await import('node:fs/promises');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(entries.filter((e) => e.isFile()).map((e) => readFile(join(e.parentPath, e.name), 'latin1')));
}

/**
 * Tells the page it has been put away (a phone switching apps), as the browser would: headless
 * Chromium never hides a tab. The page then reads `visible` again.
 */
async function hide(page: Page): Promise<void> {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    delete (document as { visibilityState?: unknown }).visibilityState;
  });
}

const buildIdOf = (page: Page) => page.$eval('meta[name="app-build"]', (m) => m.getAttribute('content'));
const bannerText = (page: Page) => page.$eval('[data-testid="status-banner"]', (e) => (e as HTMLElement).innerText);
const connection = (page: Page) => page.$eval('[data-testid="connection-pill"]', (e) => e.getAttribute('data-connection'));

async function waitForController(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined, null, { timeout: 20_000 });
}

beforeAll(async () => {
  await ensureAppBuild();
  forwarder = await startForwarder(null);
}, 240_000);

afterAll(async () => {
  await forwarder?.close();
  for (const relay of relays) await relay.stop();
});

describe('PWA', () => {
  let context: BrowserContext;
  let page: Page;
  let origin: string;

  it('installs a service worker that controls the page, with a valid manifest and loadable icons', async () => {
    const relay = await relayServing(APP_DIR, await mkdtemp(join(tmpdir(), 'pwa-data-')));
    forwarder.target(relay.port);
    origin = `http://127.0.0.1:${forwarder.port}`;
    // A persistent profile, as an installed app has: incognito contexts are never installable.
    context = await chromium.launchPersistentContext(await mkdtemp(join(tmpdir(), 'pwa-profile-')),
      { executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, viewport: { width: 1280, height: 800 } });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${origin}/`);
    await waitForTiles(page, 450);
    await waitForController(page);

    const manifestHref = await page.$eval('link[rel="manifest"]', (l) => (l as HTMLLinkElement).href);
    const manifest = (await (await page.request.get(manifestHref)).json()) as Record<string, unknown> & { icons: { src: string; sizes: string; purpose?: string }[] };
    expect(manifest).toMatchObject({ name: 'Live Market Heatmap', short_name: 'Heatmap', start_url: '/', scope: '/', display: 'standalone' });
    expect(manifest.theme_color).toMatch(/^#/);
    expect(manifest.background_color).toMatch(/^#/);
    const sizes = manifest.icons.map((i) => i.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons) {
      const res = await page.request.get(new URL(icon.src, manifestHref).href);
      expect(res.headers()['content-type']).toBe('image/png');
      // A PNG's width and height sit at bytes 16–23 of its IHDR chunk.
      const png = await res.body();
      const [w, h] = icon.sizes.split('x').map(Number);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([w, h]);
    }
    // The page's own icon links: raster images that load (an SVG icon would be parsed on the page's thread).
    const headIcons = await page.$$eval('link[rel="icon"], link[rel="apple-touch-icon"]', (links) => links.map((l) => (l as HTMLLinkElement).href));
    expect(headIcons.length).toBeGreaterThanOrEqual(2);
    for (const href of headIcons) {
      const res = await page.request.get(href);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toMatch(/^image\/(png|x-icon|vnd\.microsoft\.icon)$/);
    }
    const screenshots = (manifest.screenshots as { src: string }[]).map((s) => new URL(s.src, manifestHref).href);
    for (const url of screenshots) expect((await page.request.get(url)).status()).toBe(200);
    // Chromium's own installability verdict: no errors means the browser may offer install.
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
  }, 90_000);

  it('opens offline from the cache with the relay stopped: last heatmap, stale markers, offline banner; zoom, detail panel, sparkline and filters still work', async () => {
    // Wait until the engine has persisted the live snapshot (the first save 3 s after the first
    // live data, later ones every 10 s): read the database itself rather than guess a delay.
    await expect.poll(async () => (await engineRecord(page, 'last'))?.quotes ?? 0, { timeout: 20_000, interval: 250 }).toBeGreaterThanOrEqual(450);
    // The phone puts the app away before the train leaves: hidden, the engine saves its history
    // at once (its first timed save is a minute out, so without that there would be none yet).
    // Quotes carry the wall clock, so history has a point per real minute the page has seen.
    await hide(page);
    await expect.poll(async () => (await engineRecord(page, 'AAPL', 'history'))?.points ?? 0, { timeout: 10_000, interval: 250 }).toBeGreaterThanOrEqual(1);
    const storedPoints = (await engineRecord(page, 'AAPL', 'history'))!.points;
    const before = await tileSymbols(page);
    for (const relay of relays.splice(0)) await relay.stop();
    forwarder.target(null);
    forwarder.dropAll();
    await context.setOffline(true);

    const started = Date.now();
    await page.reload();
    const count = await waitForTiles(page, 450, 20_000);
    const firstHeatmapMs = Date.now() - started;
    expect(count).toBe(before.length);
    await page.waitForFunction(() => /offline — showing data from \d{1,2}:\d{2}/.test(document.querySelector<HTMLElement>('[data-testid="status-banner"]')?.innerText ?? ''), null, { timeout: 20_000 });
    expect(await bannerText(page)).toMatch(/^offline — showing data from/);
    const staleRows = await page.$$eval('[data-testid="tile-table"] tbody tr[data-symbol]', (rows) => rows.filter((r) => r.hasAttribute('data-stale')).length);
    expect(staleRows).toBe(count);
    await screenshot(page, 'pwa-offline');

    // The detail panel and its sparkline work on cached data: the history saved when hidden.
    const aapl = await tileCentre(page, 'AAPL');
    await page.mouse.click(aapl.x, aapl.y);
    const panel = page.getByTestId('detail-panel');
    await panel.getByTestId('sparkline').waitFor();
    expect(await panel.getAttribute('data-symbol')).toBe('AAPL');
    expect(Number(await panel.getByTestId('sparkline').getAttribute('data-points'))).toBeGreaterThanOrEqual(storedPoints);
    expect(await panel.getByTestId('detail-stale').textContent()).toMatch(/^Stale — no live data now/);
    await screenshot(page, 'pwa-offline-detail');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });

    // Zoom works on cached data: into the sector by its header strip, out with Escape.
    const tech = await page.$$eval('[data-testid="tile-table"] tbody tr[data-symbol]', (rows) => {
      const rects = rows.filter((r) => r.querySelector('td:nth-child(3)')?.textContent === 'Information Technology')
        .map((r) => (r as HTMLElement).dataset.rect!.split(',').map(Number) as [number, number]);
      const top = rects.reduce((a, b) => (b[1] < a[1] ? b : a));
      return { count: rects.length, x: top[0], y: top[1] };
    });
    const map = (await page.getByTestId('heatmap').boundingBox())!;
    // The largest sector sits at the map's top, its header strip first (as in heatmap.test.ts).
    await page.mouse.click(map.x + tech.x + 20, map.y + 8);
    expect(await page.getByTestId('zoomed-sector').textContent()).toBe('Information Technology');
    await page.waitForFunction((n) => document.querySelector<HTMLElement>('[data-testid="heatmap"]')?.dataset.tileCount === String(n), tech.count, { timeout: 10_000 });
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('[data-testid="zoomed-sector"]'), null, { timeout: 10_000 });
    expect(await waitForTiles(page, count, 10_000)).toBe(count);

    // A filter works on cached data: the URL drives the view.
    await page.evaluate(() => {
      const url = new URL(location.href);
      url.searchParams.set('sectors', 'Energy');
      history.pushState(null, '', url);
      dispatchEvent(new PopStateEvent('popstate'));
    });
    // The table drops the other rows a task after the map's count changes: wait for both.
    await page.waitForFunction(() => {
      const count = Number(document.querySelector<HTMLElement>('[data-testid="heatmap"]')?.dataset.tileCount);
      return count < 40 && document.querySelectorAll('[data-testid="tile-table"] tbody tr[data-symbol]').length === count;
    }, null, { timeout: 20_000 });
    const energy = await tileSymbols(page);
    expect(energy.length).toBeGreaterThan(10);
    expect(energy).toContain('XOM');
    expect(energy).not.toContain('AAPL');
    console.log(`offline first heatmap after reload: ${firstHeatmapMs} ms`);
  }, 90_000);

  it('goes live again by itself, without a reload, when the network and the relay return', async () => {
    const marker = await page.evaluate(() => ((window as unknown as { __noReload: number }).__noReload = Math.random()));
    const relay = await relayServing(APP_DIR, await mkdtemp(join(tmpdir(), 'pwa-data-')));
    forwarder.target(relay.port);
    await context.setOffline(false);
    await page.waitForFunction(() => document.querySelector('[data-testid="connection-pill"]')?.getAttribute('data-connection') === 'live', null, { timeout: 20_000 });
    expect(await connection(page)).toBe('live');
    expect(await page.evaluate(() => (window as unknown as { __noReload: number }).__noReload)).toBe(marker);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid="status-banner"]')?.hidden === true, null, { timeout: 20_000 });
  }, 60_000);

  it('shows a "new version" prompt when a changed build is deployed, and reloads into it when accepted', async () => {
    const oldBuild = await buildIdOf(page);
    const nextDir = await mkdtemp(join(tmpdir(), 'pwa-next-'));
    await buildInto(nextDir, `e2e-next-${Date.now()}`);
    const files = await readTree(nextDir);
    expect(files.length).toBeGreaterThan(5);
    expect(files.filter((text) => text.includes(BUILD_SECRET))).toEqual([]);
    const next = await relayServing(nextDir, await mkdtemp(join(tmpdir(), 'pwa-data-')));
    forwarder.target(next.port);
    forwarder.dropAll(); // a deploy restarts the server: kept-alive connections to the old one end
    // A running tab checks hourly; ask now rather than wait.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await page.waitForSelector('[data-testid="update-prompt"]', { timeout: 30_000 });
    await screenshot(page, 'pwa-update-prompt');
    // Until accepted, the running tab keeps its own build.
    expect(await buildIdOf(page)).toBe(oldBuild);
    await page.click('[data-testid="update-prompt"] button:has-text("Reload")');
    await page.waitForFunction((old) => document.querySelector('meta[name="app-build"]')?.getAttribute('content') !== old, oldBuild, { timeout: 30_000 });
    // The reload keeps the view (still filtered to Energy from the offline step) and goes live.
    expect(new URL(page.url()).searchParams.get('sectors')).toBe('Energy');
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('[data-testid="heatmap"]')?.dataset.tileCount) >= 10, null, { timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="connection-pill"]')?.getAttribute('data-connection') === 'live', null, { timeout: 30_000 });
    await screenshot(page, 'pwa-after-update');
    const newBuild = await buildIdOf(page);
    expect(newBuild).not.toBe(oldBuild);
    expect(newBuild).toMatch(/^e2e-next-/);
    await context.close();
  }, 180_000);
});
