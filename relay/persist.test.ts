import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSnapshot, saveSnapshot } from './persist.ts';
import type { Quote } from './protocol.ts';

const quote: Quote = {
  symbol: 'AAPL', name: 'Apple Inc.', sector: 'Information Technology', industry: 'x', indices: ['sp500'],
  price: 101, change: 1, pct_change: 1, volume: 5, market_cap: 3e12, prev_close: 100, timestamp: 1, stale: false, stale_since: null,
};
const tempDir = () => mkdtemp(join(tmpdir(), 'persist-'));

describe('saveSnapshot / loadSnapshot', () => {
  it('round-trips a snapshot and leaves no temporary file behind', async () => {
    const dir = await tempDir();
    await saveSnapshot(dir, { provider: 'simulated', seq: 7, saved_at: 10, quotes: [quote] });
    expect(await readdir(dir)).toEqual(['snapshot.json']);
    const loaded = await loadSnapshot(dir, 'simulated');
    expect(loaded).toEqual({ ok: true, snapshot: { version: 1, provider: 'simulated', seq: 7, saved_at: 10, quotes: [quote] } });
  });

  it('loadSnapshot(dir) reports a missing file', async () => {
    expect(await loadSnapshot(await tempDir(), 'simulated')).toEqual({ ok: false, reason: 'no persisted snapshot' });
  });

  it('loadSnapshot(dir) refuses a corrupt file, an invalid one and another provider\'s', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'snapshot.json'), '{"version":1,"quo');
    expect(await loadSnapshot(dir, 'simulated')).toEqual({ ok: false, reason: 'persisted snapshot is not JSON' });
    await writeFile(join(dir, 'snapshot.json'), JSON.stringify({ version: 1, provider: 'simulated', seq: 1, saved_at: 1, quotes: [{ ...quote, price: -1 }] }));
    const invalid = await loadSnapshot(dir, 'simulated');
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) expect(invalid.reason).toMatch(/^persisted snapshot is invalid/);
    await saveSnapshot(dir, { provider: 'simulated', seq: 1, saved_at: 1, quotes: [quote] });
    expect(await loadSnapshot(dir, 'massive')).toEqual({ ok: false, reason: 'persisted snapshot is from provider simulated' });
  });
});
