/**
 * The engine's inbound edge: every WebSocket frame and REST body is checked once, here, against
 * the relay's zod schemas. A bad message becomes a reason that is counted, never an exception and
 * never applied, so one malformed frame cannot corrupt the market state or stop the socket.
 */
import { ServerMessageSchema, StocksResponseSchema, type ServerMessage, type StocksResponse } from '../relay/protocol.ts';

export const INVALID_REASONS = ['not_text', 'not_json', 'unknown_type', 'schema'] as const;
export type InvalidReason = (typeof INVALID_REASONS)[number];

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: InvalidReason; detail: string };

const SERVER_TYPES: ReadonlySet<string> = new Set(ServerMessageSchema.options.map((o) => o.shape.type.value));

/** Parses one WebSocket frame; binary frames, bad JSON and schema violations come back as reasons. */
export function parseServerMessage(data: unknown): Parsed<ServerMessage> {
  if (typeof data !== 'string') return { ok: false, reason: 'not_text', detail: `frame of type ${typeof data}` };
  const json = parseJson(data);
  if (!json.ok) return json;
  const type = (json.value as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !SERVER_TYPES.has(type)) {
    return { ok: false, reason: 'unknown_type', detail: `unknown message type: ${String(type)}` };
  }
  const result = ServerMessageSchema.safeParse(json.value);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, reason: 'schema', detail: `${type}: ${firstIssue(result.error.issues)}` };
}

/** Parses a GET /api/stocks body (text), as the polling fallback and the start-up fetch receive it. */
export function parseStocksResponse(text: string): Parsed<StocksResponse> {
  const json = parseJson(text);
  if (!json.ok) return json;
  const result = StocksResponseSchema.safeParse(json.value);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, reason: 'schema', detail: `stocks: ${firstIssue(result.error.issues)}` };
}

function parseJson(text: string): Parsed<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, reason: 'not_json', detail: `not JSON: ${text.slice(0, 40)}` };
  }
}

function firstIssue(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const issue = issues[0];
  return issue ? `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}` : 'invalid';
}

export interface InvalidCounter {
  /** Counts one dropped message; returns true the first time a reason is seen (log it then). */
  count(reason: InvalidReason): boolean;
  readonly total: number;
  byReason(): Record<InvalidReason, number>;
}

/** Counts dropped messages by reason, so the UI can show a number and logs stay deduplicated. */
export function createInvalidCounter(): InvalidCounter {
  const counts = Object.fromEntries(INVALID_REASONS.map((r) => [r, 0])) as Record<InvalidReason, number>;
  let total = 0;
  return {
    count(reason) {
      total++;
      return ++counts[reason] === 1;
    },
    get total() {
      return total;
    },
    byReason: () => ({ ...counts }),
  };
}
