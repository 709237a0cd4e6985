/**
 * The live feed at /ws/stocks. Each client gets a snapshot on open, then every delta and status
 * through one pub/sub topic, so a delta is serialized once per tick however many clients listen.
 *
 * Clients that connect with `?deltas=binary` listen on a second topic that gets deltas as
 * column-delta frames (see columnDelta.ts); everything else goes to both topics alike.
 *
 * Backpressure: a client whose send buffer passes the lag limit is unsubscribed (it stops getting
 * deltas, and nobody else waits for it). When its buffer drains it gets a fresh snapshot and is
 * subscribed again; if it stays stuck too long it is closed with code 4008.
 */
import type { TemplatedApp, WebSocket } from 'uWebSockets.js';
import {
  ClientMessageSchema, CLOSE_CODES, DeltaFormatSchema, MAX_CLIENT_FRAME_BYTES,
  type DeltaFormat, type ErrorResponse, type FeedStatus, type QuoteUpdate, type ServerMessage, type SnapshotMessage,
} from '../protocol.ts';
import type { SnapshotStore } from '../snapshot.ts';
import type { Logger } from '../log.ts';
import { isAllowedOrigin } from '../http/cors.ts';
import { sendJson } from '../http/respond.ts';
import { columnFrameFor } from './columnFrame.ts';

const TOPICS: Record<DeltaFormat, string> = { json: 'quotes', binary: 'quotes.binary' };
/** Buffered bytes beyond one snapshot at which a client counts as lagging. */
const LAG_HEADROOM_BYTES = 512 * 1024;
/** A lagging client that has not drained for this long is closed. */
const STUCK_MS = 30_000;
/** Invalid inbound messages tolerated before the relay closes the socket. */
const MAX_INVALID_MESSAGES = 20;
const APP_PING_MS = 25_000;

interface Client {
  topic: string;
  invalid: number;
  laggingSince: number | null;
}

export interface FeedSocketOptions {
  store: SnapshotStore;
  feed: () => FeedStatus;
  corsOrigins: readonly string[];
  log: Logger;
  now: () => number;
}

export interface FeedSocket {
  clients(): number;
  publishDelta(rows: QuoteUpdate[]): void;
  publishSnapshot(): void;
  publishStatus(feed: FeedStatus): void;
  closeAll(): void;
}

export function createFeedSocket(app: TemplatedApp, options: FeedSocketOptions): FeedSocket {
  const sockets = new Set<WebSocket<Client>>();
  let snapshotCache: { seq: number; text: string } | null = null;

  /** One serialization per seq, shared by every client that needs a snapshot. */
  function snapshotText(): string {
    const seq = options.store.seq;
    if (snapshotCache?.seq !== seq) {
      const message: SnapshotMessage = { type: 'snapshot', seq, sent_at: options.now(), feed: options.feed(), quotes: options.store.quotes() };
      snapshotCache = { seq, text: JSON.stringify(message) };
    }
    return snapshotCache.text;
  }
  const lagLimit = () => LAG_HEADROOM_BYTES + (snapshotCache?.text.length ?? 0);
  const sendTo = (ws: WebSocket<Client>, message: ServerMessage) => ws.send(JSON.stringify(message), false);

  function sendSnapshot(ws: WebSocket<Client>): void {
    ws.cork(() => {
      ws.send(snapshotText(), false);
      ws.subscribe(ws.getUserData().topic);
    });
  }

  /** Moves clients over the limit out of the topic; closes those stuck too long. */
  function checkLaggards(now: number): void {
    const limit = lagLimit();
    for (const ws of sockets) {
      const client = ws.getUserData();
      if (client.laggingSince === null && ws.getBufferedAmount() > limit) {
        client.laggingSince = now;
        ws.unsubscribe(client.topic);
        options.log.warn('client lagging; skipping its deltas until it drains');
      } else if (client.laggingSince !== null && now - client.laggingSince > STUCK_MS) {
        ws.end(CLOSE_CODES.tooSlow, 'too slow: did not drain its backlog');
      }
    }
  }

  function onMessage(ws: WebSocket<Client>, data: ArrayBuffer, isBinary: boolean): void {
    if (data.byteLength > MAX_CLIENT_FRAME_BYTES) return ws.end(CLOSE_CODES.tooLarge, `frame over ${MAX_CLIENT_FRAME_BYTES} bytes`);
    const reply = handleInbound(data, isBinary);
    if (reply === 'resync') return sendSnapshot(ws);
    if (reply.type === 'error') {
      const client = ws.getUserData();
      if (++client.invalid > MAX_INVALID_MESSAGES) return ws.end(CLOSE_CODES.policy, 'too many invalid messages');
    }
    if (reply.type !== 'none') sendTo(ws, reply);
  }

  /** Text every client gets, whatever its delta format. */
  const publishToAll = (text: string) => {
    for (const topic of Object.values(TOPICS)) app.publish(topic, text, false);
  };

  const pingTimer = setInterval(() => publishToAll(JSON.stringify({ type: 'ping', t: options.now() })), APP_PING_MS);
  pingTimer.unref();

  app.ws<Client>('/ws/stocks', {
    // uWS drops the connection without a close frame beyond this hard cap; frames between our
    // limit and the cap are refused in `message` with a proper 1009 and a reason.
    maxPayloadLength: 64 * 1024,
    // Above our own lag limit, so uWS never silently drops a message we meant to deliver.
    maxBackpressure: 64 * 1024 * 1024,
    idleTimeout: 60,
    sendPingsAutomatically: true,
    upgrade(res, req, context) {
      const origin = req.getHeader('origin');
      if (!isAllowedOrigin(origin, req.getHeader('host'), options.corsOrigins)) {
        res.cork(() => res.writeStatus('403 Forbidden').writeHeader('Content-Type', 'text/plain').end('origin not allowed'));
        options.log.warn('refused WebSocket upgrade from a foreign origin', { origin });
        return;
      }
      const format = DeltaFormatSchema.safeParse(req.getQuery('deltas') || 'json');
      if (!format.success) {
        const body: ErrorResponse = { error: 'bad_request', parameter: 'deltas', reason: `must be one of: ${DeltaFormatSchema.options.join(', ')}` };
        sendJson(res, 400, body);
        return;
      }
      res.upgrade<Client>({ topic: TOPICS[format.data], invalid: 0, laggingSince: null }, req.getHeader('sec-websocket-key'),
        req.getHeader('sec-websocket-protocol'), req.getHeader('sec-websocket-extensions'), context);
    },
    open(ws) {
      sockets.add(ws);
      sendSnapshot(ws);
    },
    message: onMessage,
    drain(ws) {
      const client = ws.getUserData();
      if (client.laggingSince !== null && ws.getBufferedAmount() < LAG_HEADROOM_BYTES / 4) {
        client.laggingSince = null;
        sendSnapshot(ws);
      }
    },
    close(ws) {
      sockets.delete(ws);
    },
  });

  return {
    clients: () => sockets.size,
    publishDelta(rows) {
      if (rows.length === 0) return;
      const now = options.now();
      checkLaggards(now);
      const seq = options.store.seq;
      // Each format is made only when someone listens for it, and at most once per delta.
      let text: string | null = null;
      const json = () => (text ??= JSON.stringify({ type: 'delta', seq, sent_at: now, quotes: rows }));
      if (app.numSubscribers(TOPICS.json) > 0) app.publish(TOPICS.json, json(), false);
      if (app.numSubscribers(TOPICS.binary) > 0) {
        const frame = columnFrameFor(rows, options.store, seq, now);
        if (frame) app.publish(TOPICS.binary, frame, true);
        else app.publish(TOPICS.binary, json(), false);
      }
    },
    publishSnapshot() {
      checkLaggards(options.now());
      publishToAll(snapshotText());
    },
    publishStatus(feed) {
      snapshotCache = null; // snapshots embed the feed status
      publishToAll(JSON.stringify({ type: 'status', sent_at: options.now(), ...feed }));
    },
    closeAll() {
      clearInterval(pingTimer);
      for (const ws of [...sockets]) ws.end(CLOSE_CODES.shuttingDown, 'relay shutting down');
    },
  };
}

type InboundReply = ServerMessage | 'resync' | { type: 'none' };

/** Validates one inbound frame; bad input becomes an error reply, never a throw. */
export function handleInbound(data: ArrayBuffer, isBinary: boolean): InboundReply {
  if (isBinary) return { type: 'error', code: 'bad_message', message: 'binary frames are not accepted; send JSON text' };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(data).toString('utf8'));
  } catch {
    return { type: 'error', code: 'bad_message', message: 'frame is not valid JSON' };
  }
  const parsed = ClientMessageSchema.safeParse(json);
  if (!parsed.success) {
    const type = typeof json === 'object' && json !== null ? (json as { type?: unknown }).type : undefined;
    if (typeof type === 'string' && !['ping', 'pong', 'resync'].includes(type)) {
      return { type: 'error', code: 'unknown_type', message: `unknown message type: ${type.slice(0, 32)}` };
    }
    const issue = parsed.error.issues[0];
    return { type: 'error', code: 'bad_message', message: `invalid message: ${issue?.path.join('.') || 'type'}: ${issue?.message}` };
  }
  switch (parsed.data.type) {
    case 'ping': return { type: 'pong', t: parsed.data.t };
    case 'resync': return 'resync';
    case 'pong': return { type: 'none' };
  }
}
