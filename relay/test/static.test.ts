import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawGet as rawGetFrom, startTestRelay, type TestRelay } from './harness.ts';

let t: TestRelay;
const script = `console.log(${JSON.stringify('x'.repeat(5000))});`;
beforeAll(async () => {
  const site = await mkdtemp(join(tmpdir(), 'site-'));
  await mkdir(join(site, 'assets'));
  await writeFile(join(site, 'index.html'), '<!doctype html><title>app</title><div id="root"></div>');
  await writeFile(join(site, 'assets', 'index-abc123.js'), script);
  await writeFile(join(site, 'assets', 'worker-Xy_9z.js'), 'self.onmessage = () => {};');
  t = await startTestRelay({ STATIC_DIR: site });
});
afterAll(() => t.stop());

const rawGet = (path: string, headers: Record<string, string>) => rawGetFrom(t.base, path, headers);

describe('static app', () => {
  it('serves brotli or gzip by Accept-Encoding, identical after decoding', async () => {
    const br = await rawGet('/assets/index-abc123.js', { 'Accept-Encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(script);
    const gz = await rawGet('/assets/index-abc123.js', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);
    const plain = await rawGet('/assets/index-abc123.js', {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });
  it('caches hashed assets forever and revalidates the shell with an ETag', async () => {
    const asset = await rawGet('/assets/index-abc123.js', {});
    expect(asset.headers['cache-control']).toContain('immutable');
    const shell = await rawGet('/', {});
    expect(shell.headers['cache-control']).toBe('no-cache');
    const again = await rawGet('/', { 'If-None-Match': String(shell.headers.etag) });
    expect(again.status).toBe(304);
  });
  it('answers app routes with the shell and missing files with 404', async () => {
    const route = await rawGet('/sector/energy', {});
    expect(route.status).toBe(200);
    expect(route.body.toString()).toContain('<div id="root">');
    expect((await rawGet('/assets/missing.js', {})).status).toBe(404);
  });
  it('allows eval only in the data worker script (zod-compiled validators), nowhere else', async () => {
    const worker = await rawGet('/assets/worker-Xy_9z.js', {});
    expect(worker.headers['content-security-policy']).toContain("script-src 'self' 'unsafe-eval'");
    for (const path of ['/', '/assets/index-abc123.js']) {
      expect((await rawGet(path, {})).headers['content-security-policy']).not.toContain('unsafe-eval');
    }
  });
  it('sends security headers with the app', async () => {
    const shell = await rawGet('/', {});
    expect(shell.headers['x-frame-options']).toBe('DENY');
    expect(shell.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(shell.headers['referrer-policy']).toBe('no-referrer');
  });
});
