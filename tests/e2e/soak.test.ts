/**
 * Soak: the production app left updating against a sped-up simulated market keeps its memory
 * bounded. The relay ticks every 100 ms at 10× speed, so 60 s of wall time is 10 minutes of
 * market time and 600 deltas. The page's JS heap is read after a forced garbage collection once
 * the app has warmed up and again at the end.
 *
 * Bound: the heap may grow by at most 8 MB (a leak of one frame's worth of typed arrays per delta
 * — about 6 KB for 500 tiles — would add ~3.6 MB; a leaked listener or history per tick far more).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ensureAppBuild, launchBrowser, openApp, startE2eRelay, waitForTiles, type E2eRelay } from './harness.ts';

const SOAK_MS = 60_000;
const MAX_GROWTH_BYTES = 8 * 1024 * 1024;

let browser: Browser;
let relay: E2eRelay;
beforeAll(async () => {
  await ensureAppBuild();
  relay = await startE2eRelay({ SIM_TICK_MS: '100', SIM_SPEED: '10' });
  browser = await launchBrowser();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await relay?.stop();
});

describe('soak', () => {
  it(`keeps the page heap within ${MAX_GROWTH_BYTES / 2 ** 20} MB over 10 simulated minutes of live updates`, async () => {
    const { page, errors, close } = await openApp(browser, `${relay.base}/`);
    await waitForTiles(page, 450);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
      return metrics.find((m) => m.name === 'JSHeapUsedSize')!.value;
    };
    const seqOf = () => page.$eval('[data-testid="heatmap"]', (e) => Number((e as HTMLElement).dataset.seq));

    await page.waitForTimeout(5000); // warm-up: caches, fonts, first history points
    const start = await heap();
    const firstSeq = await seqOf();
    await page.waitForTimeout(SOAK_MS);
    const end = await heap();
    const lastSeq = await seqOf();

    console.log(`soak: heap ${(start / 2 ** 20).toFixed(1)} MB → ${(end / 2 ** 20).toFixed(1)} MB over ${lastSeq - firstSeq} deltas`);
    // It really was updating the whole time (throttled frames may skip some seqs).
    expect(lastSeq - firstSeq).toBeGreaterThan(300);
    expect(end - start).toBeLessThan(MAX_GROWTH_BYTES);
    expect(errors).toEqual([]);
    await close();
  }, 120_000);
});
