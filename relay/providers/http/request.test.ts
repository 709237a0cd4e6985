import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { requestText } from './request.ts';
import { TransientError } from '../types.ts';

const KEY = 'secret_in_url_123';
let server: Server;
let base: string;
beforeEach(async () => {
  server = createServer((req, res) => {
    if (req.url?.startsWith('/hang')) return;
    if (req.url?.startsWith('/stall')) {
      res.writeHead(200);
      res.write('{"partial":');
      return;
    }
    res.writeHead(418, { 'X-Test': 'yes' });
    res.end(`you asked for ${req.url}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => new Promise<void>((resolve) => {
  server.closeAllConnections();
  server.close(() => resolve());
}));

const get = (path: string, signal = new AbortController().signal, timeoutMs = 200) =>
  requestText({ url: `${base}${path}?apiKey=${KEY}`, signal, timeoutMs, fetch: globalThis.fetch, label: 'test' });

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof Error)) throw new Error('expected a failure');
  return error;
}

describe('requestText(request)', () => {
  it('returns status, headers and body of any status without judging it', async () => {
    const result = await get('/x');
    expect(result.status).toBe(418);
    expect(result.headers.get('x-test')).toBe('yes');
    expect(result.body).toBe(`you asked for /x?apiKey=${KEY}`);
  });

  it('times out a server that never answers', async () => {
    const error = await failure(get('/hang'));
    expect(error).toEqual(new TransientError('test: no response within 200 ms'));
  });

  it('times out a server that stalls in the middle of the body', async () => {
    const error = await failure(get('/stall'));
    expect(error.message).toBe('test: no response within 200 ms');
  });

  it('stops at once when the caller aborts, before or during the request', async () => {
    const aborted = new AbortController();
    aborted.abort();
    expect((await failure(get('/x', aborted.signal))).message).toBe('test: request aborted');
    const later = new AbortController();
    setTimeout(() => later.abort(), 20);
    expect((await failure(get('/hang', later.signal, 10_000))).message).toBe('test: request aborted');
  });

  it('reports a refused connection by code, never with the URL or its key', async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const error = await failure(get('/x'));
    expect(error).toBeInstanceOf(TransientError);
    expect(error.message).toBe('test: request failed (ECONNREFUSED)');
    expect(String(error.stack)).not.toContain(KEY);
  });
});
