import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ErrorResponseSchema, FiltersResponseSchema, HealthResponseSchema, SECTORS, StocksResponseSchema,
} from '../protocol.ts';
import { uwsTransport } from '../server.ts';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { getJson, rawGet, startTestRelay, type TestRelay } from './harness.ts';

let t: TestRelay;
beforeAll(async () => {
  t = await startTestRelay({ CORS_ORIGINS: 'http://allowed.test' });
  await waitForData(t.base);
});
afterAll(() => t.stop());

async function waitForData(base: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { body } = await getJson(`${base}/api/health`);
    if ((body as { symbols: number }).symbols > 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('relay produced no data');
}

describe('GET /api/health', () => {
  it('reports ok, the provider, the session, drop counts and the native uWS transport', async () => {
    const { status, body } = await getJson(`${t.base}/api/health`);
    expect(status).toBe(200);
    const health = HealthResponseSchema.parse(body);
    expect(health).toMatchObject({ status: 'ok', provider: 'simulated', transport: 'uws-native', stale: false });
    expect(health.symbols).toBe(515);
    expect(health.session.simulated).toBe(true);
    expect(health.last_update).toBeGreaterThan(Date.now() - 10_000);
    expect(Object.keys(health.dropped)).toContain('non_finite');
  });
  it('runs on the native uWebSockets.js binding, not the ws fallback', () => {
    expect(uwsTransport()).toBe('uws-native');
  });
});

describe('GET /api/stocks', () => {
  it('is compressed by Accept-Encoding (brotli, then gzip) and the same after decoding', async () => {
    // The feed's fields can change between two requests; the quotes of one seq cannot.
    const quotesOf = (body: Buffer) => {
      const parsed = StocksResponseSchema.parse(JSON.parse(body.toString()));
      return { seq: parsed.seq, symbols: parsed.quotes.map((q) => q.symbol) };
    };
    const plain = await rawGet(t.base, '/api/stocks', {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/);
    const br = await rawGet(t.base, '/api/stocks', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body.length).toBeLessThan(plain.body.length / 4);
    const gz = await rawGet(t.base, '/api/stocks', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(quotesOf(brotliDecompressSync(br.body)).symbols).toEqual(quotesOf(plain.body).symbols);
    expect(quotesOf(gunzipSync(gz.body)).symbols).toEqual(quotesOf(plain.body).symbols);
    // An allowed Origin keeps its own Vary beside the encoding's.
    const cors = await rawGet(t.base, '/api/stocks', { 'Accept-Encoding': 'br', Origin: 'http://allowed.test' });
    expect(cors.headers.vary).toBe('Origin, Accept-Encoding');
    // Small bodies (a 400) go as they are.
    const bad = await rawGet(t.base, '/api/stocks?limit=oops', { 'Accept-Encoding': 'br' });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-encoding']).toBeUndefined();
  });

  it('serves every quote with the seed contract field names', async () => {
    const { status, body } = await getJson(`${t.base}/api/stocks`);
    expect(status).toBe(200);
    const stocks = StocksResponseSchema.parse(body);
    expect(stocks.count).toBe(515);
    expect(stocks.quotes.filter((q) => q.indices.includes('sp500'))).toHaveLength(503);
    const aapl = (body as { quotes: Record<string, unknown>[] }).quotes.find((q) => q.symbol === 'AAPL')!;
    for (const field of ['symbol', 'price', 'change', 'pct_change', 'sector', 'volume', 'timestamp', 'name', 'industry', 'market_cap', 'prev_close', 'stale']) {
      expect(aapl).toHaveProperty(field);
    }
    expect(new Set(stocks.quotes.map((q) => q.sector)).size).toBe(SECTORS.length);
  });
  it('filters, searches, sorts and limits', async () => {
    const { body } = await getJson(`${t.base}/api/stocks?sector=Energy&sort=-pct_change&limit=5`);
    const stocks = StocksResponseSchema.parse(body);
    expect(stocks.count).toBe(5);
    expect(stocks.total).toBeGreaterThan(5);
    expect(stocks.quotes.every((q) => q.sector === 'Energy')).toBe(true);
    const pct = stocks.quotes.map((q) => q.pct_change);
    expect(pct).toEqual([...pct].sort((a, b) => b - a));
    const dow = StocksResponseSchema.parse((await getJson(`${t.base}/api/stocks?universe=dow`)).body);
    expect(dow.count).toBe(30);
    const search = StocksResponseSchema.parse((await getJson(`${t.base}/api/stocks?q=berkshire`)).body);
    expect(search.quotes.map((q) => q.symbol)).toEqual(['BRK.B']);
  });
  it.each([
    ['limit=-1', 'limit'], ['limit=1.5', 'limit'], ['sort=bogus', 'sort'], ['sector=Crypto', 'sector'],
    ['universe=ftse', 'universe'], ['foo=bar', 'foo'], ['q=' + 'x'.repeat(65), 'q'],
  ])('answers ?%s with 400 naming %s', async (search, parameter) => {
    const { status, body } = await getJson(`${t.base}/api/stocks?${search}`);
    expect(status).toBe(400);
    const error = ErrorResponseSchema.parse(body);
    expect(error.parameter).toBe(parameter);
    expect(error.reason.length).toBeGreaterThan(5);
  });
});

describe('GET /api/filters', () => {
  it('lists the 11 sectors, the universes with counts, and sort fields', async () => {
    const filters = FiltersResponseSchema.parse((await getJson(`${t.base}/api/filters`)).body);
    expect(filters.sectors).toEqual([...SECTORS]);
    expect(filters.universes).toEqual([
      { id: 'sp500', name: 'S&P 500', count: 503 },
      { id: 'ndx', name: 'Nasdaq-100', count: expect.any(Number) },
      { id: 'dow', name: 'Dow 30', count: 30 },
    ]);
    expect(filters.market_cap.max).toBeGreaterThan(1e12);
  });
});

describe('HTTP edges', () => {
  it('answers unknown API paths with 404 and wrong methods with 405, as JSON', async () => {
    expect((await getJson(`${t.base}/api/nope`)).status).toBe(404);
    expect((await getJson(`${t.base}/api/stocks`, { method: 'POST' })).status).toBe(405);
  });
  it('has no fault-control endpoint unless SIM_CONTROL is on', async () => {
    const res = await fetch(`${t.base}/api/sim/fault`, { method: 'POST', body: '{"mode":"down"}' });
    expect(res.status).toBe(404);
  });
  it('sends CORS headers to configured origins only', async () => {
    const allowed = await fetch(`${t.base}/api/health`, { headers: { Origin: 'http://allowed.test' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://allowed.test');
    const foreign = await fetch(`${t.base}/api/health`, { headers: { Origin: 'http://evil.test' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${t.base}/api/stocks`, { method: 'OPTIONS', headers: { Origin: 'http://allowed.test' } });
    expect(preflight.status).toBe(204);
  });
  it('serves a build hint with security headers when the app is not built', async () => {
    const res = await fetch(`${t.base}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('npm start');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
