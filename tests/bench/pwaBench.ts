/**
 * `npm run bench:pwa`: time to the first full heatmap, in ms from navigation start, median of
 * several runs in headless Chromium against the production build:
 * - cold: a fresh browser profile (no service worker, no IndexedDB), relay up;
 * - warm offline: the same profile after one visit, with the relay stopped and the browser
 *   offline, so the app shell comes from the service worker and the data from IndexedDB.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadConfig } from '../../relay/config.ts';
import { startRelay } from '../../relay/relay.ts';
import { APP_DIR, ensureAppBuild, launchBrowser, waitForTiles } from '../e2e/harness.ts';
import { startForwarder } from '../e2e/proxy.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const MIN_TILES = 450;

/** ms from navigation start until the map first holds every tile (polled every animation frame). */
async function firstHeatmapMs(page: Page): Promise<number> {
  const handle = await page.waitForFunction((min) => {
    const count = Number(document.querySelector<HTMLElement>('[data-testid="heatmap"]')?.dataset.tileCount ?? 0);
    return count >= min ? performance.now() : false;
  }, MIN_TILES, { timeout: 30_000, polling: 'raf' });
  return (await handle.jsonValue()) as number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

await ensureAppBuild();
const relay = await startRelay({ config: loadConfig({ BACKEND_HOST: '127.0.0.1', BACKEND_PORT: '0', LOG_LEVEL: 'silent',
  STATIC_DIR: APP_DIR, DATA_DIR: await mkdtemp(join(tmpdir(), 'pwa-bench-')) }) });
const forwarder = await startForwarder(relay.port);
const url = `http://127.0.0.1:${forwarder.port}/`;
const browser = await launchBrowser();

const cold: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  cold.push(await firstHeatmapMs(page));
  await context.close();
}

const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
const page = await context.newPage();
await page.goto(url);
await waitForTiles(page, MIN_TILES);
await page.waitForFunction(() => Boolean(navigator.serviceWorker?.controller), null, { timeout: 20_000 });
await page.waitForTimeout(2500); // the engine's first snapshot save
await relay.stop();
forwarder.target(null);
forwarder.dropAll();
await context.setOffline(true);
const warm: number[] = [];
for (let i = 0; i < RUNS; i++) {
  await page.reload();
  warm.push(await firstHeatmapMs(page));
}
await browser.close();
await forwarder.close();

console.log(`\nFirst full heatmap (≥ ${MIN_TILES} tiles), ms from navigation start, ${RUNS} runs, 1440×900\n`);
console.log('| start | median | min | max |');
console.log('|---|---:|---:|---:|');
for (const [name, xs] of [['cold (no cache, relay up)', cold], ['warm offline (service worker + IndexedDB, relay down)', warm]] as const) {
  console.log(`| ${name} | ${Math.round(median(xs))} | ${Math.round(Math.min(...xs))} | ${Math.round(Math.max(...xs))} |`);
}
console.log(`\nTarget: warm offline first heatmap < 300 ms — ${median(warm) < 300 ? 'met' : 'missed'}`);
process.exit(0);
