/**
 * Which browser origins may call the API and open the WebSocket: the configured CORS_ORIGINS, plus
 * the relay's own origin (same-origin requests are always allowed). Requests with no Origin header
 * (curl, server-to-server) are not browser cross-origin requests and are allowed.
 */
export function isAllowedOrigin(origin: string, host: string, allowList: readonly string[]): boolean {
  if (origin === '') return true;
  if (allowList.includes('*') || allowList.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** CORS response headers for an allowed cross-origin request, none otherwise. */
export function corsHeaders(origin: string, allowList: readonly string[]): Record<string, string> {
  if (origin === '' || !(allowList.includes('*') || allowList.includes(origin))) return {};
  return {
    'Access-Control-Allow-Origin': allowList.includes('*') ? '*' : origin,
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': 'Content-Type',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  };
}
