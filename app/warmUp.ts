/**
 * Entry, beside boot.ts: while the app bundle downloads the page is idle, and it spends that time
 * on one-time browser costs that otherwise land in the first paint and render of the map (four
 * times as long on a phone as on a desktop CPU):
 * - text for the map's labels: font matching and fallback, shaping (~40 ms on a desktop CPU); it
 *   fills the document's shared measure (the renderer's) and the browser's font caches;
 * - the status bar's time formats: locale data for Intl.DateTimeFormat (~15 ms).
 */
import { sharedCanvasMeasure, warmCanvasText } from './heatmap/canvasMeasure.ts';
import { warmTimeFormats } from './format/time.ts';
import { whenIdle } from './scheduling/whenIdle.ts';

whenIdle(() => warmTimeFormats());
const measure = sharedCanvasMeasure();
if (measure) warmCanvasText(measure);
