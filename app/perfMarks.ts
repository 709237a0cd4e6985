/**
 * Start-up milestones as User Timing marks (`app:<name>`), once each per page load, so the start
 * can be read from `performance.getEntriesByType('mark')` or a trace (app/bench/startupTimeline.mjs).
 */
const marked = new Set<string>();

/** Marks `app:<name>` the first time it is called with that name; later calls do nothing. */
export function markStartup(name: string): void {
  if (marked.has(name)) return;
  marked.add(name);
  performance.mark?.(`app:${name}`);
}
