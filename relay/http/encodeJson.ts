/**
 * Compression for JSON responses. A whole-universe /api/stocks is ~150 KB of JSON and a few tens of
 * KB compressed; a phone on a slow link, or a wallboard on a shared one, should not pay for the
 * difference. Compressed per response at fast settings (a couple of ms for the largest body):
 * market data is never cached, so there is nothing to precompute.
 */
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';

/** Below this size the compression headers cost more than they save. */
export const MIN_COMPRESS_BYTES = 1024;

/** The best encoding an Accept-Encoding header allows: brotli, then gzip. */
export function acceptedEncoding(acceptEncoding: string): 'br' | 'gzip' | null {
  if (/\bbr\b/.test(acceptEncoding)) return 'br';
  if (/\bgzip\b/.test(acceptEncoding)) return 'gzip';
  return null;
}

export interface EncodedBody {
  body: string | Buffer;
  encoding: 'br' | 'gzip' | null;
}

/** `json` in the best encoding `acceptEncoding` allows (brotli, then gzip), or as it is. */
export function encodeJson(json: string, acceptEncoding: string): EncodedBody {
  const encoding = json.length < MIN_COMPRESS_BYTES ? null : acceptedEncoding(acceptEncoding);
  if (encoding === 'br') {
    return { body: brotliCompressSync(json, { params: { [zlib.BROTLI_PARAM_QUALITY]: 4, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT } }), encoding };
  }
  if (encoding === 'gzip') return { body: gzipSync(json, { level: 6 }), encoding };
  return { body: json, encoding: null };
}
