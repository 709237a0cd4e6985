import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeltaMessage, ServerMessage, SnapshotMessage } from '../protocol.ts';
import { openClient, startTestRelay, type TestRelay } from './harness.ts';

const isSnapshot = (m: ServerMessage): m is SnapshotMessage => m.type === 'snapshot';
const isDelta = (m: ServerMessage): m is DeltaMessage => m.type === 'delta';

// 6,000 symbols at 10 ticks/s is several MB/s per client: enough to overflow a reader that stops.
let t: TestRelay;
beforeAll(async () => { t = await startTestRelay({ SIM_UNIVERSE: 'synthetic', SIM_SYMBOLS: '6000', SIM_TICK_MS: '100' }); });
afterAll(() => t.stop());

describe('backpressure', () => {
  it('a client that stops reading does not hold up a fast one, and gets a fresh snapshot once it drains', async () => {
    const slow = await openClient(t.wsUrl);
    const fast = await openClient(t.wsUrl);
    const first = await slow.waitFor(isSnapshot);
    slow.socket.pause();

    const arrivals: number[] = [];
    fast.socket.on('message', () => arrivals.push(Date.now()));
    await new Promise((r) => setTimeout(r, 6000));

    // The fast client saw every delta, in order, with no stall while the slow one was stuck.
    const deltas = fast.messages.filter(isDelta);
    expect(deltas.length).toBeGreaterThan(20);
    deltas.slice(1).forEach((d, i) => expect(d.seq).toBe(deltas[i]!.seq + 1));
    const gaps = arrivals.slice(1).map((at, i) => at - arrivals[i]!);
    expect(Math.max(...gaps)).toBeLessThan(1500);

    // The slow client was skipped (its backlog is bounded) and is re-synced with a snapshot.
    const lastSeq = deltas.at(-1)!.seq;
    slow.socket.resume();
    const resync = (await slow.waitFor((m) => isSnapshot(m) && m !== first, { timeoutMs: 15_000 })) as SnapshotMessage;
    const received = slow.messages.filter(isDelta).length;
    expect(received).toBeLessThan(lastSeq - first.seq);
    expect(resync.seq).toBeGreaterThan(first.seq);
    const after = slow.messages.slice(slow.messages.indexOf(resync) + 1).filter(isDelta);
    await slow.waitFor((m) => isDelta(m) && m.seq >= resync.seq + 3);
    after.forEach((d, i) => expect(d.seq).toBe(resync.seq + i + 1));
    slow.close();
    fast.close();
  }, 40_000);
});
