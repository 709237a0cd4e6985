/**
 * d3-timer (which drives the map's transitions) uses requestAnimationFrame only when it finds a
 * `window` at load, and otherwise a 17 ms setTimeout that drifts against the display. A dedicated
 * worker has requestAnimationFrame (it is how an OffscreenCanvas paints in step with the screen)
 * but no `window`, so the paint worker names its global `window` before d3 loads: import this
 * module first.
 */
const scope = globalThis as { window?: unknown };
scope.window ??= globalThis;

export {};
