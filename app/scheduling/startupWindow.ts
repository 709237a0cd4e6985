/**
 * How long after the engine's first frame a start-up counts as over: the page, both workers and
 * the compositor are busiest until then (first paint, labels, the screen-reader table), so work
 * that can wait (the service worker's install, map transitions, the paint worker's text set-up)
 * waits this long. A module of its own so the paint worker can read it without the app's code.
 */
export const AFTER_FIRST_FRAME_MS = 3000;
