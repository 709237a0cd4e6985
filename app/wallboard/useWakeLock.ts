/**
 * Keeps the screen on while `enabled` (Screen Wake Lock API, where supported). The browser drops
 * the lock whenever the page is hidden, so it is requested again on every return to visible.
 */
import { useEffect } from 'react';

export function useWakeLock(enabled: boolean): void {
  useEffect(() => {
    const wakeLock = (navigator as Navigator & { wakeLock?: WakeLock }).wakeLock;
    if (!enabled || !wakeLock) return;
    let sentinel: WakeLockSentinel | null = null;
    let active = true;
    const acquire = () => {
      if (document.visibilityState !== 'visible') return;
      wakeLock
        .request('screen')
        .then((s) => {
          if (active) sentinel = s;
          else void s.release();
        })
        .catch((error: unknown) => console.info('wake lock unavailable', error));
    };
    acquire();
    document.addEventListener('visibilitychange', acquire);
    return () => {
      active = false;
      document.removeEventListener('visibilitychange', acquire);
      void sentinel?.release();
    };
  }, [enabled]);
}
