import { describe, expect, it } from 'vitest';
import { httpDetail, NON_FINITE_TOKEN, parseJsonBody, upstreamMessage } from './body.ts';
import { TransientError } from '../types.ts';

describe('parseJsonBody(body, label)', () => {
  it('parses JSON, reading 1e999 as Infinity', () => {
    expect(parseJsonBody('{"a":[1,1e999]}', 'x')).toEqual({ a: [1, Infinity] });
  });

  it('reads bare NaN and Infinity values as NON_FINITE_TOKEN instead of failing the whole body', () => {
    expect(parseJsonBody('{"a": NaN, "b": [1, -Infinity], "c": "NaN: kept"}', 'x')).toEqual({
      a: NON_FINITE_TOKEN, b: [1, NON_FINITE_TOKEN], c: 'NaN: kept',
    });
  });

  it('throws TransientError naming the provider on malformed JSON', () => {
    expect(() => parseJsonBody('{"tickers": [', 'massive')).toThrow(new TransientError('massive: malformed JSON in response'));
    expect(() => parseJsonBody('<html>502</html>', 'alpaca')).toThrow(TransientError);
  });
});

describe('upstreamMessage(body, secrets)', () => {
  it('takes the error or message field of a JSON body', () => {
    expect(upstreamMessage('{"status":"ERROR","error":"Unknown API Key"}', [])).toBe('Unknown API Key');
    expect(upstreamMessage('{"code":42910000,"message":"too many requests"}', [])).toBe('too many requests');
  });

  it('uses plain text as it is, collapsed and cut to 160 characters', () => {
    expect(upstreamMessage('  Too   Many\nRequests ', [])).toBe('Too Many Requests');
    expect(upstreamMessage('x'.repeat(500), [])).toHaveLength(160);
  });

  it('keeps only the words of an HTML error page', () => {
    expect(upstreamMessage('<html><body><h1>502 Bad Gateway</h1></body></html>', [])).toBe('502 Bad Gateway');
  });

  it('redacts secrets a body echoes back', () => {
    const message = upstreamMessage('{"error":"Unknown API Key: sk_live_ABCDEF"}', ['sk_live_ABCDEF']);
    expect(message).toBe('Unknown API Key: [redacted]');
  });
});

describe('httpDetail(status, message)', () => {
  it('adds the message only when there is one', () => {
    expect(httpDetail(401, 'Unknown API Key')).toBe('HTTP 401: Unknown API Key');
    expect(httpDetail(429, '')).toBe('HTTP 429');
  });
});
