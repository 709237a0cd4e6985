/**
 * `npm run bench:pwa`: time to the first full heatmap painted, in ms from navigation start,
 * median of several runs in headless Chromium against the production build:
 * - cold: a fresh browser profile (no service worker, no IndexedDB), relay up;
 * - warm offline: the same profile after one visit, with the relay stopped and the browser
 *   offline, so the app shell comes from the service worker and the data from IndexedDB.
 *
 * The time is taken inside the page and read after the fact: a script installed before any app
 * script watches `data-painted-tiles` on the live map and on the saved map the page paints at boot
 * (app/heatmap/savedMap.ts), set when the painter (the paint worker, or the page itself) reports a
 * paint with that many tiles, and takes `data-painted-at`, when that paint
 * finished on the page's clock: the figure reported. Beside it, when the page heard of it (the end
 * of the page's next animation frame after the report; from the paint worker the report is a
 * message, which waits while the page's thread is busy starting up).
 * The older method, polling from here after `page.reload()` returns, cannot see anything before
 * the load event plus a DevTools round trip (~75–200 ms on this machine even for a page that
 * shows its map at once); its figure is printed beside the new one for comparison.
 */
import { mkdtemp } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadConfig } from '../../relay/config.ts';
import { startRelay } from '../../relay/relay.ts';
import { APP_DIR, ensureAppBuild, launchBrowser, waitForTiles } from '../e2e/harness.ts';
import { startForwarder } from '../e2e/proxy.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const MIN_TILES = 450;

/**
 * Runs in the page before any app script: when the painter first reports `min` tiles painted, keeps
 * when that paint finished as `window.__fullMap`, and the end of the page's next animation frame as
 * `window.__fullMapSeen`.
 */
const WATCH_FULL_MAP = (min: number) => {
  const observer = new MutationObserver(() => {
    // The live map, or the saved map the page paints at boot before it (app/heatmap/savedMap.ts).
    const map = [...document.querySelectorAll<HTMLElement>('[data-painted-tiles]')].find((m) => Number(m.dataset.paintedTiles) >= min);
    if (!map) return;
    observer.disconnect();
    const w = window as { __fullMap?: number; __fullMapSeen?: number };
    w.__fullMap = Number(map.dataset.paintedAt);
    requestAnimationFrame(() => (w.__fullMapSeen = performance.now()));
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-painted-tiles'] });
};

interface Timing {
  /** ms from navigation start to the end of the first paint with every tile, by the painter. */
  painted: number;
  /** The same paint as the page heard of it (see above). */
  seen: number;
  /** The same moment as the old reload-then-poll method reports it. */
  polled: number;
  /** `app:map-painted`, the page's mark when the painter first reported tiles painted. */
  firstPaintMark: number;
}

/** Waits for the current navigation's full map and reads its timings. */
async function firstHeatmap(page: Page): Promise<Timing> {
  const polled = page.waitForFunction((min) => {
    const count = Number(document.querySelector<HTMLElement>('[data-testid="heatmap"]')?.dataset.tileCount ?? 0);
    return count >= min ? performance.now() : false;
  }, MIN_TILES, { timeout: 30_000, polling: 'raf' });
  const seen = page.waitForFunction(() => {
    const w = window as { __fullMap?: number; __fullMapSeen?: number };
    return w.__fullMapSeen === undefined ? false : [w.__fullMap!, w.__fullMapSeen];
  }, null, { timeout: 30_000 });
  const [s, q] = await Promise.all([seen, polled]);
  const [painted, seenAt] = (await s.jsonValue()) as [number, number];
  const firstPaintMark = await page.evaluate(() => performance.getEntriesByName('app:map-painted')[0]?.startTime ?? NaN);
  return { painted, seen: seenAt, polled: (await q.jsonValue()) as number, firstPaintMark };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

await ensureAppBuild();
const relay = await startRelay({ config: loadConfig({ BACKEND_HOST: '127.0.0.1', BACKEND_PORT: '0', LOG_LEVEL: 'silent',
  STATIC_DIR: APP_DIR, DATA_DIR: await mkdtemp(join(tmpdir(), 'pwa-bench-')) }) });
const forwarder = await startForwarder(relay.port);
const url = `http://127.0.0.1:${forwarder.port}/`;
const browser = await launchBrowser();

const cold: Timing[] = [];
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(WATCH_FULL_MAP, MIN_TILES);
  const page = await context.newPage();
  await page.goto(url);
  cold.push(await firstHeatmap(page));
  await context.close();
}

const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
await context.addInitScript(WATCH_FULL_MAP, MIN_TILES);
const page = await context.newPage();
await page.goto(url);
await waitForTiles(page, MIN_TILES);
await page.waitForFunction(() => Boolean(navigator.serviceWorker?.controller), null, { timeout: 20_000 });
await page.waitForTimeout(2500); // the engine's first snapshot save
await relay.stop();
forwarder.target(null);
forwarder.dropAll();
await context.setOffline(true);
const warm: Timing[] = [];
for (let i = 0; i < RUNS; i++) {
  await page.reload();
  warm.push(await firstHeatmap(page));
}
await browser.close();
await forwarder.close();

const [load1 = 0, load5 = 0] = loadavg();
console.log(`\nFirst full heatmap painted (≥ ${MIN_TILES} tiles), ms from navigation start, ${RUNS} runs, 1440×900, load average ${load1.toFixed(2)} / ${load5.toFixed(2)} (1 / 5 min)\n`);
console.log('| start | median | min | max | heard by the page, median | old method (reload-then-poll) median |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [name, runs] of [['cold (no cache, relay up)', cold], ['warm offline (service worker + IndexedDB, relay down)', warm]] as const) {
  const xs = runs.map((r) => r.painted);
  console.log(`| ${name} | ${Math.round(median(xs))} | ${Math.round(Math.min(...xs))} | ${Math.round(Math.max(...xs))} | ${Math.round(median(runs.map((r) => r.seen)))} | ${Math.round(median(runs.map((r) => r.polled)))} |`);
}
// app:map-painted marks the live map's first paint with tiles; on a start without a saved map, after
// the full map's paint it would mean the clocks disagree (the painter's epoch time against the page's).
const odd = cold.filter((r) => !(r.firstPaintMark <= r.painted + 0.5));
if (odd.length > 0) console.log(`\nNote: in ${odd.length} runs app:map-painted was after the full map's paint`);
const warmMedian = median(warm.map((r) => r.painted));
console.log(`\nTarget: warm offline first heatmap < 300 ms — ${warmMedian < 300 ? 'met' : 'missed'}`);
process.exit(0);
