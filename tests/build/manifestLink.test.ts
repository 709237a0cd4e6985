// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withoutManifestLink } from '../../scripts/manifestLink.ts';
import { linkManifest, MANIFEST_HREF } from '../../app/pwa/manifestLink.ts';

describe("the web app manifest's link, added by the app after start-up", () => {
  it('withoutManifestLink(html) takes out the link vite-plugin-pwa writes, and nothing else', () => {
    const head = '<head><link rel="icon" href="/favicon.ico" /><link rel="manifest" href="/manifest.webmanifest"><meta name="theme-color" content="#000"></head>';
    expect(withoutManifestLink(head)).toBe('<head><link rel="icon" href="/favicon.ico" /><meta name="theme-color" content="#000"></head>');
  });

  it('is not in the built index.html (npm test builds first), and the manifest it names is', () => {
    const dir = join('dist', 'app');
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).not.toMatch(/rel="?manifest/);
    expect(JSON.parse(readFileSync(join(dir, MANIFEST_HREF), 'utf8'))).toMatchObject({ name: 'Live Market Heatmap' });
  });

  it("leaves one theme-color meta in the built head, index.html's own (documentTheme.ts updates it)", () => {
    const html = readFileSync(join('dist', 'app', 'index.html'), 'utf8');
    expect(html.match(/<meta name="theme-color"/g)).toHaveLength(1);
  });

  it('linkManifest() adds it to the head once', () => {
    linkManifest();
    linkManifest();
    const links = document.head.querySelectorAll<HTMLLinkElement>('link[rel="manifest"]');
    expect(links).toHaveLength(1);
    expect(new URL(links[0]!.href).pathname).toBe(MANIFEST_HREF);
  });
});
