/**
 * Each real provider pointed at its fake upstream (STOCK_API_BASE_URL), through a real relay on
 * port 0: what REST and WebSocket clients see through every upstream fault. Only Date is faked
 * (advancing with real time) so the relay believes the market is open whenever the test runs.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { startRelay, type RunningRelay } from '../relay.ts';
import { loadShippedUniverse } from '../universe.ts';
import { HealthResponseSchema, StocksResponseSchema, type ServerMessage, type StatusMessage } from '../protocol.ts';
import { getJson, openClient, type TestClient } from './harness.ts';
import type { Fault, FaultPlan, RecordedRequest, RowPatches } from './fakeUpstreams/fakeServer.ts';
import { startFakeMassive } from './fakeUpstreams/fakeMassive.ts';
import { startFakeAlpaca } from './fakeUpstreams/fakeAlpaca.ts';
import { FINNHUB_EMPTY_QUOTE, startFakeFinnhub } from './fakeUpstreams/fakeFinnhub.ts';

const KEY = 'sk-live-RELAY-TEST-KEY-0042';
const SECRET = 'alpaca-SECRET-relay-test-0077';
/** Tuesday 3 March 2026, 10:30 in New York: the regular session. */
const MARKET_OPEN_TIME = Date.UTC(2026, 2, 3, 15, 30);
const symbols = loadShippedUniverse().map((m) => m.symbol);

interface Fake {
  baseUrl: string;
  requests: RecordedRequest[];
  faults: FaultPlan;
  rows: RowPatches;
  close(): Promise<void>;
}

interface ProviderCase {
  id: 'massive' | 'alpaca' | 'finnhub';
  startFake(): Promise<Fake>;
  env: Record<string, string>;
  /** Complete batches mark a missing symbol stale at once; Finnhub's partial ones do not. */
  complete: boolean;
  rateLimit(): Fault;
  /** A row patch whose price is not a finite number. */
  nonFinite: Record<string, unknown>;
}

const cases: ProviderCase[] = [
  {
    id: 'massive',
    startFake: () => startFakeMassive({ apiKey: KEY }),
    env: {},
    complete: true,
    rateLimit: () => ({ kind: 'rate_limit', retryAfterSeconds: 2 }),
    nonFinite: { lastTrade: { p: Infinity, t: MARKET_OPEN_TIME * 1e6 } },
  },
  {
    id: 'alpaca',
    startFake: () => startFakeAlpaca({ apiKey: KEY, apiSecret: SECRET, limit: 100_000 }),
    env: { STOCK_API_SECRET: SECRET },
    complete: true,
    rateLimit: () => ({ kind: 'rate_limit', resetAtSeconds: Math.ceil(Date.now() / 1000) + 2 }),
    nonFinite: { latestTrade: { t: new Date(MARKET_OPEN_TIME).toISOString(), p: NaN } },
  },
  {
    id: 'finnhub',
    startFake: () => startFakeFinnhub({ apiKey: KEY }),
    env: {},
    complete: false,
    rateLimit: () => ({ kind: 'rate_limit' }),
    nonFinite: { c: Infinity },
  },
];

const isStatus = (m: ServerMessage): m is StatusMessage => m.type === 'status';

describe.each(cases)('relay with the $id provider against its fake upstream', (spec) => {
  let fake: Fake;
  let relay: RunningRelay;
  let client: TestClient;
  let base: string;
  let dataDir: string;
  const logs: string[] = [];

  const stocks = async () => StocksResponseSchema.parse((await getJson(`${base}/api/stocks`)).body);
  const health = async () => HealthResponseSchema.parse((await getJson(`${base}/api/health`)).body);
  const nextStatus = (status: StatusMessage['status'], timeoutMs = 10_000) =>
    client.waitFor((m): m is StatusMessage => isStatus(m) && m.status === status, { from: client.messages.length, timeoutMs });
  const patchAll = (patch: Record<string, unknown> | 'omit') => { for (const s of symbols) fake.rows.set(s, patch); };

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true, now: MARKET_OPEN_TIME });
    fake = await spec.startFake();
    dataDir = await mkdtemp(join(tmpdir(), `relay-${spec.id}-`));
    const config = loadConfig({
      STOCK_PROVIDER: spec.id, STOCK_API_KEY: KEY, STOCK_API_BASE_URL: fake.baseUrl, ...spec.env,
      POLL_INTERVAL_SECONDS: '0.5', MAX_RETRIES: '3', REQUEST_TIMEOUT_MS: '1500',
      BACKEND_HOST: '127.0.0.1', BACKEND_PORT: '0', DATA_DIR: dataDir, STATIC_DIR: join(dataDir, 'no-app'), LOG_LEVEL: 'debug',
    });
    // No secrets given to the logger: a leak must show up in the lines, not be papered over.
    relay = await startRelay({ config, log: createLogger({ level: 'debug', write: (line) => logs.push(line) }) });
    base = `http://127.0.0.1:${relay.port}`;
    client = await openClient(`ws://127.0.0.1:${relay.port}/ws/stocks`);
    // The first provider data arrives as a snapshot (new symbols cannot travel in a delta).
    await client.waitFor((m) => m.type === 'delta' || (m.type === 'snapshot' && m.quotes.length > 0));
  });

  afterAll(async () => {
    client?.close();
    await relay?.stop();
    await fake?.close();
    vi.useRealTimers();
  });

  it('serves normalized quotes with status ok', async () => {
    const served = await stocks();
    expect(served.feed).toMatchObject({ status: 'ok', provider: spec.id, reason: null });
    if (spec.complete) expect(served.count).toBe(symbols.length);
    else expect(served.count).toBeGreaterThanOrEqual(30);
    expect(served.quotes.every((q) => q.price > 0 && !q.stale && Number.isFinite(q.pct_change))).toBe(true);
  });

  it('rate limited: a status with retry_at, the last good data kept, then recovery', async () => {
    const waiting = nextStatus('rate_limited');
    fake.faults.set(spec.rateLimit());
    const status = await waiting;
    const held = await stocks();
    expect(held.feed.status).toBe('rate_limited');
    expect(held.count).toBeGreaterThan(0);
    expect(status.reason).toMatch(/rate limit|limit reached/i);
    expect(status.retry_at).toBeGreaterThan(Date.now());
    if (spec.id === 'finnhub') expect(status.retry_at! % 60_000).toBe(0); // Finnhub: the next minute
    else expect(status.retry_at! - Date.now()).toBeLessThanOrEqual(2_500);
    const later = await stocks();
    expect(later.quotes.map((q) => q.price)).toEqual(held.quotes.map((q) => q.price));

    const recovered = nextStatus('ok', 15_000);
    fake.faults.set(null);
    if (spec.id === 'finnhub') {
      // Waiting for the real minute boundary would make the test slow; move the clock there.
      vi.setSystemTime(status.retry_at!);
      relay.pollNow();
    }
    await recovered;
  }, 30_000);

  it.each([
    ['hang', { kind: 'hang' }, /no response within 1500 ms/],
    ['malformed JSON', { kind: 'malformed' }, /malformed JSON/],
  ] as const)('a transient fault (%s) shows degraded with the reason, then recovers by itself', async (_name, fault, reason) => {
    const degraded = nextStatus('degraded');
    fake.faults.set(fault);
    expect((await degraded).reason).toMatch(reason);
    expect((await stocks()).count).toBeGreaterThan(0);
    const recovered = nextStatus('ok');
    fake.faults.set(null);
    await recovered;
  }, 20_000);

  it('an outage goes down with a reason, keeps the last good data, and comes back', async () => {
    const before = (await stocks()).count;
    const down = nextStatus('down', 20_000);
    fake.faults.set({ kind: 'server_error', status: 503 });
    const status = await down;
    expect(status.reason).toMatch(/HTTP 503.*still failing after 3 retries/);
    const held = await stocks();
    expect(held.count).toBeGreaterThanOrEqual(before);
    expect(held.feed).toMatchObject({ status: 'down', stale: true });
    expect((await health()).status).toBe('down');

    fake.faults.set(null);
    // Down retries every 30 s by itself; pollNow saves the wait. Finnhub may first need a second
    // for its call budget (a poll without a call repeats the last failure), hence the loop.
    await expect.poll(async () => {
      relay.pollNow();
      return (await health()).status;
    }, { timeout: 10_000, interval: 250 }).toBe('ok');
  }, 40_000);

  it('bad rows are counted by reason and never served', async () => {
    const dropped = (await health()).dropped.non_finite;
    patchAll(spec.nonFinite);
    await expect.poll(async () => (await health()).dropped.non_finite, { timeout: 10_000 }).toBeGreaterThan(dropped);
    const served = await stocks();
    expect(served.quotes.every((q) => Number.isFinite(q.price) && q.price > 0)).toBe(true);
    expect(served.feed.status).toBe('ok');
    fake.rows.clear();
  });

  it.runIf(spec.complete)('a symbol that disappears keeps its last values and is marked stale, then freshens', async () => {
    const before = (await stocks()).quotes.find((q) => q.symbol === 'AAPL')!;
    fake.rows.set('AAPL', 'omit');
    await expect.poll(async () => (await stocks()).quotes.find((q) => q.symbol === 'AAPL')!.stale, { timeout: 10_000 }).toBe(true);
    const served = await stocks();
    const aapl = served.quotes.find((q) => q.symbol === 'AAPL')!;
    expect(aapl.price).toBe(before.price);
    expect(aapl.stale_since).toBeGreaterThan(0);
    expect(served.quotes.filter((q) => q.stale).map((q) => q.symbol)).toEqual(['AAPL']);
    fake.rows.clear();
    await expect.poll(async () => (await stocks()).quotes.find((q) => q.symbol === 'AAPL')!.stale, { timeout: 10_000 }).toBe(false);
  });

  it.runIf(!spec.complete)('an unknown-symbol answer is counted and the last good quote kept', async () => {
    const before = await stocks();
    const dropped = (await health()).dropped.unknown_symbol;
    patchAll(FINNHUB_EMPTY_QUOTE);
    await expect.poll(async () => (await health()).dropped.unknown_symbol, { timeout: 10_000 }).toBeGreaterThan(dropped);
    const served = await stocks();
    expect(served.count).toBe(before.count);
    expect(served.quotes.every((q) => q.price > 0)).toBe(true);
    fake.rows.clear();
  });

  it('never reveals the API key in REST bodies, WS messages, logs, data files or upstream URLs', async () => {
    const bodies = await Promise.all(['/api/health', '/api/stocks', '/api/filters'].map(async (p) => (await fetch(base + p)).text()));
    await relay.stop();
    const files = await Promise.all((await readdir(dataDir)).map((f) => readFile(join(dataDir, f), 'utf8')));
    const everything = [...bodies, ...client.raw, ...logs, ...files, ...fake.requests.map((r) => r.url)];
    for (const text of everything) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(SECRET);
    }
    expect(logs.length).toBeGreaterThan(0);
    expect(files.length).toBeGreaterThan(0);
    expect(client.raw.length).toBeGreaterThan(0);
  });
});
