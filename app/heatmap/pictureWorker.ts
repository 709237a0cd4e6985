/**
 * Encodes one picture of the map (mapImage.ts) on a thread of its own, so neither the page nor the
 * paint worker stops for it; started for each save (every 30 s at most) and stopped after it.
 */
import { expose } from 'comlink';
import { encodeBitmap } from './mapImage.ts';

export interface PictureWorkerApi {
  encode(bitmap: ImageBitmap): Promise<Blob | null>;
}

const api: PictureWorkerApi = { encode: encodeBitmap };
expose(api);
