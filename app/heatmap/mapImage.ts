/**
 * The map's canvas as an image file, for the map saved for the next start (savedScene.ts). WebP
 * (where the browser cannot encode it, such as Safari, it gives PNG): a 1440 × 900 map is
 * ≈ 100–200 KB. Encoded by the browser off the calling thread. A canvas of more pixels than a
 * full-HD screen (a 4K wallboard) is scaled down first: the picture is only shown, striped as
 * stale, for the moment the live map needs to load, and localStorage holds ≈ 5 M characters.
 */
import { scratchCanvas } from './canvas2d.ts';
import type { HeatmapRenderer, MapCanvas } from './renderer.ts';

const TYPE = 'image/webp';
const QUALITY = 0.8;
const MAX_PIXELS = 1920 * 1080;

export async function encodeMapImage(canvas: MapCanvas): Promise<Blob | null> {
  if (canvas.width < 1 || canvas.height < 1) return null;
  const scale = Math.min(1, Math.sqrt(MAX_PIXELS / (canvas.width * canvas.height)));
  let source = canvas;
  if (scale < 1) {
    const small = scratchCanvas(Math.round(canvas.width * scale), Math.round(canvas.height * scale));
    if (!small.ctx) return null;
    small.ctx.drawImage(canvas, 0, 0, small.canvas.width, small.canvas.height);
    source = small.canvas;
  }
  if ('convertToBlob' in source) return source.convertToBlob({ type: TYPE, quality: QUALITY });
  return new Promise((resolve) => source.toBlob(resolve, TYPE, QUALITY));
}

/** How long to wait for a moving map to come to rest before taking it as it is. */
const REST_WAIT_MS = 2_000;
const REST_POLL_MS = 100;

/** The map `renderer` paints on `canvas` as an image, once all of it is painted (labels included). */
export async function pictureOfMap(renderer: HeatmapRenderer, canvas: MapCanvas): Promise<Blob | null> {
  for (let waited = 0; !renderer.allPainted() && waited < REST_WAIT_MS; waited += REST_POLL_MS) {
    await new Promise((resolve) => setTimeout(resolve, REST_POLL_MS));
  }
  return renderer.model()?.symbols.length ? encodeMapImage(canvas) : null;
}
