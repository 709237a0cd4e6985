/**
 * Keeping the market state in step with the relay. Snapshots replace it; deltas apply only in
 * sequence. A gap, an out-of-order or duplicate delta, or a row for a symbol we do not hold means
 * our copy can no longer be trusted: ask for a fresh snapshot (`resync` on the socket, or
 * /api/stocks when there is no socket) and keep showing the current data until it arrives, so
 * the map never flashes empty. Deltas older than the last snapshot are expected after a REST
 * resync and are ignored quietly.
 */
import type { ClientMessage, FeedStatus, Quote, StatusMessage } from '../relay/protocol.ts';
import type { TransportState } from './connection.ts';
import { recordBeforeTick, recordQuotes, type HistoryBook } from './history.ts';
import { applyColumnDelta, applyDelta, applySnapshot, type DeltaOutcome, type MarketState } from './merge.ts';
import type { Timers } from './timers.ts';
import { createInvalidCounter, parseServerMessage, parseStocksResponse, type InvalidReason } from './validate.ts';

export interface FeedSyncOptions {
  market: MarketState;
  history: HistoryBook;
  timers: Timers;
  now(): number;
  log(message: string, fields?: Record<string, unknown>): void;
  resyncTimeoutMs: number;
  send(message: ClientMessage): boolean;
  refresh(): void;
  reconnect(): void;
  /** Live data was applied (persist it). */
  onLive(): void;
  /** Anything a frame shows changed. */
  onChange(): void;
}

export interface FeedSync {
  readonly feed: FeedStatus | null;
  /**
   * Epoch ms of the newest data held: the relay's last_update, advanced by each applied delta's
   * sent_at (the relay publishes a delta as soon as a batch lands, but re-sends its status rarely).
   */
  readonly dataTime: number | null;
  /** When anything valid last arrived from the relay (epoch ms). */
  readonly receivedAt: number | null;
  readonly invalidMessages: number;
  readonly resyncs: number;
  onMessage(data: unknown): void;
  onStocks(text: string): void;
  onTransport(state: TransportState): void;
  /** The feed status saved with a cached snapshot, until the relay says otherwise. */
  restoreFeed(feed: FeedStatus | null): void;
  stop(): void;
}

export function createFeedSync(o: FeedSyncOptions): FeedSync {
  const invalid = createInvalidCounter();
  let feed: FeedStatus | null = null;
  let receivedAt: number | null = null;
  let deltaTime: number | null = null;
  /** A snapshot arrived on the current socket: REST snapshots older than our state are ignored. */
  let socketSynced = false;
  /** The seq of the REST snapshot last applied, while nothing has been applied after it. */
  let restSnapshotSeq: number | null = null;
  let resyncTimer: unknown = null;
  let resyncs = 0;

  function reject(reason: InvalidReason, detail: string): void {
    if (invalid.count(reason)) o.log('dropped an invalid message from the relay', { reason, detail });
    o.onChange();
  }

  function applyLive(snapshot: { seq: number; quotes: readonly Quote[]; feed: FeedStatus }, fromRest = false): void {
    restSnapshotSeq = fromRest ? snapshot.seq : null;
    // The minute in progress lives only in the quotes being replaced: keep it first.
    recordQuotes(o.history, o.market.quotes.values());
    applySnapshot(o.market, snapshot);
    feed = snapshot.feed;
    deltaTime = null;
    recordQuotes(o.history, snapshot.quotes);
    o.onLive();
  }

  const closeMinute = (quote: Quote, nextTimestamp: number | undefined) => recordBeforeTick(o.history, quote, nextTimestamp);

  /** What to do after a delta (JSON or columns) was offered to the market state. */
  function afterDelta(delta: { seq: number; sent_at: number }, outcome: DeltaOutcome): void {
    if (outcome === 'applied' || outcome === 'unknown-symbol') {
      restSnapshotSeq = null;
      deltaTime = Math.max(deltaTime ?? 0, delta.sent_at);
      o.onLive();
    }
    if (outcome === 'gap' || outcome === 'unknown-symbol' || outcome === 'other-order') resync(`${outcome} at seq ${delta.seq} (have ${o.market.seq})`);
    // At or below the last snapshot: superseded, expected. Above it: a real duplicate or reordering.
    else if (outcome === 'stale-duplicate' && delta.seq > o.market.snapshotSeq) resync(`duplicate seq ${delta.seq}`);
  }

  function resync(reason: string): void {
    if (resyncTimer !== null) return;
    resyncs++;
    o.log('resyncing with the relay', { reason });
    if (!o.send({ type: 'resync' })) return o.refresh();
    resyncTimer = o.timers.setTimeout(() => {
      resyncTimer = null;
      o.log('resync unanswered; reconnecting');
      o.reconnect();
    }, o.resyncTimeoutMs);
  }

  function endResync(): void {
    if (resyncTimer !== null) o.timers.clearTimeout(resyncTimer);
    resyncTimer = null;
  }

  function onStatus(message: StatusMessage): void {
    const { type: _type, sent_at: _sentAt, ...status } = message;
    feed = status;
  }

  return {
    get feed() {
      return feed;
    },
    get receivedAt() {
      return receivedAt;
    },
    get dataTime() {
      const fromFeed = feed?.last_update ?? null;
      return deltaTime === null ? fromFeed : Math.max(deltaTime, fromFeed ?? 0);
    },
    get invalidMessages() {
      return invalid.total;
    },
    get resyncs() {
      return resyncs;
    },
    onMessage(data) {
      const parsed = parseServerMessage(data);
      if (!parsed.ok) return reject(parsed.reason, parsed.detail);
      receivedAt = o.now();
      const m = parsed.value;
      if (m.type === 'snapshot') {
        endResync();
        socketSynced = true;
        // A start fetches /api/stocks beside opening the socket (whichever answers first draws the
        // first map), so the socket's snapshot usually repeats the fetched one: same seq, nothing
        // applied since. Applying it again would only cost a merge and a frame for every thread.
        if (m.seq === restSnapshotSeq && m.seq === o.market.seq) {
          restSnapshotSeq = null;
          if (feed !== null && sameValue(m.feed, feed)) return;
          feed = m.feed;
        } else applyLive(m);
      } else if (m.type === 'delta') {
        afterDelta(m, applyDelta(o.market, m, closeMinute));
      } else if (m.type === 'column_delta') {
        afterDelta(m, applyColumnDelta(o.market, m, closeMinute));
      } else if (m.type === 'status') {
        onStatus(m);
      } else if (m.type === 'ping') {
        o.send({ type: 'pong', t: m.t });
      } else if (m.type === 'error') {
        o.log('the relay refused a message from the engine', { code: m.code, message: m.message });
      }
      o.onChange();
    },
    onStocks(text) {
      const parsed = parseStocksResponse(text);
      if (!parsed.ok) return reject(parsed.reason, parsed.detail);
      receivedAt = o.now();
      if (!socketSynced || parsed.value.seq > o.market.seq) applyLive(parsed.value, true);
      o.onChange();
    },
    onTransport(state) {
      if (state === 'live') return;
      socketSynced = false;
      endResync();
    },
    restoreFeed(cached) {
      feed ??= cached;
    },
    stop: endResync,
  };
}

/** Deep equality of parsed JSON values (feed statuses: a few fields and the session object). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
