/**
 * Where the warm offline start spends its time: after one online visit (service worker installed,
 * snapshot saved to IndexedDB), the relay is stopped, the browser goes offline, and the page is
 * reloaded RUNS times. Per reload it records, in ms from navigation start (median over the runs):
 * - navigation and resource timing (HTML from the service worker, main bundle, worker script);
 * - the app's own `app:*` performance marks (see app/perfMarks.ts) and the engine worker's
 *   `engine:*` marks (see engine/worker.ts), the latter moved onto the page's clock;
 * - the Comlink calls to the engine worker and their replies, from a wrapped `Worker` installed
 *   before any app script (frames come back on their own port: `app:first-frame`, `app:tiles`);
 * - the end of the first animation frame in which the map holds every tile, seen from inside the
 *   page (what `npm run bench:pwa` reports), and the same moment polled from here every animation
 *   frame as the bench used to, with when that poll first ran: page.reload() returns after the
 *   load event and the poll starts a DevTools round trip later, so the poll cannot see anything
 *   earlier than that;
 * - with TRACE, a Chromium trace: the worker thread's tasks and the main thread's long tasks of the
 *   last reload, and with TRACE=all the engine worker's start-up phases (median over the reloads,
 *   ms after `new Worker`), so engine-side costs can be named.
 *
 * `node app/bench/startupTimeline.mjs` (uses jiti for the relay source). Env: RUNS (default 5),
 * APP_DIR (default dist/app; build elsewhere with `npx vite build --outDir ...` to leave
 * dist/app alone; several comma-separated builds are compared reload by reload, each on its own
 * origin), TRACE=1 (or `all`: every reload), TRACE_OUT (where to write the raw trace JSON),
 * TRACE_CPU=1 (adds V8's sampling profiler, every thread, to the trace); with TRACE=1
 * PROFILE=1 records a main-thread CPU profile instead (PROFILE_OUT; build with `--minify false`
 * for readable names). DEBUG=1 echoes the page's console.
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
    if (data.type === 'APPLY' || data.type === 'GET') {
      const view = data.argumentList?.[0]?.value;
      const size = view && typeof view.width === 'number' ? ` ${view.width}×${view.height}` : '';
      return `${data.type} ${(data.path ?? []).join('.')}${size}`;
    }
    if (data.type === 'HANDLER' || data.type === 'RAW') return 'reply';
    return data.type ?? 'message';
  };
  // The PWA bench's measure: when the painter finished the first paint with every tile.
  const observer = new MutationObserver(() => {
    const map = document.querySelector('[data-testid="heatmap"]');
    if (Number(map?.dataset.paintedTiles ?? 0) < 450) return;
    observer.disconnect();
    window.__fullMap = Number(map.dataset.paintedAt);
  });
  observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-painted-tiles'] });
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
      window.__firstPoll ??= performance.now();
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
    { at: window.__fullMap, what: 'full map painted (bench:pwa measure, in the page)' },
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
  return events;
}

/** The engine worker's `engine:*` marks, moved onto the page's clock (ms from navigation start). */
async function workerMarks(page) {
  const pageOrigin = await page.evaluate(() => performance.timeOrigin);
  const events = [];
  for (const worker of page.workers()) {
    const { origin, marks } = await worker.evaluate(() => ({ origin: performance.timeOrigin, marks: performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]) }));
    for (const [name, at] of marks) events.push({ at: origin + at - pageOrigin, what: `worker mark ${name}` });
  }
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
/**
 * The engine worker's start, from one trace, in ms after `new Worker` (the `app:boot` mark): when
 * its thread and script ran, and then each top-level task it ran until the map had its tiles,
 * named by what it was (a message from the page, an IndexedDB result, a timer).
 */
function workerPhases(trace) {
  const events = trace.traceEvents;
  const boot = events.filter((e) => e.name === 'app:boot').at(-1);
  const tiles = events.filter((e) => e.name === 'app:tiles').at(-1);
  if (!boot || !tiles) return null;
  const workers = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && /DedicatedWorker/.test(e.args.name)).map((e) => `${e.pid}:${e.tid}`));
  const ms = (ts) => (ts - boot.ts) / 1000;
  const inWorker = events.filter((e) => e.ph === 'X' && workers.has(`${e.pid}:${e.tid}`) && e.ts >= boot.ts && e.ts <= tiles.ts);
  const first = (name) => inWorker.filter((e) => e.name === name).sort((a, b) => a.ts - b.ts)[0];
  const phases = {};
  const init = first('V8PerIsolateData::Initialize');
  if (init) phases['worker thread starts'] = ms(init.ts);
  // Each script the worker compiled (the small entry, then the engine chunk it imports, then the
  // link): compile time, whether a code cache was consumed, and the evaluation that followed.
  const byTime = (a, b) => a.ts - b.ts;
  const compiles = inWorker.filter((e) => e.name === 'v8.compileModule' || e.name === 'v8.compile').sort(byTime);
  const evaluations = inWorker.filter((e) => e.name === 'v8.evaluateModule' || e.name === 'EvaluateScript').sort(byTime);
  for (const c of compiles) {
    const file = (c.args?.data?.url ?? '?').split('/').pop().replace(/-[\w-]{8}\.js$/, '');
    const cached = c.args?.data?.consumedCacheSize ? `, code cache ${Math.round(c.args.data.consumedCacheSize / 1024)} KB` : ', no code cache';
    phases[`${file}: compiled at`] = ms(c.ts);
    phases[`${file}: compile (ms${cached})`] = c.dur / 1000;
    const evaluation = evaluations.find((e) => e.ts >= c.ts + c.dur);
    if (evaluation) phases[`${file}: evaluate (ms)`] = evaluation.dur / 1000;
  }
  const caches = inWorker.filter((e) => e.name === 'v8.produceModuleCache' && e.args?.data);
  phases['code caches produced (ms)'] = caches.reduce((sum, e) => sum + e.dur / 1000, 0);
  const evaluated = evaluations.at(-1);
  const scriptDone = evaluated ? evaluated.ts + evaluated.dur : 0;
  if (evaluated) phases['last script evaluated'] = ms(scriptDone);
  const message = first('HandlePostMessage');
  if (message) phases['first message from the page'] = ms(message.ts);
  const opened = first('IDBOpenDBRequest::onSuccess(database)');
  if (opened) phases['IndexedDB open'] = ms(opened.ts);
  // Top-level tasks, each named by what ran it: IndexedDB results (snapshot, then history), the
  // page's messages, timers (the throttled frame).
  const tasks = inWorker
    .filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.dur > 5000)
    .map((t) => {
      const inner = inWorker.filter((e) => e.ts >= t.ts && e.ts < t.ts + t.dur);
      const has = (name) => inner.some((e) => e.name === name);
      return { t, kind: has('IDBRequest::SendResult') ? 'idb' : has('HandlePostMessage') ? 'message' : has('TimerFire') ? 'timer' : 'other' };
    });
  // IndexedDB results that took over 5 ms to handle: the snapshot, then the history, usually.
  tasks.filter((x) => x.kind === 'idb').slice(0, 3).forEach((x, i) => {
    phases[`IndexedDB result ${i + 1}: at`] = ms(x.t.ts);
    phases[`IndexedDB result ${i + 1}: handling (ms)`] = x.t.dur / 1000;
  });
  // The frame with the tiles is the last timer or message task before they reached the page.
  const frame = tasks.filter((x) => x.kind === 'timer' || x.kind === 'message').at(-1);
  if (frame) {
    phases[`frame with tiles: ${frame.kind} at`] = ms(frame.t.ts);
    phases[`frame with tiles: ${frame.kind} (ms)`] = frame.t.dur / 1000;
  }
  phases['tiles on the page'] = ms(tiles.ts);
  return phases;
}

async function openBuild(browser, modules, appDir) {
  const relay = await modules.startRelay({ config: modules.loadConfig({ BACKEND_HOST: '127.0.0.1', BACKEND_PORT: '0', LOG_LEVEL: 'silent',
    STATIC_DIR: appDir, DATA_DIR: await mkdtemp(join(tmpdir(), 'startup-timeline-')) }) });
  const forwarder = await modules.startForwarder(relay.port);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(WATCH_WORKERS);
  if (process.env.DEBUG) {
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
  return { appDir, page, forwarder, byWhat: new Map(), firsts: [], painted: [], trace: null, lastInitMark: 0, phases: [] };
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
  if (tracing && !profiling) await browser.startTracing(page, { categories: ['blink.user_timing', 'devtools.timeline', 'v8', 'v8.execute', 'blink', 'disabled-by-default-devtools.timeline', 'IndexedDB', 'toplevel', ...(process.env.TRACE_CPU ? ['disabled-by-default-v8.cpu_profiler'] : [])] });
  await page.reload();
  build.firsts.push(await tilesAt(page));
  build.painted.push(await page.waitForFunction(() => window.__fullMap ?? false, null, { timeout: 30_000 }).then((h) => h.jsonValue()));
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    build.profile = profile;
    if (process.env.PROFILE_OUT) await writeFile(process.env.PROFILE_OUT, JSON.stringify(profile));
  }
  await page.waitForTimeout(300);
  const events = [...(await page.evaluate(collect)), ...(await workerMarks(page))];
  build.lastInitMark = events.find((e) => e.what === 'mark startup:init')?.at ?? 0;
  for (const e of events) {
    if (!build.byWhat.has(e.what)) build.byWhat.set(e.what, []);
    build.byWhat.get(e.what).push(e.at);
  }
  if (tracing && !profiling) {
    const buffer = await browser.stopTracing();
    build.trace = JSON.parse(buffer.toString());
    const phases = workerPhases(build.trace);
    if (phases) build.phases.push(phases);
    if (process.env.TRACE_OUT) await writeFile(process.env.TRACE === 'all' ? process.env.TRACE_OUT.replace(/(\.json)?$/, `-${run}.json`) : process.env.TRACE_OUT, buffer);
  }
}

function report(build) {
  const { byWhat, firsts, trace } = build;
  console.log(`\n${build.appDir}: warm offline start, ${RUNS} reloads, 1440×900, median ms from navigation start (min–max)\n`);
  const rows = [...byWhat].map(([what, xs]) => ({ what, at: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length }));
  rows.push({ what: `≥ ${MIN_TILES} tiles on the map (polled from the harness)`, at: median(firsts), min: Math.min(...firsts), max: Math.max(...firsts), n: firsts.length });
  for (const r of rows.sort((a, b) => a.at - b.at)) {
    console.log(`${r.at.toFixed(0).padStart(6)}  (${r.min.toFixed(0)}–${r.max.toFixed(0)}${r.n < RUNS ? `, ${r.n} runs` : ''})  ${r.what}`);
  }
  if (build.phases.length > 0) {
    console.log(`\nEngine worker start, ms after new Worker, median of ${build.phases.length} traced reloads:\n`);
    const keys = [...new Set(build.phases.flatMap((p) => Object.keys(p)))];
    for (const k of keys) {
      const xs = build.phases.map((p) => p[k]).filter((x) => typeof x === 'number');
      console.log(`${median(xs).toFixed(1).padStart(7)}  ${k}${xs.length < build.phases.length ? ` (${xs.length} reloads)` : ''}`);
    }
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
    console.log('\nfull map painted (bench:pwa measure), median ms: ' + builds.map((b) => `${b.appDir} ${median(b.painted).toFixed(0)}`).join(' | '));
  }
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
