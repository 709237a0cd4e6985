/**
 * `npm run bench:app`: frame times of the live heatmap in headless Chromium while the relay's
 * simulated market updates at 10 Hz, for the S&P 500 (~500 tiles) and the synthetic 6,000-symbol
 * universe. Runs the production build (dist/app) served by the compiled relay (dist/relay).
 *
 * Per scenario it reports:
 * - first heatmap: navigation start → the map first holds all tiles (network, worker, layout, paint);
 *   first paint: the canvas paint of that first full map alone;
 * - over a measured window, for the thread that paints the map (the paint worker where the
 *   browser has OffscreenCanvas, else the page): animation-frame durations (p50/p95/p99), fps,
 *   dropped frames (a frame longer than 1.5 × the display interval counts the frames it
 *   swallowed), canvas paint time per frame (p50/p95); for the page's own thread: fps, p95 frame,
 *   long tasks (> 50 ms) and long animation frames (> 50 ms, Chrome's LoAF); and the engine
 *   frames received per second.
 *
 * Env: BENCH_SECONDS (default 10), BENCH_WIDTH/BENCH_HEIGHT (default 1920×1080).
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '../..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const VIEWPORT = { width: Number(process.env.BENCH_WIDTH ?? 1920), height: Number(process.env.BENCH_HEIGHT ?? 1080) };
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const SCENARIOS = [
  { name: 'S&P 500', universe: 'sp500', env: { SIM_UNIVERSE: 'shipped' }, minTiles: 450 },
  { name: 'synthetic 6,000', universe: 'synthetic', env: { SIM_UNIVERSE: 'synthetic', SIM_SYMBOLS: '6000' }, minTiles: 6000 },
];

/** Runs in the page before any app code: collects long tasks and long animation frames. */
const OBSERVE = () => {
  const bench = { long: [], loaf: [], firstTilesAt: null };
  window.__bench = bench;
  const watch = (type, into) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach((e) => into.push(e.duration))).observe({ type, buffered: true });
    } catch {
      /* not supported by this browser */
    }
  };
  watch('longtask', bench.long);
  watch('long-animation-frame', bench.loaf);
};

const quantile = (sorted, q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);
const round = (n, d = 1) => (Number.isFinite(n) ? Number(n.toFixed(d)) : null);

/**
 * Measures in the page for `seconds`: animation-frame intervals of the page's thread and of the
 * thread that paints the map (the paint worker, or the page itself where it paints), engine frames
 * seen, long tasks, paints.
 */
async function measureWindow(seconds) {
  const bench = window.__bench;
  const probe = window.__heatmap;
  bench.long.length = 0;
  bench.loaf.length = 0;
  await probe.takePaints();
  const map = document.querySelector('[data-testid="heatmap"]');
  const seqs = new Set();
  const layouts = new Set();
  const start = performance.now();
  const painter = probe.frameIntervals(seconds * 1000);
  const page = await new Promise((resolveWindow) => {
    const deltas = [];
    let last = null;
    const tick = (t) => {
      if (last !== null) deltas.push(t - last);
      last = t;
      seqs.add(map.dataset.seq);
      layouts.add(map.dataset.layoutVersion);
      if (t - start < seconds * 1000) requestAnimationFrame(tick);
      else resolveWindow(deltas);
    };
    requestAnimationFrame(tick);
  });
  const elapsed = performance.now() - start;
  return { thread: probe.thread, page, painter: await painter, engineFrames: seqs.size, layouts: layouts.size, elapsed, long: [...bench.long], loaf: [...bench.loaf], paints: await probe.takePaints() };
}

/** fps, percentiles and dropped frames of a list of animation-frame intervals. */
function frameStats(intervals, windowMs) {
  const sorted = [...intervals].sort((a, b) => a - b);
  const display = quantile(sorted, 0.5) < 12 ? 1000 / 120 : 1000 / 60;
  return {
    fps: round((intervals.length * 1000) / windowMs),
    p50: round(quantile(sorted, 0.5), 2),
    p95: round(quantile(sorted, 0.95), 2),
    p99: round(quantile(sorted, 0.99), 2),
    max: round(sorted.at(-1), 1),
    // A frame longer than 1.5 × the display interval counts the frames it swallowed.
    dropped: intervals.reduce((n, d) => n + (d > display * 1.5 ? Math.round(d / display) - 1 : 0), 0),
  };
}

async function runScenario(browser, scenario, relayModule, configModule) {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-app-'));
  const config = configModule.loadConfig({
    BACKEND_HOST: '127.0.0.1', BACKEND_PORT: '0', SIM_SEED: '42', SIM_TICK_MS: '100', SIM_SPEED: '10',
    DATA_DIR: dataDir, STATIC_DIR: join(ROOT, 'dist/app'), LOG_LEVEL: 'silent', ...scenario.env,
  });
  const relay = await relayModule.startRelay({ config });
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.addInitScript(OBSERVE);
  try {
    await page.goto(`http://127.0.0.1:${relay.port}/?universe=${scenario.universe}`);
    const firstAt = await (
      await page.waitForFunction(
        (min) => {
          const n = Number(document.querySelector('[data-testid="heatmap"]')?.dataset.tileCount ?? 0);
          return n >= min && window.__heatmap ? performance.now() : false;
        },
        scenario.minTiles,
        { timeout: 60_000, polling: 'raf' },
      )
    ).jsonValue();
    const firstPaints = await page.evaluate(() => window.__heatmap.takePaints());
    const tiles = await page.evaluate(() => Number(document.querySelector('[data-testid="heatmap"]').dataset.tileCount));
    // Warm-up (JIT, caches, the first transitions), past the start-up stillness: the map animates
    // only from 3 s after its first frame (app/heatmap/useMapStill.ts), and the window measures it
    // animating.
    await page.waitForTimeout(4500);
    const m = await page.evaluate(measureWindow, SECONDS);
    const painter = frameStats(m.painter, SECONDS * 1000);
    const pageFrames = frameStats(m.page, m.elapsed);
    const paints = [...m.paints].sort((a, b) => a - b);
    return {
      scenario: scenario.name,
      tiles,
      paintedBy: m.thread,
      firstHeatmapMs: round(firstAt, 0),
      firstPaintMs: round(firstPaints.length ? Math.max(...firstPaints) : NaN),
      // The map's frames: those of the thread that paints it.
      fps: painter.fps,
      frameP50: painter.p50,
      frameP95: painter.p95,
      frameP99: painter.p99,
      frameMax: painter.max,
      dropped: painter.dropped,
      // The page's own thread (input, UI): its frames, long tasks and long animation frames.
      pageFps: pageFrames.fps,
      pageFrameP95: pageFrames.p95,
      longTasks: m.long.length,
      longTaskMax: round(m.long.length ? Math.max(...m.long) : 0),
      loafOver50: m.loaf.filter((d) => d > 50).length,
      loafMax: round(m.loaf.length ? Math.max(...m.loaf) : 0),
      paintP50: round(quantile(paints, 0.5), 2),
      paintP95: round(quantile(paints, 0.95), 2),
      engineFramesPerSec: round(m.engineFrames / (m.elapsed / 1000)),
      layoutsPerSec: round(m.layouts / (m.elapsed / 1000)),
    };
  } finally {
    await context.close();
    await relay.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const relayModule = await import(join(ROOT, 'dist/relay/relay.js'));
  const configModule = await import(join(ROOT, 'dist/relay/config.js'));
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const results = [];
  try {
    for (const scenario of SCENARIOS) {
      process.stderr.write(`measuring ${scenario.name} for ${SECONDS} s…\n`);
      results.push(await runScenario(browser, scenario, relayModule, configModule));
    }
  } finally {
    await browser.close();
  }
  console.log(`Heatmap frame times, headless Chromium ${browser.version()}, ${VIEWPORT.width}×${VIEWPORT.height}, updates at 10 Hz, ${SECONDS} s window`);
  console.table(results);
  await mkdir(join(ROOT, 'test-results'), { recursive: true });
  await writeFile(join(ROOT, 'test-results/bench-app.json'), JSON.stringify({ viewport: VIEWPORT, seconds: SECONDS, results }, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
