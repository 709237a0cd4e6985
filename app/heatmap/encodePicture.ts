/** The page's side of pictureWorker.ts: encodes a snapshot of the map there, then stops the thread. */
import { transfer, wrap } from 'comlink';
import type { PictureWorkerApi } from './pictureWorker.ts';

export async function encodePicture(bitmap: ImageBitmap): Promise<Blob | null> {
  const worker = new Worker(new URL('./pictureWorker.ts', import.meta.url), { type: 'module', name: 'picture' });
  try {
    return await wrap<PictureWorkerApi>(worker).encode(transfer(bitmap, [bitmap]));
  } finally {
    worker.terminate();
  }
}
