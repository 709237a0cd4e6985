/**
 * Work the next frame does not need (off-screen table rows, warming caches) runs in idle tasks of
 * its own, so it never lengthens a frame's task: a long task is what makes a tap wait.
 */

/**
 * Where a thread has no idle callbacks (a worker; Safari; jsdom), "idle" is a pause of this long:
 * work split into slices of a few ms then takes about a quarter of a core instead of all of it.
 * On a phone's few cores, the rest is what the page's own thread needs while it starts.
 */
export const NO_IDLE_CALLBACK_PAUSE_MS = 10;

/** Runs `task` once the page is idle, within `timeoutMs` at the latest; returns the cancel. */
export function whenIdle(task: () => void, timeoutMs = 1000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => task(), { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, Math.min(timeoutMs, NO_IDLE_CALLBACK_PAUSE_MS));
  return () => clearTimeout(id);
}

/**
 * Runs `step` in idle tasks, each for about `budgetMs` (at least one step), until it returns
 * false. `step` does a small piece of work per call. Returns the cancel.
 */
export function runWhenIdle(step: () => boolean, budgetMs: number, now: () => number = () => performance.now()): () => void {
  let cancel: (() => void) | null = null;
  let done = false;
  const slice = () => {
    const started = now();
    do done = !step();
    while (!done && now() - started < budgetMs);
    cancel = done ? null : whenIdle(slice);
  };
  cancel = whenIdle(slice);
  return () => {
    done = true;
    cancel?.();
  };
}
