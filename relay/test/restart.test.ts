import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { StocksResponseSchema, type Quote } from '../protocol.ts';
import { getJson, startTestRelay } from './harness.ts';

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
