/**
 * The web app manifest's `<link>`, added once start-up is over instead of sitting in index.html
 * (scripts/manifestLink.ts takes the build's out): Chromium checks installability as soon as it
 * sees the link, fetching and decoding the manifest's icon on the page's thread, in the busiest
 * moment of a start. Nothing needs it sooner: installing also needs the service worker, which is
 * registered at the same moment, and "Add to Home Screen" reads it when the user asks.
 */
export const MANIFEST_HREF = '/manifest.webmanifest';

/** Adds the link to `doc`'s head unless it has one. */
export function linkManifest(doc: Document = document): void {
  if (doc.querySelector('link[rel="manifest"]')) return;
  const link = doc.createElement('link');
  link.rel = 'manifest';
  link.href = MANIFEST_HREF;
  doc.head.append(link);
}
