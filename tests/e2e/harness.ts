/**
 * Browser end-to-end harness: the production build of the app (rebuilt when its sources are newer
 * than dist/app), a real relay on 127.0.0.1 with a random port serving it with the simulated
 * market (fixed seed), and Debian Chromium driven by playwright-core.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadConfig } from '../../relay/config.ts';
import { createLogger } from '../../relay/log.ts';
import { startRelay, type RunningRelay } from '../../relay/relay.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const APP_DIR = join(ROOT, 'dist/app');
export const RESULTS = join(ROOT, 'test-results');
export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of await readdir(path)) {
    if (entry === 'node_modules' || entry.endsWith('.test.ts') || entry.endsWith('.test.tsx')) continue;
    newest = Math.max(newest, await newestMtime(join(path, entry)));
  }
  return newest;
}

/**
 * Builds dist/app with Vite unless it is newer than every source it depends on. A lock directory
 * keeps parallel test files from building at the same time.
 */
export async function ensureAppBuild(): Promise<void> {
  const lock = join(ROOT, 'dist/.e2e-build-lock');
  await mkdir(join(ROOT, 'dist'), { recursive: true });
  for (let waited = 0; ; waited += 250) {
    try {
      await mkdir(lock);
      break;
    } catch {
      if (waited > 240_000) throw new Error(`build lock held for 4 minutes: ${lock}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    const built = (await stat(join(APP_DIR, 'index.html')).catch(() => null))?.mtimeMs ?? 0;
    const sources = Math.max(
      ...(await Promise.all(['app', 'engine', 'relay/protocol.ts', 'vite.config.ts'].map((p) => newestMtime(join(ROOT, p))))),
    );
    if (built > sources && process.env.E2E_REBUILD !== '1') return;
    await buildApp();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/**
 * `vite build` in a child process with a clean environment: inside vitest NODE_ENV is `test`,
 * which would otherwise produce React's development build.
 */
function buildApp(): Promise<void> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV' && k !== 'TEST'));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, env: { ...env, NODE_ENV: 'production' } }, (error, _stdout, stderr) =>
      error ? reject(new Error(`vite build failed: ${stderr || error.message}`)) : resolve(),
    );
  });
}

export interface E2eRelay {
  relay: RunningRelay;
  base: string;
  dataDir: string;
  /** POST /api/sim/fault (needs SIM_CONTROL=1, which startE2eRelay sets). */
  setFault(fault: Record<string, unknown>): Promise<void>;
  stop(): Promise<void>;
}

export async function startE2eRelay(env: Record<string, string> = {}): Promise<E2eRelay> {
  const dataDir = await mkdtemp(join(tmpdir(), 'e2e-relay-'));
  const config = loadConfig({
    BACKEND_HOST: '127.0.0.1',
    BACKEND_PORT: '0',
    SIM_SEED: '42',
    SIM_TICK_MS: '1000',
    SIM_CONTROL: '1',
    DATA_DIR: dataDir,
    STATIC_DIR: APP_DIR,
    LOG_LEVEL: 'warn',
    ...env,
  });
  const log = createLogger({ level: 'warn', secrets: [], write: () => undefined });
  const relay = await startRelay({ config, log });
  const base = `http://127.0.0.1:${relay.port}`;
  return {
    relay,
    base,
    dataDir,
    async setFault(fault) {
      const res = await fetch(`${base}/api/sim/fault`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });
      if (!res.ok) throw new Error(`set fault ${JSON.stringify(fault)} failed: ${res.status} ${await res.text()}`);
    },
    async stop() {
      await relay.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface OpenedPage {
  page: Page;
  /** Console errors and uncaught exceptions seen on the page. */
  errors: string[];
  close(): Promise<void>;
}

export async function openApp(browser: Browser, url: string, viewport = { width: 1440, height: 900 }, beforeApp?: () => void): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  if (beforeApp) await page.addInitScript(beforeApp);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { page, errors, close: () => context.close() };
}

/** Waits until the map has drawn tiles and the hidden table lists exactly that many rows. */
/** Where `symbol`'s tile is on the map, from the accessible table's row, in page coordinates. */
export async function tileCentre(page: Page, symbol: string): Promise<{ x: number; y: number }> {
  const [x, y, w, h] = await page.$eval(`[data-testid="tile-table"] tr[data-symbol="${symbol}"]`, (r) => (r as HTMLElement).dataset.rect!.split(',').map(Number)) as [number, number, number, number];
  const box = (await page.getByTestId('heatmap').boundingBox())!;
  return { x: box.x + x + w / 2, y: box.y + y + h / 2 };
}

export async function waitForTiles(page: Page, atLeast = 1, timeout = 15_000): Promise<number> {
  const handle = await page.waitForFunction(
    (min) => {
      const map = document.querySelector<HTMLElement>('[data-testid="heatmap"]');
      const table = document.querySelector<HTMLElement>('[data-testid="tile-table"]');
      const count = Number(map?.dataset.tileCount ?? -1);
      const rows = table?.querySelectorAll('tbody tr[data-symbol]').length ?? -2;
      return count >= min && rows === count ? count : false;
    },
    atLeast,
    { timeout },
  );
  return (await handle.jsonValue()) as number;
}

/** The symbols on the map right now, from the table that mirrors it. */
export function tileSymbols(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="tile-table"] tbody tr[data-symbol]', (rows) => rows.map((r) => r.getAttribute('data-symbol')!));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(RESULTS, { recursive: true });
  const path = join(RESULTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * `r,g,b` of the screen at each point (CSS px, at a device scale factor of 1): a screenshot, decoded
 * by the page's own browser. For canvases the page cannot read back itself (one handed to a worker
 * before the app's probe exists).
 */
export async function screenPixels(page: Page, points: readonly { x: number; y: number }[]): Promise<string[]> {
  const png = (await page.screenshot()).toString('base64');
  return page.evaluate(async ({ png, points }) => {
    const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(png), (c) => c.charCodeAt(0))], { type: 'image/png' }));
    const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    return points.map(({ x, y }) => Array.from(ctx.getImageData(Math.floor(x), Math.floor(y), 1, 1).data.slice(0, 3)).join(','));
  }, { png, points });
}

/**
 * Evaluates `fn` in the page until it returns something truthy; returns that. For conditions on the
 * map probe (window.__heatmap), whose answers are promises: page.waitForFunction takes only
 * synchronous predicates (a promise counts as truthy at once).
 */
export async function pollPage<T, A>(page: Page, fn: (arg: A) => Promise<T>, arg: A, what: string, timeout = 10_000): Promise<NonNullable<T>> {
  const end = Date.now() + timeout;
  for (;;) {
    // Playwright's Unboxed<A> argument typing does not unify with a generic A; the call is the same.
    const value = (await page.evaluate(fn as never, arg as never)) as T;
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * What the engine's database (read from the page) holds under `key` in its `snapshot` store: null
 * when nothing (or no database yet), else how many quotes the record has (0 for a record without).
 */
/**
 * What the engine has stored under `key` in its IndexedDB `store` (read from the page): how many
 * quotes a snapshot holds, how many points a symbol's history holds; null when there is none.
 */
export function engineRecord(page: Page, key: string, store: 'snapshot' | 'history' = 'snapshot'): Promise<{ quotes: number; points: number } | null> {
  return page.evaluate(async ([k, storeName]) => {
    const name = 'live-market-heatmap-engine';
    // Opening a database that is not there would create it, empty, under the engine's feet.
    if (!(await indexedDB.databases()).some((d) => d.name === name)) return null;
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    try {
      if (!db.objectStoreNames.contains(storeName)) return null;
      const value = await new Promise<{ quotes?: unknown[]; t?: unknown[] } | undefined>((ok, fail) => {
        const q = db.transaction(storeName).objectStore(storeName).get(k);
        q.onsuccess = () => ok(q.result as { quotes?: unknown[]; t?: unknown[] } | undefined);
        q.onerror = () => fail(q.error);
      });
      return value === undefined ? null : { quotes: value.quotes?.length ?? 0, points: value.t?.length ?? 0 };
    } finally {
      db.close();
    }
  }, [key, store] as const);
}
