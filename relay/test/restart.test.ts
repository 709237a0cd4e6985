import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { StocksResponseSchema, type Quote, type ServerMessage, type SnapshotMessage } from '../protocol.ts';

const isSnapshot = (m: ServerMessage): m is SnapshotMessage => m.type === 'snapshot';
import { getJson, openClient, startTestRelay } from './harness.ts';
import { loadConfig } from '../config.ts';
import { startRelay } from '../relay.ts';

async function waitForSeq(base: string, seq: number) {
  for (let i = 0; i < 200; i++) {
    const stocks = StocksResponseSchema.parse((await getJson(`${base}/api/stocks`)).body);
    if (stocks.seq >= seq) return stocks;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`seq ${seq} never reached`);
}

describe('restart', () => {
  it('a restarted relay serves the persisted snapshot at once, marked stale until fresh data arrives', async () => {
    const first = await startTestRelay();
    await waitForSeq(first.base, 3);
    await first.stop();
    const before = JSON.parse(await readFile(`${first.dataDir}/snapshot.json`, 'utf8')) as { seq: number; quotes: Quote[] };

    // The provider is down after the restart, so only the persisted data can be served.
    const second = await startTestRelay({ SIM_FAULT: 'down' }, first.dataDir);
    const served = StocksResponseSchema.parse((await getJson(`${second.base}/api/stocks`)).body);
    expect(served.count).toBe(before.quotes.length);
    expect(served.quotes.every((q) => q.stale)).toBe(true);
    expect(served.feed.stale).toBe(true);
    const aapl = (quotes: typeof served.quotes) => quotes.find((q) => q.symbol === 'AAPL')!.price;
    expect(aapl(served.quotes)).toBe(aapl(before.quotes));
    expect(served.seq).toBe(before.seq);
    await second.stop();

    const third = await startTestRelay({}, first.dataDir);
    const fresh = await waitForSeq(third.base, before.seq + 1);
    expect(fresh.quotes.some((q) => q.stale)).toBe(false);
    expect(fresh.feed.stale).toBe(false);
    await third.stop();
  });
});

describe('listening', () => {
  it('refuses a second relay on a port another server answers on, and restarts on the same port after a stop', async () => {
    const first = await startTestRelay();
    const port = String(first.relay.port);
    await expect(startTestRelay({ BACKEND_PORT: port })).rejects.toThrow(/another server is using it/);
    await first.stop();
    const again = await startTestRelay({ BACKEND_PORT: port }, first.dataDir);
    expect(again.relay.port).toBe(first.relay.port);
    await again.stop();
  });

  it('waits for a port held only by TIME_WAIT connections instead of failing', async () => {
    const first = await startTestRelay();
    const client = await openClient(first.wsUrl);
    await client.waitFor((m) => m.type === 'snapshot');
    await first.stop(); // the relay closes the connection first, so its side lingers in TIME_WAIT
    const config = loadConfig({ BACKEND_HOST: '127.0.0.1', BACKEND_PORT: String(first.relay.port), DATA_DIR: first.dataDir, LOG_LEVEL: 'silent' });
    const quick = startRelay({ config, listenWaitMs: 0 });
    const patient = quick.catch(() => startRelay({ config, listenWaitMs: 90_000 }));
    const relay = await patient;
    expect(relay.port).toBe(first.relay.port);
    await relay.stop();
  }, 100_000);
});

describe('cold start', () => {
  it('a client connected before the first provider data gets it as a snapshot, never as a delta of unknown symbols', async () => {
    const t = await startTestRelay({ SIM_FAULT: 'down', SIM_CONTROL: '1' });
    const client = await openClient(t.wsUrl);
    const empty = await client.waitFor(isSnapshot);
    expect(empty.quotes).toEqual([]);
    await fetch(`${t.base}/api/sim/fault`, { method: 'POST', body: '{"mode":"none"}' });
    t.relay.pollNow();
    const first = (await client.waitFor((m) => isSnapshot(m) && m.quotes.length > 0)) as SnapshotMessage;
    expect(first.quotes).toHaveLength(515);
    expect(client.messages.slice(0, client.messages.indexOf(first)).filter((m) => m.type === 'delta')).toEqual([]);
    await client.waitFor((m) => m.type === 'delta' && m.seq === first.seq + 1);
    await t.stop();
  });
});
