/**
 * Where the relay is. The app reads REACT_APP_API_BASE_URL, REACT_APP_WS_URL and
 * REACT_APP_POLL_INTERVAL_MS at build time and passes the result to `start`; unset means the
 * page's own origin, which is how the relay serves the built app.
 */
import type { EngineConfig } from './api.ts';

export const DEFAULT_POLL_INTERVAL_MS = 5_000;
/** Faster polling than this would hammer the relay for no visible gain. */
const MIN_POLL_INTERVAL_MS = 500;
export const WS_PATH = '/ws/stocks';

/** Builds the engine config from env variables; a bad value is reported and replaced by its default. */
export function engineConfigFromEnv(
  env: Record<string, string | undefined>,
  location: { origin: string },
  warn: (message: string) => void = console.warn,
): EngineConfig {
  const base = (env.REACT_APP_API_BASE_URL ?? '').trim();
  const apiBaseUrl = stripSlash(base === '' ? location.origin : absolute(base, location.origin, 'REACT_APP_API_BASE_URL', warn) ?? location.origin);
  const ws = (env.REACT_APP_WS_URL ?? '').trim();
  const wsUrl = ws === '' ? wsUrlFor(apiBaseUrl) : absolute(ws, apiBaseUrl, 'REACT_APP_WS_URL', warn) ?? wsUrlFor(apiBaseUrl);
  return { apiBaseUrl, wsUrl, pollIntervalMs: pollInterval(env.REACT_APP_POLL_INTERVAL_MS, warn) };
}

/** The relay's URLs for a config; empty fields fall back to `origin` (the worker's own). */
export function resolveEndpoints(config: EngineConfig, origin: string): { stocksUrl: string; filtersUrl: string; wsUrl: string } {
  const base = stripSlash(config.apiBaseUrl === '' ? origin : config.apiBaseUrl);
  return { stocksUrl: `${base}/api/stocks`, filtersUrl: `${base}/api/filters`, wsUrl: config.wsUrl === '' ? wsUrlFor(base) : config.wsUrl };
}

/** http://host/x → ws://host/x/ws/stocks; https → wss. */
export function wsUrlFor(apiBaseUrl: string): string {
  return stripSlash(apiBaseUrl).replace(/^http(s?):/i, 'ws$1:') + WS_PATH;
}

function pollInterval(raw: string | undefined, warn: (message: string) => void): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_POLL_INTERVAL_MS;
  const ms = Number(raw);
  if (!Number.isFinite(ms) || ms <= 0) {
    warn(`REACT_APP_POLL_INTERVAL_MS: not a positive number: ${raw}; using ${DEFAULT_POLL_INTERVAL_MS}`);
    return DEFAULT_POLL_INTERVAL_MS;
  }
  return Math.max(MIN_POLL_INTERVAL_MS, Math.round(ms));
}

function absolute(url: string, base: string, name: string, warn: (message: string) => void): string | null {
  try {
    return new URL(url, base + '/').href;
  } catch {
    warn(`${name}: not a URL: ${url}; using the default`);
    return null;
  }
}

function stripSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
