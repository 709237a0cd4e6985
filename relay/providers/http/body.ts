/**
 * Reading provider bodies: JSON that does not parse is a transient upstream fault, and the
 * provider's own error words are kept (short, secrets removed) so a status reason can quote them.
 */
import { redact } from '../../log.ts';
import { TransientError } from '../types.ts';

const MAX_MESSAGE_CHARS = 160;

/** Stands in for a bare `NaN`/`Infinity` literal so the row holding it is rejected as `non_finite`. */
export const NON_FINITE_TOKEN = '\u0000non-finite';
/** A bare NaN/Infinity value (as Python's json module writes them) after `:`, `[` or `,`. */
const BARE_NON_FINITE = /([:[,]\s*)-?(?:NaN|Infinity)(?=\s*[,\]}])/g;

/**
 * Parses a JSON body; malformed JSON becomes a TransientError naming the provider. Bare `NaN`
 * and `Infinity` values are not JSON, but one of them must not throw away every good row in the
 * body, so they are read as NON_FINITE_TOKEN for the row checks to reject.
 */
export function parseJsonBody(body: string, label: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    try {
      return JSON.parse(body.replace(BARE_NON_FINITE, `$1${JSON.stringify(NON_FINITE_TOKEN)}`));
    } catch {
      throw new TransientError(`${label}: malformed JSON in response`);
    }
  }
}

/**
 * The provider's message from an error body: its `error` or `message` field when the body is
 * JSON, else the text without HTML tags; whitespace collapsed, cut to 160 characters, secrets redacted.
 */
export function upstreamMessage(body: string, secrets: readonly string[]): string {
  let text = body;
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object') {
      const { error, message } = parsed as { error?: unknown; message?: unknown };
      text = typeof error === 'string' ? error : typeof message === 'string' ? message : '';
    }
  } catch {
    // Plain-text bodies are used as they are.
  }
  // Error pages from proxies and load balancers are HTML; the words are what matter.
  const short = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_MESSAGE_CHARS);
  return redact(short, secrets);
}

/** `HTTP 401: Unknown API Key`, or just `HTTP 401` when the body said nothing. */
export function httpDetail(status: number, message: string): string {
  return message ? `HTTP ${status}: ${message}` : `HTTP ${status}`;
}
