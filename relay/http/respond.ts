/** Small helpers for writing uWS responses; every write happens inside `cork`. */
import type { HttpResponse } from 'uWebSockets.js';
import { encodeJson } from './encodeJson.ts';

export const STATUS_TEXT: Record<number, string> = {
  200: '200 OK', 204: '204 No Content', 304: '304 Not Modified', 400: '400 Bad Request', 403: '403 Forbidden',
  404: '404 Not Found', 405: '405 Method Not Allowed', 413: '413 Payload Too Large', 503: '503 Service Unavailable',
};

export function send(res: HttpResponse, status: number, body: string | Buffer, headers: Record<string, string>): void {
  res.cork(() => {
    res.writeStatus(STATUS_TEXT[status] ?? `${status} Unknown`);
    for (const [key, value] of Object.entries(headers)) res.writeHeader(key, value);
    res.end(body);
  });
}

/**
 * JSON, compressed when the client's `acceptEncoding` allows and the body is worth it. Pass the
 * request's Accept-Encoding header; without it the body goes as it is.
 */
export function sendJson(res: HttpResponse, status: number, body: unknown, headers: Record<string, string> = {}, acceptEncoding = ''): void {
  const { body: encoded, encoding } = encodeJson(JSON.stringify(body), acceptEncoding);
  send(res, status, encoded, {
    ...(encoding ? { 'Content-Encoding': encoding } : {}),
    'Content-Type': 'application/json; charset=utf-8',
    // Market data must never be cached by browsers or proxies: the engine decides what is stale.
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
    // Caches between here and the client must keep encodings (and, with CORS, origins) apart.
    Vary: headers.Vary ? `${headers.Vary}, Accept-Encoding` : 'Accept-Encoding',
  });
}
