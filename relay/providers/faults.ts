/**
 * Fault injection for the simulated market, so every failure path of the relay and the UI can be
 * seen without a real outage. A fault is one of:
 *   none, rate_limited (429 with Retry-After), down (5xx), auth (bad key), slow (delayed responses),
 *   drop (a fixed set of symbols missing from every batch), bad_rows (rows the validation rejects).
 * SIM_FAULT uses the short form `mode[:number]`; the control endpoint sends the JSON form.
 */
import { z } from 'zod';
import { hashString } from './random.ts';
import { AuthError, RateLimitedError, TransientError, type ProviderQuote } from './types.ts';

export const FaultSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('none') }),
  z.strictObject({ mode: z.literal('rate_limited'), retryAfterSeconds: z.number().positive().max(86_400).default(30) }),
  z.strictObject({ mode: z.literal('down') }),
  z.strictObject({ mode: z.literal('auth') }),
  z.strictObject({ mode: z.literal('slow'), delayMs: z.number().int().nonnegative().max(600_000).default(3000) }),
  z.strictObject({ mode: z.literal('drop'), count: z.number().int().positive().default(10) }),
  z.strictObject({ mode: z.literal('bad_rows') }),
]);
export type Fault = z.infer<typeof FaultSchema>;
export type FaultMode = Fault['mode'];

export const FAULT_MODES: readonly FaultMode[] = ['none', 'rate_limited', 'down', 'auth', 'slow', 'drop', 'bad_rows'];

/** The field the short form's `:number` sets, per mode; modes not listed take no number. */
const SHORT_ARGUMENT: Partial<Record<FaultMode, string>> = {
  rate_limited: 'retryAfterSeconds',
  slow: 'delayMs',
  drop: 'count',
};

/** Validates an already-decoded fault (e.g. a control endpoint's JSON body). */
export function coerceFault(value: unknown): Fault {
  const mode = (value as { mode?: unknown } | null)?.mode;
  if (typeof mode !== 'string' || !FAULT_MODES.includes(mode as FaultMode)) {
    const problem = mode === undefined ? 'fault has no mode' : `unknown fault mode: ${JSON.stringify(mode)}`;
    throw new Error(`${problem} (expected one of ${FAULT_MODES.join(', ')})`);
  }
  const parsed = FaultSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
    throw new Error(`invalid ${mode} fault: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** Parses `''`, `none`, `rate_limited:60`, `slow`, `drop:25`… or a JSON object such as `{"mode":"down"}`. */
export function parseFault(text: string): Fault {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      throw new Error(`fault is not valid JSON: ${trimmed}`);
    }
    return coerceFault(value);
  }
  if (trimmed === '') return { mode: 'none' };
  const [mode = '', argument, ...extra] = trimmed.split(':');
  if (argument === undefined) return coerceFault({ mode });
  if (!FAULT_MODES.includes(mode as FaultMode)) return coerceFault({ mode });
  const field = SHORT_ARGUMENT[mode as FaultMode];
  if (field === undefined || extra.length > 0) throw new Error(`fault ${mode} takes ${field ? 'one number' : 'no argument'}, got: ${trimmed}`);
  const number = Number(argument);
  if (argument.trim() === '' || !Number.isFinite(number)) throw new Error(`fault ${mode} needs a number after ':', got: ${argument}`);
  return coerceFault({ mode, [field]: number });
}

/** The short form of a fault, for logs and status lines: `rate_limited:30`, `none`. */
export function describeFault(fault: Fault): string {
  switch (fault.mode) {
    case 'rate_limited':
      return `rate_limited:${fault.retryAfterSeconds}`;
    case 'slow':
      return `slow:${fault.delayMs}`;
    case 'drop':
      return `drop:${fault.count}`;
    default:
      return fault.mode;
  }
}

/** Holds the fault in force; the simulated provider reads it on every fetch. */
export interface FaultController {
  current(): Fault;
  set(fault: Fault): void;
}

export function createFaultController(initial: Fault = { mode: 'none' }): FaultController {
  let fault = initial;
  return {
    current: () => fault,
    set: (next) => {
      fault = next;
    },
  };
}

/** Throws what a failing provider would for the fault: modes that return no data at all. */
export function throwIfFailing(fault: Fault, now: number): void {
  switch (fault.mode) {
    case 'rate_limited':
      throw new RateLimitedError(`simulated rate limit (HTTP 429), retry after ${fault.retryAfterSeconds} s`, now + fault.retryAfterSeconds * 1000);
    case 'down':
      throw new TransientError('simulated provider outage (HTTP 503)');
    case 'auth':
      throw new AuthError('invalid API key');
  }
}

/** Waits out a `slow` fault; an abort ends the wait with a TransientError, as a timed-out request would. */
export function delayFor(fault: Fault, signal: AbortSignal): Promise<void> {
  if (fault.mode !== 'slow' || fault.delayMs === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new TransientError(`request aborted after a simulated delay`));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, fault.delayMs);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** A row as a provider sends it, before validation: the symbol may be missing, numbers may be junk. */
export type RawRow = Omit<ProviderQuote, 'symbol'> & { symbol?: string };

/**
 * Applies `drop` and `bad_rows` to a batch. `drop` removes the same `count` symbols every time (the
 * lowest seeded hashes), so they visibly go stale; `bad_rows` corrupts three rows, rotating with
 * `tick`, into a NaN price, a negative price and a missing symbol.
 */
export function applyRowFault(fault: Fault, rows: RawRow[], options: { seed: number; tick: number }): RawRow[] {
  if (fault.mode === 'drop') {
    const ranked = rows.map((row, i) => ({ i, hash: hashString(row.symbol ?? '', options.seed) }));
    ranked.sort((a, b) => a.hash - b.hash || a.i - b.i);
    const dropped = new Set(ranked.slice(0, fault.count).map((r) => r.i));
    return rows.filter((_, i) => !dropped.has(i));
  }
  if (fault.mode === 'bad_rows') {
    const corruptions: Array<(row: RawRow) => RawRow> = [
      (row) => ({ ...row, price: Number.NaN }),
      (row) => ({ ...row, price: -Math.abs(row.price) }),
      ({ symbol: _symbol, ...row }) => row,
    ];
    const out = rows.slice();
    corruptions.slice(0, rows.length).forEach((corrupt, k) => {
      const i = (options.tick * corruptions.length + k) % rows.length;
      out[i] = corrupt(rows[i]!);
    });
    return out;
  }
  return rows;
}
