/**
 * The data engine behind the UI's EngineApi: it owns the link to the relay, the market state, the
 * IndexedDB cache and the view, and pushes frames to subscribers. Everything that touches the
 * outside world comes in through `deps`, so tests run it in one thread against a real relay.
 *
 * Start: the cache is read as soon as the engine exists (in the worker, as soon as its script
 * runs, before the page's `start` and `subscribe` arrive). No frame goes out until that read has
 * settled, so a subscriber's first frame is the cached map (marked `fromCache` and stale), not an
 * empty one; the stored history is read after that first frame, since only sparklines need it.
 * `start` then loads the link to the relay (link.ts, after that first frame when there is one),
 * opens the socket and fetches /api/stocks, whichever answers first replacing the cache.
 */
import { FiltersResponseSchema, type FeedStatus, type FiltersResponse } from '../relay/protocol.ts';
import type { EngineApi, EngineConfig, EngineStatus, Frame, StorageState, View } from './api.ts';
import { resolveEndpoints, DEFAULT_POLL_INTERVAL_MS } from './config.ts';
import type { Connection, ConnectionTuning, FetchLike, SocketLike, TransportState } from './connection.ts';
import { deriveFilters } from './deriveFilters.ts';
import { frameFor } from './frame.ts';
import type { FeedSync } from './feedSync.ts';
import { createHistoryBook, historyOf, loadHistoryRows, recordQuotes, takeDirtyRows } from './history.ts';
import { applySnapshot, createMarketState, takeChanges } from './merge.ts';
import type { Store } from './store.ts';
import { createThrottle } from './throttle.ts';
import { systemTimers, type Timers } from './timers.ts';
import { createViewModel } from './viewModel.ts';

export interface EngineTuning {
  /** Frames are at least this far apart (bursts coalesce; the last change is always shown). */
  frameIntervalMs: number;
  persistSnapshotMs: number;
  persistHistoryMs: number;
  /**
   * The first save of live data waits this long: at start-up the page is mounting and painting
   * its first map, and on a phone's few cores the save's work (serialising 500 quotes and their
   * history into IndexedDB) would slow it. History's first save waits a whole interval: one point
   * per symbol is not worth keeping sooner.
   */
  persistFirstDelayMs: number;
  /**
   * The stored history is read this long after the first frame (or as soon as a caller needs it):
   * reading and checking ~500 rows is worker time the first map and the page's start-up are better
   * served by, and nothing on screen shows history until a detail panel opens.
   */
  historyReadDelayMs: number;
  /** How long start() waits for the cache before connecting anyway (a blocked upgrade can hang). */
  cacheWaitMs: number;
  /** A resync request unanswered this long reconnects the socket instead. */
  resyncTimeoutMs: number;
  connection: Partial<ConnectionTuning>;
}

export interface EngineDeps {
  openSocket(url: string): SocketLike;
  fetch: FetchLike;
  /** Opens the IndexedDB store; `onStateChange` reports quota/blocked/rebuilt as they happen. */
  openDb(hooks: { onStateChange(state: StorageState): void }): Promise<Store>;
  now(): number;
  isOnline(): boolean;
  /** Calls back on the browser's online/offline events; returns the unsubscribe. */
  watchOnline(listener: (online: boolean) => void): () => void;
  timers?: Timers;
  random?(): number;
  log?(message: string, fields?: Record<string, unknown>): void;
  /** Notes a start-up milestone (`cache-read`, `first-frame`, `link-loaded`), e.g. as a User Timing mark. */
  mark?(name: string): void;
  /** Origin for an empty apiBaseUrl: the worker's own `location.origin`. */
  origin?: string;
  tuning?: Partial<EngineTuning>;
}

interface Subscriber {
  onFrame: (frame: Frame) => void;
  seenVersion: number | null;
}

export function createEngine(deps: EngineDeps): EngineApi {
  const timers = deps.timers ?? systemTimers;
  const log = deps.log ?? ((m: string, f?: Record<string, unknown>) => console.warn(m, f ?? ''));
  const tuning: EngineTuning = { frameIntervalMs: 50, persistSnapshotMs: 10_000, persistHistoryMs: 60_000, persistFirstDelayMs: 3_000, historyReadDelayMs: 5_000, cacheWaitMs: 1_000, resyncTimeoutMs: 5_000, connection: {}, ...deps.tuning };
  const market = createMarketState();
  const history = createHistoryBook();
  const model = createViewModel();
  const subscribers = new Set<Subscriber>();
  let pollIntervalMs = DEFAULT_POLL_INTERVAL_MS;
  let transport: { state: TransportState; retryAt: number | null } = { state: 'connecting', retryAt: null };
  let fromCache = false;
  let store: Store | null = null;
  let storage: StorageState = 'ok';
  let filters: FiltersResponse | null = null;
  let connection: Connection | null = null;
  let started = false;
  let disposed = false;
  let lastStale: boolean | null = null;
  let staleTimer: unknown = null;
  let historyTimer: unknown = null;
  let unwatchOnline = () => {};
  let cacheSettled = false;
  let historyRead: Promise<void> | null = null;
  let sentFirst = false;
  let firstFrameSent = () => {};
  const firstFrame = new Promise<void>((resolve) => (firstFrameSent = resolve));
  /** The feed as frames see it: the cached one until the link has loaded, then the live FeedSync. */
  let sync: FeedView = cachedFeed();
  let feedSync: FeedSync | null = null;

  const throttle = (everyMs: number, run: () => unknown, firstDelayMs = 0) => createThrottle({ everyMs, firstDelayMs, timers, now: deps.now, run });
  const frames = throttle(tuning.frameIntervalMs, () => emit([...subscribers]));
  const saveSnapshot = throttle(tuning.persistSnapshotMs, async () => {
    if (store && market.seq >= 0 && !fromCache) {
      await store.saveSnapshot({ seq: market.seq, saved_at: deps.now(), feed: sync.feed, quotes: [...market.quotes.values()] });
    }
  }, tuning.persistFirstDelayMs);
  const saveHistory = throttle(tuning.persistHistoryMs, async () => {
    // Rows are written whole: saving before the stored ones were read in would overwrite them.
    await loadHistory();
    if (!store) return;
    recordQuotes(history, market.quotes.values());
    await store.saveHistory(takeDirtyRows(history));
  }, Math.max(tuning.persistFirstDelayMs, tuning.persistHistoryMs));
  /** Runs the pending saves now instead of at their next interval. */
  async function saveNow(): Promise<void> {
    await saveSnapshot.flush();
    await saveHistory.flush();
  }

  function status(): EngineStatus {
    const feed = sync.feed;
    const relayLimited = (transport.state === 'live' || transport.state === 'polling') && feed?.status === 'rate_limited';
    return {
      connection: relayLimited ? 'rate_limited' : transport.state,
      feed,
      dataTime: sync.dataTime,
      receivedAt: sync.receivedAt,
      stale: isStale(),
      fromCache,
      retryAt: relayLimited ? feed.retry_at : transport.retryAt,
      invalidMessages: sync.invalidMessages,
      storage,
    };
  }

  function isStale(): boolean {
    const heard = sync.receivedAt;
    return fromCache || heard === null || deps.now() - heard > 3 * pollIntervalMs;
  }

  /** Computes the view once and hands each subscriber its frame; the last one gets the originals. */
  function emit(targets: Subscriber[]): void {
    if (targets.length === 0 || disposed || !cacheSettled) return;
    const view = model.compute(market.quotes, takeChanges(market));
    const st = status();
    lastStale = st.stale;
    targets.forEach((sub, i) => {
      const frame = frameFor(view, { seq: Math.max(0, market.seq), status: st, seenVersion: sub.seenVersion, owned: i === targets.length - 1 });
      sub.seenVersion = view.layout.version;
      try {
        sub.onFrame(frame);
      } catch (error) {
        log('a frame subscriber threw', { error: String(error) });
      }
    });
    if (!sentFirst) {
      deps.mark?.('first-frame');
      historyTimer = timers.setTimeout(() => void loadHistory(), tuning.historyReadDelayMs);
    }
    sentFirst = true;
    firstFrameSent();
  }

  /** Re-checks staleness every poll interval, so "stale" appears even when nothing arrives. */
  function watchStaleness(): void {
    staleTimer = timers.setTimeout(() => {
      if (isStale() !== lastStale) frames.request();
      watchStaleness();
    }, pollIntervalMs);
  }

  /** Opens the store and applies the cached snapshot, if there is a valid one. */
  async function loadSnapshot(): Promise<void> {
    const opened = await deps.openDb({ onStateChange: (s) => ((storage = s), frames.request()) }).catch((error: unknown) => {
      log('could not open the cache', { error: String(error) });
      return null;
    });
    if (!opened || disposed) return opened?.close();
    store = opened;
    storage = opened.state;
    const cached = await opened.loadSnapshot();
    if (cached && market.seq < 0) {
      applySnapshot(market, cached);
      sync.restoreFeed(cached.feed);
      fromCache = true;
      // Shown by settleCache(), or by the next frame when the read outlasted the cache wait.
      frames.request();
    }
  }

  /** Settles the cache wait (read, failed or timed out) and sends every subscriber its first frame. */
  async function settleCache(): Promise<void> {
    await withTimeout(loadSnapshot().catch((error: unknown) => log('could not read the cache', { error: String(error) })), tuning.cacheWaitMs, timers);
    deps.mark?.('cache-read');
    cacheSettled = true;
    frames.cancel();
    emit([...subscribers]);
  }

  /** Reads the stored history once (a while after the first frame, or when history is first needed). */
  function loadHistory(): Promise<void> {
    historyRead ??= cacheReady.then(async () => {
      if (!store) return;
      loadHistoryRows(history, await store.loadHistory());
    }).catch((error: unknown) => log('could not read the stored history', { error: String(error) }));
    return historyRead;
  }

  /** The /api/filters request in flight: the start and the socket going live both ask for it. */
  let filtersLoading: Promise<void> | null = null;
  function loadFilters(url: string): Promise<void> {
    filtersLoading ??= fetchFilters(url).finally(() => (filtersLoading = null));
    return filtersLoading;
  }

  async function fetchFilters(url: string): Promise<void> {
    try {
      const response = await deps.fetch(url);
      const parsed = FiltersResponseSchema.safeParse(JSON.parse(await response.text()));
      if (parsed.success) filters = parsed.data;
      else log('ignored an invalid /api/filters body', { issue: parsed.error.issues[0]?.message });
    } catch (error) {
      log('could not load /api/filters; deriving filters from quotes', { error: String(error) });
    }
  }

  const cacheReady = settleCache();

  return {
    async start(config: EngineConfig) {
      if (started || disposed) return;
      started = true;
      pollIntervalMs = config.pollIntervalMs;
      const urls = resolveEndpoints(config, deps.origin ?? '');
      await cacheReady;
      // The cached map goes out before the link's code loads and compiles its validators.
      if (market.seq >= 0) await withTimeout(firstFrame, tuning.cacheWaitMs, timers);
      const link = await import('./link.ts').catch((error: unknown) => {
        // Without its code the engine cannot reach the relay: say so instead of "connecting" forever.
        transport = { state: 'offline', retryAt: null };
        frames.request();
        throw new Error(`could not load the engine's link to the relay: ${String(error)}`);
      });
      deps.mark?.('link-loaded');
      if (disposed) return;
      // A Content-Security-Policy without 'unsafe-eval' on the worker script stops z.compile.
      if (!link.isValidationCompiled) log('validating relay messages with zod\'s interpreter: eval is forbidden here, so z.compile is not in use');
      const live = link.createFeedSync({
        market, history, timers, now: deps.now, log, resyncTimeoutMs: tuning.resyncTimeoutMs,
        send: (message) => connection?.send(message) ?? false,
        refresh: () => connection?.refresh(),
        reconnect: () => connection?.reconnect(),
        onLive() {
          fromCache = false;
          saveSnapshot.request();
          saveHistory.request();
        },
        onChange: () => frames.request(),
      });
      live.restoreFeed(sync.feed);
      sync = feedSync = live;
      connection = link.createConnection({
        wsUrl: urls.wsUrl, stocksUrl: urls.stocksUrl, pollIntervalMs, openSocket: deps.openSocket, fetch: deps.fetch,
        timers, now: deps.now, ...(deps.random ? { random: deps.random } : {}), tuning: tuning.connection,
        onMessage: live.onMessage,
        onStocks: live.onStocks,
        onState(state, retryAt) {
          transport = { state, retryAt };
          live.onTransport(state);
          if (state === 'live' && filters === null) void loadFilters(urls.filtersUrl);
          frames.request();
        },
      });
      unwatchOnline = deps.watchOnline((online) => connection?.setOnline(online));
      connection.start(deps.isOnline());
      if (filters === null) void loadFilters(urls.filtersUrl);
      watchStaleness();
    },

    async subscribe(view: View, onFrame: (frame: Frame) => void) {
      model.setView(view);
      const sub: Subscriber = { onFrame, seenVersion: null };
      // Before the cache has settled this sends nothing: settleCache() sends the first frame.
      emit([sub]);
      subscribers.add(sub);
      frames.request();
      return () => void subscribers.delete(sub);
    },

    async setView(view: View) {
      model.setView(view);
      frames.request();
    },

    async getDetail(symbol: string) {
      const quote = market.quotes.get(symbol);
      return quote ? { quote: { ...quote, indices: [...quote.indices] }, age: deps.now() - quote.timestamp } : null;
    },

    async getHistory(symbol: string) {
      await loadHistory();
      const quote = market.quotes.get(symbol);
      if (quote) recordQuotes(history, [quote]);
      return historyOf(history, symbol);
    },

    async getFilters() {
      return filters ?? (market.quotes.size > 0 ? deriveFilters(market.quotes.values()) : null);
    },

    async persist() {
      if (!disposed) await saveNow();
    },

    async dispose() {
      if (disposed) return;
      disposed = true;
      connection?.stop();
      unwatchOnline();
      frames.cancel();
      feedSync?.stop();
      if (staleTimer !== null) timers.clearTimeout(staleTimer);
      if (historyTimer !== null) timers.clearTimeout(historyTimer);
      await saveNow();
      store?.close();
      subscribers.clear();
    },
  };
}

/** What frames read from the feed; before the link loads, only the feed saved with the cache. */
type FeedView = Pick<FeedSync, 'feed' | 'dataTime' | 'receivedAt' | 'invalidMessages' | 'restoreFeed'>;

function cachedFeed(): FeedView {
  let feed: FeedStatus | null = null;
  return {
    get feed() {
      return feed;
    },
    get dataTime() {
      return feed?.last_update ?? null;
    },
    receivedAt: null,
    invalidMessages: 0,
    restoreFeed(cached) {
      feed ??= cached;
    },
  };
}

/** Waits for `promise`, but no longer than `ms`; the promise keeps running either way. */
async function withTimeout(promise: Promise<unknown>, ms: number, timers: Timers): Promise<void> {
  let timer: unknown = null;
  await Promise.race([promise, new Promise<void>((resolve) => (timer = timers.setTimeout(resolve, ms)))]);
  timers.clearTimeout(timer);
}
