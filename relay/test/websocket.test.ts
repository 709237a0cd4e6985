import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { symbolOrderHash } from '../columnDelta.ts';
import { COLUMN_FIELDS, CLOSE_CODES, type DeltaMessage, type Quote, type ServerMessage, type SnapshotMessage } from '../protocol.ts';
import { openClient, startTestRelay, type TestClient, type TestRelay } from './harness.ts';

const isSnapshot = (m: ServerMessage): m is SnapshotMessage => m.type === 'snapshot';
const isDelta = (m: ServerMessage): m is DeltaMessage => m.type === 'delta';

let t: TestRelay;
beforeAll(async () => { t = await startTestRelay({ CORS_ORIGINS: 'http://allowed.test' }); });
afterAll(() => t.stop());

describe('/ws/stocks feed', () => {
  it('sends a snapshot first, then deltas with consecutive sequence numbers and only changed fields', async () => {
    const client = await openClient(t.wsUrl);
    const snapshot = await client.waitFor(isSnapshot);
    expect(client.messages[0]).toBe(snapshot);
    await client.waitFor((m) => isDelta(m) && m.seq >= snapshot.seq + 5);
    const deltas = client.messages.filter(isDelta);
    deltas.forEach((d, i) => expect(d.seq).toBe(snapshot.seq + i + 1));
    // A tick moves prices but never renames or re-sectors a stock.
    for (const row of deltas.flatMap((d) => d.quotes)) {
      expect(row).not.toHaveProperty('name');
      expect(row).not.toHaveProperty('sector');
    }
    client.close();
  });

  it('answers ping with pong echoing t, and resync with a fresh snapshot', async () => {
    const client = await openClient(t.wsUrl);
    await client.waitFor(isSnapshot);
    client.socket.send(JSON.stringify({ type: 'ping', t: 12345 }));
    expect(await client.waitFor((m) => m.type === 'pong')).toEqual({ type: 'pong', t: 12345 });
    const from = client.messages.length;
    client.socket.send(JSON.stringify({ type: 'resync' }));
    await client.waitFor(isSnapshot, { from });
    client.close();
  });

  it('answers malformed, unknown and binary frames with error messages and stays open', async () => {
    const client = await openClient(t.wsUrl);
    await client.waitFor(isSnapshot);
    client.socket.send('not json');
    client.socket.send(JSON.stringify({ type: 'subscribe', symbols: ['AAPL'] }));
    client.socket.send(JSON.stringify({ type: 'ping', t: 'soon' }));
    client.socket.send(Buffer.from([1, 2, 3]), { binary: true });
    const errors: ServerMessage[] = [];
    for (let i = 0; i < 4; i++) errors.push(await client.waitFor((m) => m.type === 'error' && !errors.includes(m)));
    expect(errors.map((e) => e.type === 'error' && e.code)).toEqual(['bad_message', 'unknown_type', 'bad_message', 'bad_message']);
    expect(client.socket.readyState).toBe(WebSocket.OPEN);
    client.close();
  });

  it('closes a client that keeps sending invalid frames with 1008', async () => {
    const client = await openClient(t.wsUrl);
    for (let i = 0; i < 25; i++) client.socket.send('{');
    expect((await client.closed).code).toBe(CLOSE_CODES.policy);
  });

  it('closes on an oversized inbound frame with 1009', async () => {
    const client = await openClient(t.wsUrl);
    await client.waitFor(isSnapshot);
    client.socket.send(JSON.stringify({ type: 'ping', t: 1, pad: 'x'.repeat(4096) }));
    expect((await client.closed).code).toBe(CLOSE_CODES.tooLarge);
    // The relay is unharmed.
    const other = await openClient(t.wsUrl);
    await other.waitFor(isSnapshot);
    other.close();
  });

  it('sends ?deltas=binary clients column deltas that rebuild exactly what JSON clients see', async () => {
    const json = await openClient(t.wsUrl);
    const binary = await openClient(`${t.wsUrl}?deltas=binary`);
    const [a, b] = [await json.waitFor(isSnapshot), await binary.waitFor(isSnapshot)];
    const target = Math.max(a.seq, b.seq) + 8;
    const reached = (c: TestClient) => () => Math.max(...c.messages.map((m) => ('seq' in m ? m.seq : 0)), ...c.columnDeltas.map((d) => d.seq)) >= target;
    await Promise.all([json.waitUntil(reached(json)), binary.waitUntil(reached(binary))]);
    expect(binary.columnDeltas.length).toBeGreaterThan(0);
    expect(json.columnDeltas).toEqual([]); // JSON clients never get binary frames

    // Each client replays its own stream up to `target`; both must land on the same quotes.
    const replay = (c: TestClient): Map<string, Quote> => {
      const snapshot = c.messages.filter(isSnapshot).at(-1)!;
      const order = snapshot.quotes.map((q) => ({ ...q }));
      const events = [...c.messages.filter(isDelta), ...c.columnDeltas].filter((m) => m.seq > snapshot.seq && m.seq <= target).sort((x, y) => x.seq - y.seq);
      events.forEach((m, i) => expect(m.seq).toBe(snapshot.seq + i + 1)); // no gaps across the two kinds
      for (const m of events) {
        if (m.type === 'delta') {
          for (const row of m.quotes) Object.assign(order.find((q) => q.symbol === row.symbol)!, row);
        } else {
          expect(m.order).toBe(symbolOrderHash(snapshot.quotes.map((q) => q.symbol)));
          m.index.forEach((position, k) => { for (const f of COLUMN_FIELDS) order[position]![f] = m[f][k]!; });
        }
      }
      return new Map(order.map((q) => [q.symbol, q]));
    };
    expect(replay(binary)).toEqual(replay(json));
    json.close();
    binary.close();
  });

  it('refuses an unknown ?deltas= format with a 400 that names the parameter', async () => {
    await expect(openClient(`${t.wsUrl}?deltas=xml`)).rejects.toThrow('upgrade refused: 400');
    const refusal = await new Promise<{ status: number; body: unknown }>((resolve, reject) => {
      const socket = new WebSocket(`${t.wsUrl}?deltas=xml`);
      socket.on('error', () => undefined);
      socket.on('open', () => reject(new Error('upgraded')));
      socket.on('unexpected-response', (_req, res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      });
    });
    expect(refusal).toEqual({ status: 400, body: { error: 'bad_request', parameter: 'deltas', reason: 'must be one of: json, binary' } });
  });

  it('refuses an upgrade from a foreign Origin and accepts configured and same origins', async () => {
    await expect(openClient(t.wsUrl, { origin: 'http://evil.test' })).rejects.toThrow('upgrade refused: 403');
    const allowed = await openClient(t.wsUrl, { origin: 'http://allowed.test' });
    allowed.close();
    const same = await openClient(t.wsUrl, { origin: t.base });
    same.close();
  });
});
