/**
 * Compression for JSON responses. A whole-universe /api/stocks is ~150 KB of JSON and a few tens of
 * KB compressed; a phone on a slow link, or a wallboard on a shared one, should not pay for the
 * difference. Compressed per response at fast settings (a couple of ms for the largest body):
 * market data is never cached, so there is nothing to precompute.
 */
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';

/** Below this size the compression headers cost more than they save. */
const MIN_BYTES = 1024;

export interface EncodedBody {
  body: string | Buffer;
  encoding: 'br' | 'gzip' | null;
}

/** `json` in the best encoding `acceptEncoding` allows (brotli, then gzip), or as it is. */
export function encodeJson(json: string, acceptEncoding: string): EncodedBody {
  if (json.length < MIN_BYTES) return { body: json, encoding: null };
  if (/\bbr\b/.test(acceptEncoding)) {
    return { body: brotliCompressSync(json, { params: { [zlib.BROTLI_PARAM_QUALITY]: 4, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT } }), encoding: 'br' };
  }
  if (/\bgzip\b/.test(acceptEncoding)) return { body: gzipSync(json, { level: 6 }), encoding: 'gzip' };
  return { body: json, encoding: null };
}
