/**
 * Work the next frame does not need (off-screen table rows, warming caches) runs in idle tasks of
 * its own, so it never lengthens a frame's task: a long task is what makes a tap wait.
 */

/** Runs `task` once the page is idle, within `timeoutMs` at the latest; returns the cancel. */
export function whenIdle(task: () => void, timeoutMs = 1000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => task(), { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  // jsdom and older Safari have no requestIdleCallback: a task of its own is the next best thing.
  const id = setTimeout(task, 0);
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
