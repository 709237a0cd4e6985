/**
 * Entry, beside boot.ts: while the app bundle downloads the page is idle, and it spends that time
 * on the browser's one-time text set-up for the map's labels (font matching and fallback, shaping:
 * ~40 ms on a desktop CPU, four times that on a phone), which otherwise lands in the first paint
 * of the map. It fills the document's shared measure (the renderer's) and the browser's font caches.
 */
import { sharedCanvasMeasure, warmCanvasText } from './heatmap/canvasMeasure.ts';
import { canPaintOffThread } from './heatmap/paintThread.ts';

// Where the map is painted in the paint worker, the worker warms its own text set-up.
const measure = canPaintOffThread() ? null : sharedCanvasMeasure();
if (measure) warmCanvasText(measure);
