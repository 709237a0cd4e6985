/**
 * Wires one relay: provider → poller → snapshot store → server, plus persistence and the market
 * session. Tests start it on port 0 with their own config; main.ts starts it from the environment.
 */
import type { Config } from './config.ts';
import type { FeedStatus } from './protocol.ts';
import type { Provider } from './providers/types.ts';
import type { Logger } from './log.ts';
import { createLogger } from './log.ts';
import { createSnapshotStore, isNewSymbolRow } from './snapshot.ts';
import { loadSnapshot, saveSnapshot } from './persist.ts';
import { startServer, uwsTransport, type RelayServer } from './server.ts';
import { startPoller, type PollerState } from './poller.ts';
import { marketSession } from './market/session.ts';
import { createProvider } from './providers/index.ts';
import { buildFilters, universeFor } from './filters.ts';
import type { FaultControl } from './http/api.ts';

export interface RelayOptions {
  config: Config;
  /** Overrides the provider the config names (tests inject one). */
  provider?: Provider;
  log?: Logger;
  now?: () => number;
  /** Wait this long for a port a previous run's connections still hold (main.ts: 90 s; tests: 0). */
  listenWaitMs?: number;
}

export interface RunningRelay {
  port: number;
  server: RelayServer;
  /** Polls the provider at once (tests use it to avoid waiting for the interval). */
  pollNow(): void;
  stop(): Promise<void>;
}

/** Persist at most this often: the file is a restart cache, not a journal. */
const PERSIST_EVERY_MS = 10_000;
const SESSION_CHECK_MS = 15_000;

export async function startRelay(options: RelayOptions): Promise<RunningRelay> {
  const { config } = options;
  const now = options.now ?? Date.now;
  const log = options.log ?? createLogger({ level: config.logLevel, secrets: [config.apiKey, config.apiSecret] });
  const universe = universeFor(config);
  const built = options.provider ? { provider: options.provider } : createProvider(config, universe, { now, log });
  const provider = built.provider;
  const limits = provider.limits(universe.length);
  const intervalMs = provider.id === 'simulated' ? config.sim.tickMs : config.pollIntervalMs;
  const store = createSnapshotStore({ universe, staleAfterMs: Math.max(3 * intervalMs, 1.5 * limits.fullRefreshMs) });

  const restored = await loadSnapshot(config.dataDir, provider.id);
  if (restored.ok) {
    store.restore(restored.snapshot);
    log.info('serving persisted snapshot until fresh data arrives', { quotes: restored.snapshot.quotes.length, seq: restored.snapshot.seq });
  } else {
    log.info('starting without a persisted snapshot', { reason: restored.reason });
  }

  let poller: PollerState = { status: 'ok', reason: null, retry_at: null, interval_ms: intervalMs };
  const session = () => marketSession(now(), { simulatedOpen: provider.id === 'simulated' && !config.sim.followCalendar });
  const feed = (): FeedStatus => ({
    status: poller.status,
    reason: poller.reason,
    retry_at: poller.retry_at,
    provider: provider.id,
    last_update: store.lastUpdate,
    stale: store.restored || store.lastUpdate === null || poller.status !== 'ok',
    session: session(),
  });

  const server = await startServer({
    host: config.host, port: config.port, store, feed, filters: buildFilters(universe),
    corsOrigins: config.corsOrigins, staticDir: config.staticDir, log, startedAt: now(), now,
    listenWaitMs: options.listenWaitMs ?? 0,
    ...(built.faultControl && config.sim.control ? { faultControl: built.faultControl } : {}),
  });
  log.info('relay listening', { port: server.port, provider: provider.id, symbols: universe.length, transport: uwsTransport() });

  let dirtySince: number | null = null;
  let lastPhase = session().phase;
  const persist = async () => {
    if (dirtySince === null) return;
    dirtySince = null;
    try {
      await saveSnapshot(config.dataDir, { provider: provider.id, seq: store.seq, saved_at: now(), quotes: store.quotes() });
    } catch (error) {
      log.warn('could not persist snapshot', { error: String(error) });
    }
  };
  const persistTimer = setInterval(() => void persist(), PERSIST_EVERY_MS);
  persistTimer.unref();
  // Sessions change on the clock, not on provider batches (a closed market may bring none).
  const sessionTimer = setInterval(() => announceSessionChange(), SESSION_CHECK_MS);
  sessionTimer.unref();
  function announceSessionChange(): void {
    const phase = session().phase;
    if (phase === lastPhase) return;
    lastPhase = phase;
    server.publishStatus(feed());
  }

  const publish = (rows: ReturnType<typeof store.applyBatch>) => {
    if (rows.length === 0) return;
    dirtySince ??= now();
    if (rows.some(isNewSymbolRow)) server.publishSnapshot();
    else server.publishDelta(rows);
  };

  const running = startPoller({
    provider, universe, intervalMs, maxRetries: config.maxRetries, log, now,
    // One poll may be several provider calls (Alpaca chunks, a Finnhub burst): give it room for three.
    timeoutMs: provider.id === 'simulated' ? config.requestTimeoutMs : 3 * config.requestTimeoutMs,
    isMarketActive: (t) => provider.updatesWhenClosed || marketSession(t).phase !== 'closed',
    onBatch(batch, t) {
      const wasRestored = store.restored;
      publish(store.applyBatch(batch, t));
      if (!batch.complete) publish(store.expire(t));
      if (wasRestored !== store.restored) server.publishStatus(feed());
    },
    onState(state) {
      poller = state;
      if (state.status !== 'ok') log.warn('upstream state changed', { status: state.status, reason: state.reason, retry_at: state.retry_at });
      else log.info('upstream ok');
      server.publishStatus(feed());
    },
  });

  let stopped: Promise<void> | undefined;
  return {
    port: server.port,
    server,
    pollNow: () => running.pollNow(),
    stop() {
      stopped ??= (async () => {
        clearInterval(persistTimer);
        clearInterval(sessionTimer);
        await running.stop();
        if (store.quotes().length > 0) dirtySince ??= now();
        await persist();
        server.close();
      })();
      return stopped;
    },
  };
}

export type { FaultControl };
