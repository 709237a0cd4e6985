/**
 * Entry, beside boot.ts: while the app bundle downloads the page is idle, and it spends that time
 * on the browser's one-time text set-up for the map's labels (font matching and fallback, shaping:
 * ~40 ms on a desktop CPU, four times that on a phone), which otherwise lands in the first paint
 * of the map. The font caches it fills are the document's, shared by every canvas.
 */
import { createCanvasMeasure, warmCanvasText } from './heatmap/canvasMeasure.ts';

const ctx = document.createElement('canvas').getContext('2d');
if (ctx) warmCanvasText(createCanvasMeasure(ctx));
