/**
 * One HTTP GET with a timeout, turning every network-level failure into a TransientError. Error
 * messages name the provider and the failure kind but never the URL: URLs can carry API keys.
 */
import { TransientError } from '../types.ts';

export interface HttpRequest {
  url: string;
  headers?: Record<string, string>;
  /** The caller's signal (the poller aborts on its own timeout or on shutdown). */
  signal: AbortSignal;
  timeoutMs: number;
  fetch: typeof globalThis.fetch;
  /** Names the provider in error messages, e.g. `massive`. */
  label: string;
}

export interface HttpResult {
  status: number;
  headers: Headers;
  body: string;
}

/** GETs `url` and reads the whole body; rejects with TransientError on timeout, abort or network error. */
export async function requestText(request: HttpRequest): Promise<HttpResult> {
  const { label, timeoutMs } = request;
  if (request.signal.aborted) throw new TransientError(`${label}: request aborted`);
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  try {
    const signal = AbortSignal.any([request.signal, timeout.signal]);
    const response = await request.fetch(request.url, { headers: request.headers ?? {}, signal });
    // The body read shares the signal, so a server that stalls mid-body also times out.
    const body = await response.text();
    return { status: response.status, headers: response.headers, body };
  } catch (error) {
    if (timeout.signal.aborted) throw new TransientError(`${label}: no response within ${timeoutMs} ms`);
    if (request.signal.aborted) throw new TransientError(`${label}: request aborted`);
    throw new TransientError(`${label}: request failed (${failureCode(error)})`);
  } finally {
    clearTimeout(timer);
  }
}

/** A short code such as ECONNREFUSED; never the error's message, which may quote the URL. */
function failureCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  return error instanceof Error ? error.name : 'unknown error';
}
