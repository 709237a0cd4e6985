/** Serves the built app (see static.ts) with security headers, ETags and a single-page fallback. */
import { createHash } from 'node:crypto';
import type { TemplatedApp } from 'uWebSockets.js';
import { chooseEncoding, loadStaticSite, SECURITY_HEADERS, securityHeadersFor, type StaticFile } from './static.ts';
import { send } from './respond.ts';

const BUILD_HINT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Live Market Heatmap</title>
<body style="font-family:system-ui;background:#111;color:#eee;padding:2rem">
<h1>Live Market Heatmap relay</h1><p>The app is not built yet: run <code>npm start</code>.
The feed is live at <a style="color:#8cf" href="/api/stocks">/api/stocks</a> and <code>/ws/stocks</code>.</p></body></html>`;

export function registerStatic(app: TemplatedApp, dir: string): void {
  const site = loadStaticSite(dir);
  const etags = new Map<StaticFile, string>();
  for (const file of site.values()) etags.set(file, `"${createHash('sha1').update(file.identity).digest('base64url')}"`);
  const shell = site.get('/index.html');

  app.get('/*', (res, req) => {
    const url = req.getUrl();
    const path = url === '/' ? '/index.html' : url;
    // Paths without an extension are app routes: answer with the shell so deep links work.
    const file = site.get(path) ?? (/\.[a-z0-9]+$/i.test(path) ? undefined : shell);
    if (!file) {
      if (site.size === 0 && (path === '/index.html' || !/\./.test(path))) {
        send(res, 200, BUILD_HINT, { 'Content-Type': 'text/html; charset=utf-8', ...SECURITY_HEADERS });
        return;
      }
      send(res, 404, 'not found', { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      return;
    }
    const etag = etags.get(file)!;
    const headers = { 'Cache-Control': file.cacheControl, ETag: etag, Vary: 'Accept-Encoding', ...securityHeadersFor(path) };
    if (req.getHeader('if-none-match') === etag) {
      send(res, 304, '', headers);
      return;
    }
    const { body, encoding } = chooseEncoding(file, req.getHeader('accept-encoding'));
    send(res, 200, body, { ...headers, 'Content-Type': file.type, ...(encoding ? { 'Content-Encoding': encoding } : {}) });
  });
}
