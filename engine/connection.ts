/**
 * The link to the relay: one WebSocket, with GET /api/stocks as the fallback.
 *
 * States: `connecting` (first attempt), `live` (socket open), `reconnecting` (socket lost, next
 * attempt at `retryAt`), `polling` (the socket failed `failuresBeforePolling` times in a row, so
 * /api/stocks is fetched every poll interval while attempts to upgrade continue with backoff),
 * `rate_limited` (the relay answered a poll with 429), `offline` (the browser says so, or neither
 * the socket nor REST reaches the relay). A live socket is pinged when quiet and dropped when it
 * stays silent, because a half-open TCP connection never reports its own death.
 */
import type { ClientMessage } from '../relay/protocol.ts';
import { backoffDelay } from './backoff.ts';
import type { Timers } from './timers.ts';

export type TransportState = 'connecting' | 'live' | 'reconnecting' | 'polling' | 'rate_limited' | 'offline';

/** The part of the browser's WebSocket (and the `ws` package's) that the engine uses. */
export interface SocketLike {
  readonly readyState: number;
  /** Set to 'arraybuffer' so binary column deltas arrive as one (browsers default to Blob). */
  binaryType?: string;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
}

export type FetchLike = (url: string, init?: { signal?: AbortSignal }) => Promise<Pick<Response, 'ok' | 'status' | 'headers' | 'text'>>;

export interface ConnectionTuning {
  backoffBaseMs: number;
  backoffMaxMs: number;
  failuresBeforePolling: number;
  connectTimeoutMs: number;
  /** Ping a live socket that has been quiet this long. */
  heartbeatMs: number;
  /** Drop a live socket that has been silent this long. */
  idleTimeoutMs: number;
  fetchTimeoutMs: number;
}

export interface ConnectionOptions {
  wsUrl: string;
  stocksUrl: string;
  pollIntervalMs: number;
  openSocket(url: string): SocketLike;
  fetch: FetchLike;
  timers: Timers;
  now(): number;
  random?(): number;
  /** Every inbound frame, unparsed (validation is the engine's job). */
  onMessage(data: unknown): void;
  /** A GET /api/stocks body as text: from the start, from polling, or from `refresh()`. */
  onStocks(text: string): void;
  onState(state: TransportState, retryAt: number | null): void;
  tuning?: Partial<ConnectionTuning>;
}

export interface Connection {
  readonly state: TransportState;
  /** Starts connecting, or waits in `offline` when the browser is offline. */
  start(online: boolean): void;
  /** Browser connectivity changed: offline tears everything down, online reconnects at once. */
  setOnline(online: boolean): void;
  /** Sends on the live socket; false when there is none. */
  send(message: ClientMessage): boolean;
  /** Fetches /api/stocks now (e.g. to resync while not live). */
  refresh(): void;
  /** Drops the socket and reconnects at once (e.g. a resync that never came back). */
  reconnect(): void;
  stop(): void;
}

const OPEN = 1;

export function createConnection(o: ConnectionOptions): Connection {
  const feedUrl = withBinaryDeltas(o.wsUrl);
  const t: ConnectionTuning = {
    backoffBaseMs: 500, backoffMaxMs: 30_000, failuresBeforePolling: 3, connectTimeoutMs: 10_000,
    heartbeatMs: o.pollIntervalMs, idleTimeoutMs: 3 * o.pollIntervalMs + 1_000, fetchTimeoutMs: 10_000, ...o.tuning,
  };
  const random = o.random ?? Math.random;
  let state: TransportState = 'offline';
  let retryAt: number | null = null;
  let socket: SocketLike | null = null;
  let failures = 0;
  let polling = false;
  let lastHeard = 0;
  let running = false;
  const timers = new Map<string, unknown>();
  const aborts = new Set<AbortController>();

  function setState(next: TransportState, at: number | null = null): void {
    if (next === state && at === retryAt) return;
    state = next;
    retryAt = at;
    o.onState(next, at);
  }

  function schedule(name: string, ms: number, fn: () => void): void {
    cancel(name);
    timers.set(name, o.timers.setTimeout(() => {
      timers.delete(name);
      fn();
    }, ms));
  }

  function cancel(name: string): void {
    if (timers.has(name)) o.timers.clearTimeout(timers.get(name));
    timers.delete(name);
  }

  function openSocket(): void {
    if (!running || socket) return;
    let s: SocketLike;
    try {
      s = o.openSocket(feedUrl);
      s.binaryType = 'arraybuffer';
    } catch {
      socketLost();
      return;
    }
    socket = s;
    schedule('connect', t.connectTimeoutMs, () => dropSocket(s));
    s.addEventListener('open', () => {
      if (s !== socket) return;
      cancel('connect');
      failures = 0;
      polling = false;
      cancel('poll');
      lastHeard = o.now();
      setState('live');
      schedule('heartbeat', t.heartbeatMs, heartbeat);
    });
    s.addEventListener('message', (event) => {
      if (s !== socket) return;
      lastHeard = o.now();
      o.onMessage(event.data);
    });
    // A failed handshake fires `error` then `close`; either way the socket is gone.
    s.addEventListener('close', () => s === socket && dropSocket(s));
    s.addEventListener('error', () => s === socket && dropSocket(s));
  }

  function dropSocket(s: SocketLike): void {
    if (s !== socket) return;
    socket = null;
    for (const name of ['connect', 'heartbeat']) cancel(name);
    try {
      s.close(4000, 'engine dropped the connection');
    } catch {
      // Closing a socket that never opened can throw in some browsers; it is gone either way.
    }
    socketLost();
  }

  function socketLost(): void {
    if (!running) return;
    failures++;
    const delay = backoffDelay(failures, { baseMs: t.backoffBaseMs, maxMs: t.backoffMaxMs, random });
    schedule('reconnect', delay, openSocket);
    if (failures >= t.failuresBeforePolling) startPolling();
    else setState('reconnecting', o.now() + delay);
  }

  function heartbeat(): void {
    const quiet = o.now() - lastHeard;
    if (socket && quiet >= t.idleTimeoutMs) return dropSocket(socket);
    if (socket && quiet >= t.heartbeatMs) send({ type: 'ping', t: o.now() });
    schedule('heartbeat', t.heartbeatMs, heartbeat);
  }

  function startPolling(): void {
    if (polling) return;
    polling = true;
    setState('polling');
    void poll();
  }

  async function poll(): Promise<void> {
    const result = await fetchStocks();
    if (!polling || !running) return;
    let wait = o.pollIntervalMs;
    if (result.kind === 'rate_limited') {
      wait = Math.max(wait, result.retryAt - o.now());
      setState('rate_limited', result.retryAt);
    } else if (result.kind === 'unreachable') {
      setState('offline', o.now() + wait);
    } else {
      setState('polling');
    }
    schedule('poll', wait, () => void poll());
  }

  type FetchResult = { kind: 'ok' } | { kind: 'http_error' } | { kind: 'unreachable' } | { kind: 'rate_limited'; retryAt: number };

  async function fetchStocks(): Promise<FetchResult> {
    const abort = new AbortController();
    aborts.add(abort);
    const timer = o.timers.setTimeout(() => abort.abort(), t.fetchTimeoutMs);
    try {
      const response = await o.fetch(o.stocksUrl, { signal: abort.signal });
      if (response.status === 429) return { kind: 'rate_limited', retryAt: o.now() + retryAfterMs(response.headers.get('retry-after'), o.pollIntervalMs, o.now()) };
      if (!response.ok) return { kind: 'http_error' };
      const text = await response.text();
      if (running) o.onStocks(text);
      return { kind: 'ok' };
    } catch {
      return { kind: 'unreachable' };
    } finally {
      o.timers.clearTimeout(timer);
      aborts.delete(abort);
    }
  }

  function send(message: ClientMessage): boolean {
    if (!socket || socket.readyState !== OPEN) return false;
    socket.send(JSON.stringify(message));
    return true;
  }

  function connect(): void {
    running = true;
    failures = 0;
    setState('connecting');
    openSocket();
    void fetchStocks();
  }

  function teardown(): void {
    running = false;
    polling = false;
    for (const name of [...timers.keys()]) cancel(name);
    for (const abort of aborts) abort.abort();
    const s = socket;
    socket = null;
    s?.close(1000, 'engine stopped');
  }

  return {
    get state() {
      return state;
    },
    start(online) {
      if (online) connect();
      else setState('offline');
    },
    setOnline(online) {
      if (!online) {
        teardown();
        setState('offline');
      } else if (!running || state === 'offline') {
        teardown();
        connect();
      }
    },
    send,
    refresh: () => void fetchStocks(),
    reconnect() {
      if (socket) dropSocket(socket);
      cancel('reconnect');
      openSocket();
    },
    stop() {
      teardown();
    },
  };
}

/** Retry-After is seconds or an HTTP date; anything unreadable means one poll interval. */
function retryAfterMs(header: string | null, fallback: number, now: number): number {
  if (header === null) return fallback;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - now) : fallback;
}

/**
 * The feed URL asking for binary column deltas (nothing to parse for the relay's biggest messages),
 * unless the configured URL already chose a format.
 */
export function withBinaryDeltas(wsUrl: string): string {
  if (!URL.canParse(wsUrl)) return wsUrl; // opening it fails, and is reported, like any bad URL
  const url = new URL(wsUrl);
  if (!url.searchParams.has('deltas')) url.searchParams.set('deltas', 'binary');
  return url.toString();
}
