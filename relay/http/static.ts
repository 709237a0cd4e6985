/**
 * Serves the built app from memory: every file under the static directory is read once at start,
 * with gzip and brotli variants precomputed for text assets big enough to benefit. Hashed assets
 * are cached forever; the HTML shell, the service worker and the manifest are revalidated so a new
 * deploy is picked up.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { acceptedEncoding, MIN_COMPRESS_BYTES } from './encodeJson.ts';

export interface StaticFile {
  type: string;
  cacheControl: string;
  identity: Buffer;
  gzip: Buffer | null;
  br: Buffer | null;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.txt', '.map']);

function cacheControlFor(path: string): string {
  // Vite puts content-hashed files under /assets/: their URL changes when they do.
  if (path.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** Loads the site; an absent directory gives an empty map (the server then shows a build hint). */
export function loadStaticSite(dir: string): Map<string, StaticFile> {
  const site = new Map<string, StaticFile>();
  let files: string[];
  try {
    files = walk(dir);
  } catch {
    return site;
  }
  for (const file of files) {
    const path = '/' + relative(dir, file).split(sep).join('/');
    const ext = extname(file);
    const identity = readFileSync(file);
    const compress = COMPRESSIBLE.has(ext) && identity.length >= MIN_COMPRESS_BYTES;
    site.set(path, {
      type: TYPES[ext] ?? 'application/octet-stream',
      cacheControl: cacheControlFor(path),
      identity,
      gzip: compress ? gzipSync(identity, { level: 9 }) : null,
      br: compress ? brotliCompressSync(identity, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }) : null,
    });
  }
  return site;
}

/** Picks the smallest encoding the client accepts. */
export function chooseEncoding(file: StaticFile, acceptEncoding: string): { body: Buffer; encoding: 'br' | 'gzip' | null } {
  const encoding = acceptedEncoding(acceptEncoding);
  const body = encoding && file[encoding];
  return body ? { body, encoding } : { body: file.identity, encoding: null };
}

/**
 * The data worker's script may evaluate code that zod generates from the relay's own schemas
 * (`z.compile`, several times faster at validating thousands of rows). That is the only place
 * 'unsafe-eval' is allowed: a dedicated worker takes its policy from its own script's response,
 * and no page, and no input from the network, reaches that code generation.
 */
export const WORKER_SCRIPT = /^\/assets\/worker-[\w-]+\.js$/;
export function securityHeadersFor(path: string): Readonly<Record<string, string>> {
  if (!WORKER_SCRIPT.test(path)) return SECURITY_HEADERS;
  return {
    ...SECURITY_HEADERS,
    'Content-Security-Policy': SECURITY_HEADERS['Content-Security-Policy']!.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"),
  };
}

/** Headers for the app's pages: no framing, no sniffing, scripts and connections only to self. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self'",
    // React sets style attributes; no inline scripts are allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self' ws: wss:",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};
