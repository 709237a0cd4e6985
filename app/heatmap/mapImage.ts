/**
 * The map's canvas as an image file, for the map saved for the next start (savedScene.ts).
 *
 * Encoding a picture blocks the thread that does it (measured in a worker here: 30–50 ms for JPEG
 * and 250–430 ms for WebP at 1440 × 900 to 1920 × 1080), and the paint worker must never miss a
 * frame for it: it only copies its canvas into a bitmap (`snapshotOfMap`, a few ms), and a
 * short-lived thread of its own encodes that (pictureWorker.ts). JPEG: seven times less work than
 * WebP for this picture, which is only shown, striped as stale, while the live map loads.
 * A canvas of more pixels than a full-HD screen (a 4K wallboard) is scaled down in the copy
 * (localStorage holds ≈ 5 M characters).
 */
import type { HeatmapRenderer, MapCanvas } from './renderer.ts';

const PICTURE_TYPE = 'image/jpeg';
const PICTURE_QUALITY = 0.85;
const MAX_PIXELS = 1920 * 1080;

/** How long to wait for a moving map to come to rest before taking it as it is. */
const REST_WAIT_MS = 2_000;
const REST_POLL_MS = 100;

/**
 * Waits until all of the map is painted (labels included), or REST_WAIT_MS; then whether there is a
 * map to take: tiles, on a canvas with pixels.
 */
async function readyToTake(renderer: HeatmapRenderer, canvas: MapCanvas): Promise<boolean> {
  for (let waited = 0; !renderer.allPainted() && waited < REST_WAIT_MS; waited += REST_POLL_MS) {
    await new Promise((resolve) => setTimeout(resolve, REST_POLL_MS));
  }
  return Boolean(renderer.model()?.symbols.length) && canvas.width >= 1 && canvas.height >= 1;
}

/** The size to copy a `width` × `height` canvas at: itself, or scaled down to MAX_PIXELS. */
export function pictureSize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, Math.sqrt(MAX_PIXELS / (width * height)));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** A copy of what `renderer` has painted on `canvas`, once all of it is painted; null without tiles. */
export async function snapshotOfMap(renderer: HeatmapRenderer, canvas: MapCanvas): Promise<ImageBitmap | null> {
  if (!(await readyToTake(renderer, canvas))) return null;
  const { width, height } = pictureSize(canvas.width, canvas.height);
  return createImageBitmap(canvas, { resizeWidth: width, resizeHeight: height, resizeQuality: 'medium' });
}

/** `bitmap` as a JPEG file, on the calling thread (pictureWorker.ts). The bitmap is used up. */
export async function encodeBitmap(bitmap: ImageBitmap): Promise<Blob | null> {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('bitmaprenderer');
  if (!ctx) return null;
  ctx.transferFromImageBitmap(bitmap);
  return canvas.convertToBlob({ type: PICTURE_TYPE, quality: PICTURE_QUALITY });
}

/** The page's own canvas as a JPEG file, where the map is painted on the page (no OffscreenCanvas, so no encoding thread). */
export async function pictureOfPageMap(renderer: HeatmapRenderer, canvas: HTMLCanvasElement): Promise<Blob | null> {
  if (!(await readyToTake(renderer, canvas))) return null;
  return new Promise((resolve) => canvas.toBlob(resolve, PICTURE_TYPE, PICTURE_QUALITY));
}
