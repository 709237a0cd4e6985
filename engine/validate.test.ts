import { describe, expect, it } from 'vitest';
import { encodeColumnDelta } from '../relay/columnDelta.ts';
import { ServerMessageSchema } from '../relay/protocol.ts';
import { createInvalidCounter, isValidationCompiled, parseServerMessage, parseStocksResponse } from './validate.ts';
import { feedOk, threeQuotes } from './test/fixtures.ts';

describe('parseServerMessage(data)', () => {
  it('accepts a valid delta and keeps only the fields it carried', () => {
    const parsed = parseServerMessage(JSON.stringify({ type: 'delta', seq: 2, sent_at: 1, quotes: [{ symbol: 'AAPL', price: 1.5 }] }));
    expect(parsed).toEqual({ ok: true, value: { type: 'delta', seq: 2, sent_at: 1, quotes: [{ symbol: 'AAPL', price: 1.5 }] } });
  });

  it('accepts a snapshot with full quotes', () => {
    const parsed = parseServerMessage(JSON.stringify({ type: 'snapshot', seq: 0, sent_at: 1, feed: feedOk, quotes: threeQuotes }));
    expect(parsed.ok && parsed.value.type).toBe('snapshot');
  });

  it('accepts a binary column delta as an ArrayBuffer', () => {
    const frame = encodeColumnDelta({ seq: 3, sent_at: 1, order: 9, positions: [1], value: (_k, f) => (f === 'change' || f === 'pct_change' ? -0.5 : 7) });
    const parsed = parseServerMessage(frame);
    expect(parsed.ok && parsed.value.type === 'column_delta' && [parsed.value.seq, parsed.value.order, parsed.value.price[0]]).toEqual([3, 9, 7]);
  });

  it.each([
    ['a binary frame that is not a column delta', new Uint8Array(40), 'bad_binary'],
    ['a number', 42, 'not_text'],
    ['bad JSON', '{"type":', 'not_json'],
    ['JSON null', 'null', 'unknown_type'],
    ['an unknown type', '{"type":"hello"}', 'unknown_type'],
    ['a negative price', JSON.stringify({ type: 'delta', seq: 2, sent_at: 1, quotes: [{ symbol: 'AAPL', price: -1 }] }), 'schema'],
    ['a lowercase symbol', JSON.stringify({ type: 'delta', seq: 2, sent_at: 1, quotes: [{ symbol: 'aapl' }] }), 'schema'],
    ['a ping without t', '{"type":"ping"}', 'schema'],
  ])('rejects %s as %s', (_name, data, reason) => {
    const parsed = parseServerMessage(data);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toBe(reason);
  });

  it('names the offending field in the detail', () => {
    const parsed = parseServerMessage(JSON.stringify({ type: 'delta', seq: 2, sent_at: 1, quotes: [{ symbol: 'AAPL', volume: 1.5 }] }));
    expect(!parsed.ok && parsed.detail).toMatch(/^delta: quotes\.0\.volume: /);
  });
});

describe('parseServerMessage(data) with the compiled schema', () => {
  it('is compiled where eval is allowed, as in Node', () => {
    expect(isValidationCompiled).toBe(true);
  });

  it.each([
    { type: 'delta', seq: 2, sent_at: 1, quotes: [{ symbol: 'AAPL', price: 1 }, { symbol: 'XOM', change: Infinity }] },
    { type: 'delta', seq: 0, sent_at: 1, quotes: [] },
    { type: 'delta', seq: 2, sent_at: 1, quotes: [{ symbol: 'AAPL', stale_since: -1 }] },
    { type: 'snapshot', seq: 1, sent_at: 1, feed: feedOk, quotes: [{ ...threeQuotes[0], sector: 'Crypto' }] },
    { type: 'status', ...feedOk, sent_at: 1.5 },
  ])('finds the same first issue as the relay\'s own schema (%#)', (message) => {
    const text = JSON.stringify(message);
    const parsed = parseServerMessage(text);
    const issue = ServerMessageSchema.safeParse(JSON.parse(text)).error!.issues[0]!;
    expect(!parsed.ok && parsed.detail).toBe(`${message.type}: ${issue.path.join('.')}: ${issue.message}`);
  });
});

describe('parseStocksResponse(text)', () => {
  it('accepts a stocks body and rejects one with a bad feed', () => {
    const body = { seq: 4, count: 3, total: 3, feed: feedOk, quotes: threeQuotes };
    expect(parseStocksResponse(JSON.stringify(body)).ok).toBe(true);
    const bad = parseStocksResponse(JSON.stringify({ ...body, feed: { ...feedOk, status: 'great' } }));
    expect(!bad.ok && bad.reason).toBe('schema');
  });
});

describe('createInvalidCounter()', () => {
  it('counts by reason and says when a reason is new', () => {
    const counter = createInvalidCounter();
    expect(counter.count('schema')).toBe(true);
    expect(counter.count('schema')).toBe(false);
    expect(counter.count('not_json')).toBe(true);
    expect(counter.total).toBe(3);
    expect(counter.byReason()).toMatchObject({ schema: 2, not_json: 1, not_text: 0 });
  });
});
