/**
 * Keeps the web app manifest's `<link>` out of the built index.html (vite-plugin-pwa writes one in);
 * the app adds it once start-up is over (app/pwa/manifestLink.ts). Chromium checks installability as
 * soon as it sees the link, and fetches and decodes the manifest's icon on the page's thread to do
 * it: in Lighthouse traces that was ~10 ms of image decoding in two long tasks of the start.
 */
import type { Plugin } from 'vite';

const MANIFEST_LINK = /<link rel="manifest"[^>]*>/g;

export function withoutManifestLink(html: string): string {
  return html.replace(MANIFEST_LINK, '');
}

/** Must come after VitePWA() in the plugin list: both transform the HTML last, in list order. */
export function manifestLinkAtRuntime(): Plugin {
  return {
    name: 'manifest-link-at-runtime',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: { order: 'post', handler: withoutManifestLink },
  };
}
