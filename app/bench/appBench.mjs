/**
 * `npm run bench:app`: frame times of the live heatmap in headless Chromium while the relay's
 * simulated market updates at 10 Hz, for the S&P 500 (~500 tiles) and the synthetic 6,000-symbol
 * universe. Runs the production build (dist/app) served by the compiled relay (dist/relay).
 *
 * Per scenario it reports:
 * - first heatmap: navigation start → the map first holds all tiles (network, worker, layout, paint);
 *   first paint: the canvas paint of that first full map alone;
 * - over a measured window: rAF frame durations (p50/p95/p99), fps, dropped frames (a frame
 *   longer than 1.5 × the display interval counts the frames it swallowed), long tasks (> 50 ms),
 *   long animation frames (> 50 ms, Chrome's LoAF), canvas paint time per frame (p50/p95) and
 *   the engine frames received per second.
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

/** Measures in the page for `seconds`: rAF deltas, engine frames seen, long tasks, paints. */
function measureWindow(seconds) {
  return new Promise((resolveWindow) => {
    const bench = window.__bench;
    bench.long.length = 0;
    bench.loaf.length = 0;
    window.__heatmap.takePaints();
    const map = document.querySelector('[data-testid="heatmap"]');
    const deltas = [];
    const seqs = new Set();
    const layouts = new Set();
    let last = null;
    const start = performance.now();
    const tick = (t) => {
      if (last !== null) deltas.push(t - last);
      last = t;
      seqs.add(map.dataset.seq);
      layouts.add(map.dataset.layoutVersion);
      if (t - start < seconds * 1000) requestAnimationFrame(tick);
      else resolveWindow({ deltas, engineFrames: seqs.size, layouts: layouts.size, elapsed: t - start, long: [...bench.long], loaf: [...bench.loaf], paints: window.__heatmap.takePaints() });
    };
    requestAnimationFrame(tick);
  });
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
    await page.waitForTimeout(2000); // warm-up: JIT, caches, the first transitions
    const m = await page.evaluate(measureWindow, SECONDS);
    const deltas = [...m.deltas].sort((a, b) => a - b);
    const interval = quantile(deltas, 0.5) < 12 ? 1000 / 120 : 1000 / 60;
    const dropped = m.deltas.reduce((n, d) => n + (d > interval * 1.5 ? Math.round(d / interval) - 1 : 0), 0);
    const paints = [...m.paints].sort((a, b) => a - b);
    return {
      scenario: scenario.name,
      tiles,
      firstHeatmapMs: round(firstAt, 0),
      firstPaintMs: round(firstPaints.length ? Math.max(...firstPaints) : NaN),
      fps: round((m.deltas.length * 1000) / m.elapsed),
      frameP50: round(quantile(deltas, 0.5), 2),
      frameP95: round(quantile(deltas, 0.95), 2),
      frameP99: round(quantile(deltas, 0.99), 2),
      frameMax: round(deltas.at(-1), 1),
      dropped,
      frames: m.deltas.length,
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
