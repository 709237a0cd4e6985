/**
 * Service-worker registration with workbox-window. A new build's worker waits (registerType
 * 'prompt') until the page accepts it; then it takes control and the page reloads once, so a tab
 * never runs old JavaScript against a new worker's assets. Long-running tabs (wallboards) check for
 * a new build every hour.
 */
import { Workbox } from 'workbox-window';

export interface ServiceWorkerEvents {
  /** A new version is installed and waiting; call `apply` to activate it and reload. */
  onUpdateReady(apply: () => void): void;
}

const UPDATE_CHECK_MS = 60 * 60 * 1000;

/** Registers /sw.js in production builds; returns the cleanup. A no-op where unsupported. */
export function registerServiceWorker(events: ServiceWorkerEvents): () => void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return () => undefined;
  const wb = new Workbox('/sw.js', { scope: '/' });
  let reloading = false;
  const apply = () => {
    wb.addEventListener('controlling', () => {
      if (reloading) return;
      reloading = true;
      window.location.reload();
    });
    wb.messageSkipWaiting();
  };
  wb.addEventListener('waiting', () => events.onUpdateReady(apply));
  void wb.register().catch(() => undefined);
  const timer = window.setInterval(() => void wb.update().catch(() => undefined), UPDATE_CHECK_MS);
  return () => window.clearInterval(timer);
}
