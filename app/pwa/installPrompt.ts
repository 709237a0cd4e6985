/**
 * The browser's install offer (`beforeinstallprompt`, Chromium) captured so the app can show its
 * own Install button, and the iOS case, where Safari has no such event and users need a hint.
 */
export interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** True on iPhone/iPad Safari when the app is not already running installed. */
export function needsIosInstallHint(nav: Navigator = navigator, standalone = isStandalone()): boolean {
  const ua = nav.userAgent;
  const ios = /iPhone|iPad|iPod/.test(ua) || (ua.includes('Macintosh') && nav.maxTouchPoints > 1);
  return ios && !standalone;
}

export function isStandalone(): boolean {
  return window.matchMedia?.('(display-mode: standalone)').matches === true
    || (navigator as Navigator & { standalone?: boolean }).standalone === true;
}

/** Calls back with the deferred prompt whenever the browser offers install; returns the cleanup. */
export function onInstallOffer(offer: (event: BeforeInstallPromptEvent | null) => void): () => void {
  const controller = new AbortController();
  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault(); // we show our own button instead of the mini-infobar
    offer(event as BeforeInstallPromptEvent);
  }, { signal: controller.signal });
  window.addEventListener('appinstalled', () => offer(null), { signal: controller.signal });
  return () => controller.abort();
}
