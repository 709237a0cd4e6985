/**
 * Start-up milestones as User Timing marks (`app:<name>`), once each per page load, so the start
 * can be read from `performance.getEntriesByType('mark')` or a trace (app/bench/startupTimeline.mjs).
 */
const marked = new Set<string>();

/**
 * Marks `app:<name>` the first time it is called with that name; later calls do nothing. `at` (ms
 * since the epoch) dates the mark to when something happened elsewhere, e.g. in a worker.
 */
export function markStartup(name: string, at?: number): void {
  if (marked.has(name)) return;
  marked.add(name);
  performance.mark?.(`app:${name}`, at === undefined ? undefined : { startTime: Math.max(0, at - performance.timeOrigin) });
}
