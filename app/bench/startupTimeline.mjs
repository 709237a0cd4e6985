/**
 * Where the warm offline start spends its time: after one online visit (service worker installed,
 * snapshot saved to IndexedDB), the relay is stopped, the browser goes offline, and the page is
 * reloaded RUNS times. Per reload it records, in ms from navigation start (median over the runs):
 * - navigation and resource timing (HTML from the service worker, main bundle, worker script);
 * - the app's own `app:*` performance marks (see app/perfMarks.ts);
 * - every message between the page and the engine worker, by direction (Comlink calls out,
 *   replies and frames in), from a wrapped `Worker` installed before any app script;
 * - the moment the map first holds every tile (polled every animation frame, as the PWA bench);
 * - with TRACE=1, a Chromium trace of the last reload: the worker thread's top-level tasks and the
 *   main thread's long tasks, so engine-side costs can be named.
 *
 * `node app/bench/startupTimeline.mjs` (uses jiti for the relay source). Env: RUNS (default 5),
 * APP_DIR (default dist/app; build elsewhere with `npx vite build --outDir ...` to leave
 * dist/app alone; several comma-separated builds are compared reload by reload, each on its own
 * origin), TRACE=1 (or `all`: every reload), TRACE_OUT (where to write the raw trace JSON); with TRACE=1
 * PROFILE=1 records a main-thread CPU profile instead (PROFILE_OUT; build with `--minify false`
 * for readable names).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createJiti } from 'jiti';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '../..');
const RUNS = Number(process.env.RUNS ?? 5);
const APP_DIRS = (process.env.APP_DIR ?? join(ROOT, 'dist/app')).split(',').map((d) => resolve(d));
const MIN_TILES = 450;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Runs in the page before any app script: timestamps every message to and from a Worker. */
const WATCH_WORKERS = () => {
  const log = [];
  window.__startup = log;
  // Anchors the trace's clock to this page's performance.now() (see summarizeTrace).
  performance.mark('startup:init');
  const Native = window.Worker;
  const describe = (data) => {
    if (!data || typeof data !== 'object') return String(data);
    if (data.type === 'APPLY' && (data.path ?? []).length === 0) {
      // A call of a proxied callback: from the engine, that is a frame.
      const frame = data.argumentList?.[0]?.value;
      return frame?.layout ? `frame with layout (${frame.layout.symbols.length} tiles)` : 'frame';
    }
    if (data.type === 'APPLY' || data.type === 'GET') {
      const view = data.argumentList?.[0]?.value;
      const size = view && typeof view.width === 'number' ? ` ${view.width}×${view.height}` : '';
      return `${data.type} ${(data.path ?? []).join('.')}${size}`;
    }
    if (data.type === 'HANDLER' || data.type === 'RAW') return 'reply';
    return data.type ?? 'message';
  };
  window.Worker = class extends Native {
    constructor(url, options) {
      log.push({ at: performance.now(), what: `new Worker ${String(url).split('/').pop()}` });
      super(url, options);
      this.addEventListener('message', (e) => log.push({ at: performance.now(), what: `← ${describe(e.data)}` }));
    }
    postMessage(data, transfer) {
      log.push({ at: performance.now(), what: `→ ${describe(data)}` });
      return super.postMessage(data, transfer);
    }
  };
};

/** Polls every animation frame until the map holds every tile; returns performance.now(). */
function tilesAt(page) {
  return page
    .waitForFunction((min) => {
      // When the harness first got to look: page.reload() returns after the load event, and the
      // poll starts one DevTools round trip later, so this bounds what the PWA bench can see.
      window.__firstPoll ??= performance.now();
      (window.__polls ??= []).push(performance.now());
      const count = Number(document.querySelector('[data-testid="heatmap"]')?.dataset.tileCount ?? 0);
      return count >= min ? performance.now() : false;
    }, MIN_TILES, { timeout: 30_000, polling: 'raf' })
    .then((h) => h.jsonValue());
}

/** Navigation, resources, marks and worker messages of the current page, in ms from navigation start. */
function collect() {
  const nav = performance.getEntriesByType('navigation')[0];
  const events = [
    { at: nav.responseStart, what: 'HTML first byte' },
    { at: nav.responseEnd, what: 'HTML received' },
    { at: nav.domInteractive, what: 'DOM interactive' },
    { at: nav.domContentLoadedEventStart, what: 'DOMContentLoaded' },
    { at: nav.loadEventEnd, what: 'load event end' },
    { at: window.__firstPoll, what: 'first poll by the harness' },
  ];
  for (const r of performance.getEntriesByType('resource')) {
    const name = r.name.split('/').pop();
    if (!/\.(js|css)$/.test(name)) continue;
    events.push({ at: r.startTime, what: `fetch ${name} start` }, { at: r.responseEnd, what: `fetch ${name} done` });
  }
  for (const m of performance.getEntriesByType('mark')) events.push({ at: m.startTime, what: `mark ${m.name}` });
  for (const p of performance.getEntriesByType('paint')) events.push({ at: p.startTime, what: p.name });
  // Only the first occurrence of each kind of message: later frames are live updates.
  const seen = new Map();
  for (const e of window.__startup ?? []) {
    const n = (seen.get(e.what) ?? 0) + 1;
    seen.set(e.what, n);
    if (n <= 2) events.push({ at: e.at, what: n === 1 ? e.what : `${e.what} (2nd)` });
  }
  if (window.__polls) console.log(window.__polls.map((t) => t.toFixed(0)).join(' '));
  return events;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Top-level tasks per thread from a Chromium trace, worker thread in full, main thread long ones. */
function summarizeTrace(trace, navStartTs) {
  const events = trace.traceEvents ?? trace;
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const rows = [];
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'RunTask' || !e.dur) continue;
    const thread = names.get(`${e.pid}:${e.tid}`) ?? '';
    const worker = /Worker/i.test(thread);
    if (!worker && !(thread === 'CrRendererMain' && e.dur > 10_000)) continue;
    const inner = events.filter((c) => c.pid === e.pid && c.tid === e.tid && c.ts >= e.ts && c.ts < e.ts + e.dur && c.ph === 'X' && c !== e && c.dur > 1000);
    const detail = inner
      .sort((a, b) => b.dur - a.dur)
      .slice(0, 4)
      .map((c) => `${c.name}${c.args?.data?.url ? ` ${c.args.data.url.split('/').pop()}` : ''}${c.args?.data?.functionName ? ` ${c.args.data.functionName}` : ''} ${(c.dur / 1000).toFixed(1)}`)
      .join('; ');
    rows.push({ thread, at: (e.ts - navStartTs) / 1000, ms: e.dur / 1000, detail });
  }
  return rows.sort((a, b) => a.at - b.at);
}

/** One build behind its own relay and forwarder (its own origin, so its own service worker and cache). */
async function openBuild(browser, modules, appDir) {
  const relay = await modules.startRelay({ config: modules.loadConfig({ BACKEND_HOST: '127.0.0.1', BACKEND_PORT: '0', LOG_LEVEL: 'silent',
    STATIC_DIR: appDir, DATA_DIR: await mkdtemp(join(tmpdir(), 'startup-timeline-')) }) });
  const forwarder = await modules.startForwarder(relay.port);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(WATCH_WORKERS);
  if (process.env.DEBUG_POLLS) {
    page.on('console', (m) => console.log('page:', m.text()));
    page.on('pageerror', (e) => console.log('page error:', e.message));
  }
  await page.goto(`http://127.0.0.1:${forwarder.port}/`);
  await tilesAt(page);
  await page.waitForFunction(() => Boolean(navigator.serviceWorker?.controller), null, { timeout: 20_000 });
  await page.waitForTimeout(2500); // the engine's first snapshot save
  await relay.stop();
  forwarder.target(null);
  forwarder.dropAll();
  await context.setOffline(true);
  return { appDir, page, forwarder, byWhat: new Map(), firsts: [], trace: null, lastInitMark: 0 };
}

/** Self and total time per function of a CPU profile, heaviest first. */
function summarizeProfile(profile, limit = 40) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const total = new Map();
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const ms = (dt[i + 1] ?? 0) / 1000;
    const key = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
    const node = byId.get(id);
    self.set(key(node), (self.get(key(node)) ?? 0) + ms);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const k = key(byId.get(cur));
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + ms);
    }
  });
  const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([k, ms]) => `${ms.toFixed(1).padStart(7)}  ${k}`).join('\n');
  return `self time:\n${top(self)}\n\ntotal time:\n${top(total)}`;
}

async function reloadOnce(browser, build, tracing, run) {
  const { page } = build;
  const profiling = tracing && process.env.PROFILE === '1';
  let cdp = null;
  if (profiling) {
    cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  if (tracing && !profiling) await browser.startTracing(page, { categories: ['blink.user_timing', 'devtools.timeline', 'v8', 'v8.execute', 'blink', 'disabled-by-default-devtools.timeline', 'IndexedDB', 'toplevel'] });
  if (process.env.STRIP_BEFORE_RELOAD) {
    await page.evaluate((what) => {
      if (what.includes('table')) document.querySelector('[data-testid="tile-table"]')?.remove();
      if (what.includes('canvas')) document.querySelector('canvas')?.remove();
      if (what.includes('all')) document.getElementById('root')?.remove();
    }, process.env.STRIP_BEFORE_RELOAD);
    await page.waitForTimeout(200);
  }
  await page.reload();
  build.firsts.push(await tilesAt(page));
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    build.profile = profile;
    if (process.env.PROFILE_OUT) await writeFile(process.env.PROFILE_OUT, JSON.stringify(profile));
  }
  await page.waitForTimeout(300);
  const events = await page.evaluate(collect);
  build.lastInitMark = events.find((e) => e.what === 'mark startup:init')?.at ?? 0;
  for (const e of events) {
    if (!build.byWhat.has(e.what)) build.byWhat.set(e.what, []);
    build.byWhat.get(e.what).push(e.at);
  }
  if (tracing && !profiling) {
    const buffer = await browser.stopTracing();
    build.trace = JSON.parse(buffer.toString());
    if (process.env.TRACE_OUT) await writeFile(process.env.TRACE === 'all' ? process.env.TRACE_OUT.replace(/(\.json)?$/, `-${run}.json`) : process.env.TRACE_OUT, buffer);
  }
}

function report(build) {
  const { byWhat, firsts, trace } = build;
  console.log(`\n${build.appDir}: warm offline start, ${RUNS} reloads, 1440×900, median ms from navigation start (min–max)\n`);
  const rows = [...byWhat].map(([what, xs]) => ({ what, at: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length }));
  rows.push({ what: `≥ ${MIN_TILES} tiles on the map`, at: median(firsts), min: Math.min(...firsts), max: Math.max(...firsts), n: firsts.length });
  for (const r of rows.sort((a, b) => a.at - b.at)) {
    console.log(`${r.at.toFixed(0).padStart(6)}  (${r.min.toFixed(0)}–${r.max.toFixed(0)}${r.n < RUNS ? `, ${r.n} runs` : ''})  ${r.what}`);
  }
  if (build.profile) console.log(`\nLast reload, main-thread CPU profile until the tiles (ms):\n${summarizeProfile(build.profile)}`);
  if (trace) {
    const anchor = trace.traceEvents.filter((e) => e.name === 'startup:init').at(-1);
    const navStart = anchor.ts - build.lastInitMark * 1000;
    console.log('\nLast reload, trace: worker-thread tasks and main-thread tasks > 10 ms (ms from navigation start)\n');
    for (const r of summarizeTrace(trace, navStart)) {
      if (r.at < -50 || r.at > median(firsts) + 200 || r.ms < 1) continue;
      console.log(`${r.at.toFixed(0).padStart(6)} ${r.ms.toFixed(1).padStart(6)}  ${r.thread.padEnd(24)} ${r.detail}`);
    }
  }
}

async function main() {
  const jiti = createJiti(import.meta.url);
  const modules = {
    ...(await jiti.import(join(ROOT, 'relay/config.ts'))),
    ...(await jiti.import(join(ROOT, 'relay/relay.ts'))),
    ...(await jiti.import(join(ROOT, 'tests/e2e/proxy.ts'))),
  };
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const builds = [];
  for (const dir of APP_DIRS) builds.push(await openBuild(browser, modules, dir));
  // Builds take turns, reload by reload, so a busy machine slows them alike.
  for (let i = 0; i < RUNS; i++) {
    for (const build of builds) await reloadOnce(browser, build, process.env.TRACE === 'all' || (process.env.TRACE === '1' && i === RUNS - 1), i);
  }
  await browser.close();
  for (const build of builds) await build.forwarder.close();
  builds.forEach(report);
  if (builds.length > 1) {
    console.log('\n≥ 450 tiles, median ms: ' + builds.map((b) => `${b.appDir} ${median(b.firsts).toFixed(0)}`).join(' | '));
  }
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
