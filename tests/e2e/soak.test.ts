/**
 * Soak: the production app left updating against a sped-up simulated market keeps its memory
 * bounded. The relay ticks every 100 ms at 10× speed, so 60 s of wall time is 10 minutes of
 * market time and 600 deltas. The JS heaps of the page, the engine worker and the paint worker are
 * read after a forced garbage collection once the app has warmed up and again at the end.
 *
 * Bound: each heap may grow by at most 8 MB (a leak of one frame's worth of typed arrays per delta
 * — about 6 KB for 500 tiles — would add ~3.6 MB; a leaked listener or history per tick far more).
 * The engine's intraday history grows by design, by about one point a minute per symbol (10 points
 * × 500 symbols here, well under 1 MB).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, CDPSession } from 'playwright-core';
import { ensureAppBuild, launchBrowser, openApp, startE2eRelay, waitForTiles, type E2eRelay } from './harness.ts';

const SOAK_MS = 60_000;
const MAX_GROWTH_BYTES = 8 * 1024 * 1024;

/**
 * The page's dedicated workers over its own CDP session (Playwright opens CDP sessions on pages
 * only): auto-attached without flattening, so their protocol runs through Target messages.
 */
async function workerHeaps(cdp: CDPSession): Promise<() => Promise<Record<string, number>>> {
  const workers = new Map<string, string>();
  const waiting = new Map<string, (result: unknown) => void>();
  let id = 0;
  cdp.on('Target.attachedToTarget', (e: { sessionId: string; targetInfo: { type: string; url: string } }) => {
    if (e.targetInfo.type !== 'worker') return;
    // The built scripts are worker-<hash>.js (the engine) and paintWorker-<hash>.js; the others
    // (pictureWorker-<hash>.js, started for each save of the map's picture and stopped after it)
    // live for a moment and are not measured.
    const script = e.targetInfo.url.split('/').pop()!.split('-')[0]!;
    const name = script === 'worker' ? 'engine' : script === 'paintWorker' ? 'paint' : null;
    if (name) workers.set(e.sessionId, name);
  });
  cdp.on('Target.detachedFromTarget', (e: { sessionId: string }) => void workers.delete(e.sessionId));
  cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    const m = JSON.parse(e.message) as { id?: number; result?: unknown };
    if (m.id !== undefined) waiting.get(`${e.sessionId}:${m.id}`)?.(m.result);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const call = (sessionId: string, method: string) =>
    new Promise<unknown>((resolve) => {
      const key = `${sessionId}:${++id}`;
      waiting.set(key, resolve);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
    });
  return async () => {
    const heaps: Record<string, number> = {};
    for (const [sessionId, name] of workers) {
      await call(sessionId, 'HeapProfiler.collectGarbage');
      heaps[name] = ((await call(sessionId, 'Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
    }
    return heaps;
  };
}

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
  it(`keeps the page's and its workers' heaps within ${MAX_GROWTH_BYTES / 2 ** 20} MB growth over 10 simulated minutes of live updates`, async () => {
    const { page, errors, close } = await openApp(browser, `${relay.base}/`);
    await waitForTiles(page, 450);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
      return metrics.find((m) => m.name === 'JSHeapUsedSize')!.value;
    };
    const workersHeap = await workerHeaps(cdp);
    const seqOf = () => page.$eval('[data-testid="heatmap"]', (e) => Number((e as HTMLElement).dataset.seq));

    await page.waitForTimeout(5000); // warm-up: caches, fonts, first history points
    const start = await heap();
    const workersStart = await workersHeap();
    const firstSeq = await seqOf();
    await page.waitForTimeout(SOAK_MS);
    const end = await heap();
    const workersEnd = await workersHeap();
    const lastSeq = await seqOf();

    const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
    console.log(`soak: page heap ${mb(start)} → ${mb(end)} over ${lastSeq - firstSeq} deltas`);
    for (const name of Object.keys(workersStart)) console.log(`soak: ${name} worker heap ${mb(workersStart[name]!)} → ${mb(workersEnd[name] ?? NaN)}`);
    // Both workers were measured, at the start and at the end.
    expect(Object.keys(workersStart).sort()).toEqual(['engine', 'paint']);
    for (const name of Object.keys(workersStart)) expect(workersEnd[name]! - workersStart[name]!, `${name} heap growth`).toBeLessThan(MAX_GROWTH_BYTES);
    // It really was updating the whole time (throttled frames may skip some seqs).
    expect(lastSeq - firstSeq).toBeGreaterThan(300);
    expect(end - start).toBeLessThan(MAX_GROWTH_BYTES);
    expect(errors).toEqual([]);
    await close();
  }, 120_000);
});
