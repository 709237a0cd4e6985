/**
 * Serves the built app from memory: every file under the static directory is read once at start,
 * with gzip and brotli variants precomputed for text assets big enough to benefit. Hashed assets
 * are cached forever; the HTML shell, the service worker and the manifest are revalidated so a new
 * deploy is picked up.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { acceptedEncoding, MIN_COMPRESS_BYTES } from './encodeJson.ts';

export interface StaticFile {
  type: string;
  cacheControl: string;
  identity: Buffer;
  gzip: Buffer | null;
  br: Buffer | null;
  /** CSP sources (`'sha256-…'`) for the inline scripts of an HTML file, which only they allow. */
  scriptHashes: string[];
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
      scriptHashes: ext === '.html' ? inlineScriptHashes(identity.toString('utf8')) : [],
    });
  }
  return site;
}

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/**
 * The build's own inline scripts (index.html starts reading the saved map before any script is
 * fetched: engine/sceneRead.ts), each allowed by its hash. The policy still allows no other inline
 * script: one injected into the page would not match.
 */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)]
    .map((m) => m[1]!)
    .filter((body) => body.trim() !== '')
    .map((body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
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
export function securityHeadersFor(path: string, scriptHashes: readonly string[] = []): Readonly<Record<string, string>> {
  const extra = [...(WORKER_SCRIPT.test(path) ? ["'unsafe-eval'"] : []), ...scriptHashes];
  if (extra.length === 0) return SECURITY_HEADERS;
  return {
    ...SECURITY_HEADERS,
    'Content-Security-Policy': SECURITY_HEADERS['Content-Security-Policy']!.replace("script-src 'self'", `script-src 'self' ${extra.join(' ')}`),
  };
}

/** Headers for the app's pages: no framing, no sniffing, scripts and connections only to self. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self'",
    // React sets style attributes; no inline scripts are allowed but the build's own, by hash.
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
