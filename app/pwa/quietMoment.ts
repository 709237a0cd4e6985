/**
 * Waits for a quiet moment to apply an update on a wallboard: no pointer, key or touch input for
 * `idleMs`, the page visible, then the browser idle. Returns the cancel function.
 */
const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'touchstart', 'wheel'] as const;

export function whenQuiet(run: () => void, idleMs = 30_000): () => void {
  let timer = 0;
  let idleHandle = 0;
  const controller = new AbortController();
  const arm = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      if (document.visibilityState !== 'visible') return arm();
      const go = () => { controller.abort(); run(); };
      // Safari has no requestIdleCallback.
      const idle = (window as Partial<Window>).requestIdleCallback;
      idleHandle = idle ? idle.call(window, go, { timeout: 5000 }) : window.setTimeout(go, 0);
    }, idleMs);
  };
  for (const type of INPUT_EVENTS) window.addEventListener(type, arm, { passive: true, signal: controller.signal });
  arm();
  return () => {
    controller.abort();
    window.clearTimeout(timer);
    (window as Partial<Window>).cancelIdleCallback?.call(window, idleHandle);
  };
}
