import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthResponseSchema, StocksResponseSchema, type ServerMessage, type StatusMessage } from '../protocol.ts';
import { getJson, openClient, startTestRelay, type TestRelay } from './harness.ts';

const isStatus = (m: ServerMessage): m is StatusMessage => m.type === 'status';
const SECRET = 'sk-live-SIMULATED-SECRET-123';

let t: TestRelay;
beforeAll(async () => {
  t = await startTestRelay({ SIM_CONTROL: '1', STOCK_PROVIDER: 'simulated', STOCK_API_KEY: SECRET, MAX_RETRIES: '1' });
});
afterAll(() => t.stop());

const setFault = (body: unknown) =>
  fetch(`${t.base}/api/sim/fault`, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
const stocks = async () => StocksResponseSchema.parse((await getJson(`${t.base}/api/stocks`)).body);
const health = async () => HealthResponseSchema.parse((await getJson(`${t.base}/api/health`)).body);

describe('simulated market faults through the relay', () => {
  it('rate limiting: clients get a status with the retry time; the last good data stays served', async () => {
    const client = await openClient(t.wsUrl);
    await client.waitFor((m) => m.type === 'delta');
    const before = await stocks();
    expect((await setFault({ mode: 'rate_limited', retryAfterSeconds: 3 })).status).toBe(200);
    const status = await client.waitFor((m): m is StatusMessage => isStatus(m) && m.status === 'rate_limited');
    expect(status.retry_at! - status.sent_at).toBeGreaterThan(2_500);
    expect(status.retry_at! - status.sent_at).toBeLessThanOrEqual(3_000);
    expect((await health()).status).toBe('rate_limited');
    const during = await stocks();
    expect(during.count).toBe(before.count);
    expect(during.feed.status).toBe('rate_limited');

    // No delta while limited: the relay does not call the provider before the retry time.
    const from = client.messages.length;
    await setFault({ mode: 'none' });
    const ok = (await client.waitFor((m) => isStatus(m) && m.status === 'ok', { from })) as StatusMessage;
    expect(ok.sent_at).toBeGreaterThanOrEqual(status.retry_at!);
    const limitedAt = client.messages.indexOf(status);
    const early = client.messages.slice(limitedAt).filter((m) => m.type === 'delta' && m.sent_at < status.retry_at!);
    expect(early).toEqual([]);
    await client.waitFor((m) => m.type === 'delta', { from });
    client.close();
  });

  it('dropped symbols are kept and marked stale; bad rows are counted, never served', async () => {
    await setFault({ mode: 'drop', count: 10 });
    await expect.poll(async () => (await stocks()).quotes.filter((q) => q.stale).length, { timeout: 5000 }).toBe(10);
    await setFault({ mode: 'bad_rows' });
    await expect.poll(async () => (await health()).dropped.non_finite, { timeout: 5000 }).toBeGreaterThan(0);
    const served = await stocks();
    expect(served.quotes.every((q) => Number.isFinite(q.price) && q.price > 0)).toBe(true);
    await setFault({ mode: 'none' });
    await expect.poll(async () => (await stocks()).quotes.filter((q) => q.stale).length, { timeout: 5000 }).toBe(0);
  });

  it('an outage turns the status down with a reason and recovers by itself', async () => {
    const client = await openClient(t.wsUrl);
    await setFault({ mode: 'down' });
    const down = await client.waitFor((m): m is StatusMessage => isStatus(m) && m.status === 'down', { timeoutMs: 15_000 });
    expect(down.reason).toBeTruthy();
    expect((await stocks()).count).toBe(515);
    const from = client.messages.length;
    await setFault({ mode: 'none' });
    t.relay.pollNow();
    await client.waitFor((m) => isStatus(m) && m.status === 'ok', { from, timeoutMs: 15_000 });
    client.close();
  }, 30_000);

  it('refuses a bad control body with 400', async () => {
    const res = await setFault({ mode: 'explode' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { reason: string }).reason).toBeTruthy();
  });

  it('never reveals the API key in responses, messages, logs or files', async () => {
    const client = await openClient(t.wsUrl);
    await client.waitFor((m) => m.type === 'delta');
    const bodies = await Promise.all(['/api/health', '/api/stocks', '/api/filters', '/'].map(async (p) => (await fetch(t.base + p)).text()));
    await t.relay.stop();
    const { readdir, readFile } = await import('node:fs/promises');
    const files = await Promise.all((await readdir(t.dataDir)).map((f) => readFile(`${t.dataDir}/${f}`, 'utf8')));
    for (const text of [...bodies, ...client.raw, ...t.logs, ...files]) expect(text).not.toContain(SECRET);
    expect(t.logs.length).toBeGreaterThan(0);
    expect(files.length).toBeGreaterThan(0);
  });
});
