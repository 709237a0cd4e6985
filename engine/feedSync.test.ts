import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeColumnDelta, symbolOrderHash } from '../relay/columnDelta.ts';
import type { ClientMessage } from '../relay/protocol.ts';
import { createFeedSync } from './feedSync.ts';
import { createHistoryBook, historyOf } from './history.ts';
import { createMarketState } from './merge.ts';
import { systemTimers } from './timers.ts';
import { feedOk, threeQuotes, T0 } from './test/fixtures.ts';

const snapshot = (seq: number, quotes = threeQuotes) => JSON.stringify({ type: 'snapshot', seq, sent_at: T0, feed: feedOk, quotes });
const delta = (seq: number, rows: object[] = [{ symbol: 'AAPL', price: 201, timestamp: T0 + 60_000 }]) => JSON.stringify({ type: 'delta', seq, sent_at: T0, quotes: rows });
/** A binary column delta moving the quote at `position` of `symbols` (the snapshot's order) to `price`. */
const columns = (seq: number, position: number, price: number, symbols = threeQuotes.map((q) => q.symbol)) =>
  encodeColumnDelta({ seq, sent_at: T0 + 5, order: symbolOrderHash(symbols), positions: [position], value: (_k, f) => (f === 'price' || f === 'market_cap' ? price : f === 'timestamp' ? T0 + 60_000 : 0) });
const stocks = (seq: number) => JSON.stringify({ seq, count: 3, total: 3, feed: feedOk, quotes: threeQuotes });

function setup(live = true) {
  const sent: ClientMessage[] = [];
  const logs: string[] = [];
  const calls = { refresh: 0, reconnect: 0, live: 0, change: 0 };
  const market = createMarketState();
  const history = createHistoryBook();
  const sync = createFeedSync({
    market, history, timers: systemTimers, now: Date.now, resyncTimeoutMs: 1_000,
    log: (m) => logs.push(m),
    send: (m) => (live ? (sent.push(m), true) : false),
    refresh: () => calls.refresh++,
    reconnect: () => calls.reconnect++,
    onLive: () => calls.live++,
    onChange: () => calls.change++,
  });
  return { sync, sent, logs, calls, market, history };
}

describe('createFeedSync(options)', () => {
  beforeEach(() => vi.useFakeTimers({ now: T0 }));
  afterEach(() => vi.useRealTimers());

  it('applies a snapshot, then deltas in order, recording history as each minute closes', () => {
    const { sync, market, history, calls } = setup();
    sync.onMessage(snapshot(5));
    sync.onMessage(delta(6));
    expect([market.seq, market.quotes.get('AAPL')!.price]).toEqual([6, 201]);
    // The minute in progress is the live quote; it joins the history once a later minute starts.
    expect([...historyOf(history, 'AAPL').price]).toEqual([200]);
    sync.onMessage(delta(7, [{ symbol: 'AAPL', price: 202, timestamp: T0 + 120_000 }]));
    expect([...historyOf(history, 'AAPL').price]).toEqual([200, 201]);
    expect(sync.feed).toEqual(feedOk);
    expect(sync.receivedAt).toBe(T0);
    expect(calls.live).toBe(3);
  });

  it('applies binary column deltas in sequence with JSON ones', () => {
    const { sync, market, history, sent } = setup();
    sync.onMessage(snapshot(5));
    sync.onMessage(columns(6, 0, 250));
    sync.onMessage(delta(7, [{ symbol: 'AAPL', price: 251 }]));
    sync.onMessage(columns(8, 0, 252));
    expect([market.seq, market.quotes.get('AAPL')!.price, sync.dataTime]).toEqual([8, 252, T0 + 5]);
    expect([...historyOf(history, 'AAPL').price]).toEqual([200]); // its minute closed at the first tick
    expect(sent).toEqual([]);
  });

  it('resyncs, applying nothing, when a column delta numbers another symbol order', () => {
    const { sync, market, sent, logs } = setup();
    sync.onMessage(snapshot(5));
    sync.onMessage(columns(6, 0, 250, ['MSFT', 'AAPL', 'XOM']));
    expect([market.seq, market.quotes.get('AAPL')!.price]).toEqual([5, 200]);
    expect(sent).toEqual([{ type: 'resync' }]);
    expect(logs).toContain('resyncing with the relay');
  });

  it('counts a corrupt binary frame and keeps its state', () => {
    const { sync, market } = setup();
    sync.onMessage(snapshot(5));
    const frame = columns(6, 0, 250);
    new Float64Array(frame, 32, 1)[0] = -1; // a negative price
    sync.onMessage(frame);
    expect([market.seq, market.quotes.get('AAPL')!.price, sync.invalidMessages]).toEqual([5, 200, 1]);
  });

  it('keeps the minute in progress when a snapshot replaces the quotes', () => {
    const { sync, history } = setup();
    sync.onMessage(snapshot(5));
    sync.onMessage(delta(6));
    sync.onMessage(snapshot(9, threeQuotes.map((q) => ({ ...q, price: q.price + 5, timestamp: T0 + 120_000 }))));
    expect([...historyOf(history, 'AAPL').price]).toEqual([200, 201, 205]);
  });

  it('advances dataTime with each applied delta, not only with status messages', () => {
    const { sync } = setup();
    sync.onMessage(snapshot(5));
    expect(sync.dataTime).toBe(feedOk.last_update);
    sync.onMessage(JSON.stringify({ type: 'delta', seq: 6, sent_at: T0 + 9_000, quotes: [{ symbol: 'XOM', price: 1 }] }));
    expect(sync.dataTime).toBe(T0 + 9_000);
    sync.onMessage(JSON.stringify({ type: 'delta', seq: 8, sent_at: T0 + 20_000, quotes: [] }));
    expect(sync.dataTime).toBe(T0 + 9_000);
  });

  it('asks for a resync once on a gap, keeps the data, and reconnects if no snapshot comes', () => {
    const { sync, sent, market, calls } = setup();
    sync.onMessage(snapshot(5));
    sync.onMessage(delta(7));
    sync.onMessage(delta(8));
    expect(sent).toEqual([{ type: 'resync' }]);
    expect([market.seq, market.quotes.size]).toEqual([5, 3]);
    expect(sync.resyncs).toBe(1);
    vi.advanceTimersByTime(1_000);
    expect(calls.reconnect).toBe(1);
  });

  it('ends the resync when the snapshot arrives, and chains deltas from it', () => {
    const { sync, sent, market, calls } = setup();
    sync.onMessage(snapshot(5));
    sync.onMessage(delta(7));
    sync.onMessage(snapshot(9));
    sync.onMessage(delta(10));
    vi.advanceTimersByTime(5_000);
    expect([market.seq, calls.reconnect, sent.length]).toEqual([10, 0, 1]);
  });

  it('resyncs over REST when there is no socket to ask', () => {
    const { sync, calls } = setup(false);
    sync.onStocks(stocks(5));
    sync.onMessage(delta(9));
    expect(calls.refresh).toBe(1);
  });

  it('ignores deltas the last snapshot already covers, but resyncs on a true duplicate', () => {
    const { sync, sent, market } = setup();
    sync.onMessage(snapshot(5));
    sync.onMessage(delta(4));
    sync.onMessage(delta(5));
    expect(sent).toEqual([]);
    sync.onMessage(delta(6));
    sync.onMessage(delta(6, [{ symbol: 'AAPL', price: 1 }]));
    expect(sent).toEqual([{ type: 'resync' }]);
    expect(market.quotes.get('AAPL')!.price).toBe(201);
  });

  it('resyncs when a delta names a symbol it does not hold', () => {
    const { sync, sent, market } = setup();
    sync.onMessage(snapshot(0, []));
    sync.onMessage(delta(1, [{ symbol: 'NEW', price: 3 }]));
    expect([sent, market.seq]).toEqual([[{ type: 'resync' }], 1]);
  });

  it('drops and counts invalid messages without touching the state, logging each reason once', () => {
    const { sync, market, logs } = setup();
    sync.onMessage(snapshot(5));
    for (const bad of ['{', '{', new Uint8Array(3), '{"type":"nope"}', delta(6, [{ symbol: 'AAPL', price: 'NaN' }])]) sync.onMessage(bad);
    sync.onStocks('{"seq":-1}');
    expect(sync.invalidMessages).toBe(6);
    expect(logs.filter((l) => l.startsWith('dropped')).length).toBe(4); // not_json, not_text, unknown_type, schema
    expect([market.seq, market.quotes.get('AAPL')!.price]).toEqual([5, 200]);
  });

  it('answers a ping with a pong carrying its t, and takes feed status from status messages', () => {
    const { sync, sent } = setup();
    sync.onMessage('{"type":"ping","t":42}');
    sync.onMessage(JSON.stringify({ type: 'status', sent_at: T0, ...feedOk, status: 'rate_limited', retry_at: T0 + 9_000 }));
    expect(sent).toEqual([{ type: 'pong', t: 42 }]);
    expect(sync.feed).toEqual({ ...feedOk, status: 'rate_limited', retry_at: T0 + 9_000 });
  });

  it('applies a REST snapshot unless the socket already holds newer data', () => {
    const { sync, market } = setup();
    sync.onStocks(stocks(3));
    expect(market.seq).toBe(3);
    sync.onMessage(snapshot(10));
    sync.onStocks(stocks(8));
    expect(market.seq).toBe(10);
    sync.onStocks(stocks(12));
    expect(market.seq).toBe(12);
    // The socket dropped: a REST answer is the freshest there is, even from a restarted relay.
    sync.onTransport('polling');
    sync.onStocks(stocks(1));
    expect(market.seq).toBe(1);
  });

  it("does not apply the socket's snapshot again when it repeats the fetched one (same seq, nothing since)", () => {
    const { sync, market, calls } = setup();
    sync.onStocks(stocks(3));
    expect(calls).toMatchObject({ live: 1, change: 1 });
    sync.onMessage(snapshot(3));
    expect(calls).toMatchObject({ live: 1, change: 1 });
    // Its feed is news even when its quotes are not.
    const { sync: other, calls: otherCalls } = setup();
    other.onStocks(stocks(3));
    other.onMessage(JSON.stringify({ type: 'snapshot', seq: 3, sent_at: T0, feed: { ...feedOk, stale: true }, quotes: threeQuotes }));
    expect(otherCalls).toMatchObject({ live: 1, change: 2 });
    expect(other.feed?.stale).toBe(true);
    // Anything newer is applied: a later snapshot, or the same seq after a delta moved on from it.
    sync.onMessage(snapshot(5));
    expect(market.seq).toBe(5);
    expect(calls.live).toBe(2);
    sync.onStocks(stocks(6));
    sync.onMessage(delta(7));
    sync.onMessage(snapshot(7));
    expect(calls.live).toBe(5);
  });

  it('keeps a cached feed only until the relay reports one', () => {
    const { sync } = setup();
    sync.restoreFeed({ ...feedOk, provider: 'cached' });
    expect(sync.feed?.provider).toBe('cached');
    sync.onMessage(snapshot(1));
    sync.restoreFeed({ ...feedOk, provider: 'cached' });
    expect(sync.feed?.provider).toBe('simulated');
  });
});
