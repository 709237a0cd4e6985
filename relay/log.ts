/**
 * A tiny levelled logger that writes one JSON line per event. Every line passes through a redactor
 * that replaces configured secrets (the API key), so no code path can log the key by accident.
 * Repeated identical warnings (same text, same fields) are counted and printed once per minute.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  level: LogLevel;
  /** Strings that must never appear in output (empty strings are ignored). */
  secrets?: readonly string[];
  /** Where lines go; defaults to stdout/stderr. Tests pass a collector. */
  write?: (line: string) => void;
  now?: () => number;
}

const DEDUPE_WINDOW_MS = 60_000;

/** Replaces every occurrence of each secret (and its URL-encoded form) with `[redacted]`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join('[redacted]');
  }
  return out;
}

export function createLogger(options: LoggerOptions): Logger {
  const secrets = (options.secrets ?? []).filter(Boolean);
  const now = options.now ?? Date.now;
  const write = options.write ?? ((line: string) => process.stdout.write(line + '\n'));
  const lastSeen = new Map<string, { at: number; suppressed: number }>();

  function emit(level: LogLevel, msg: string, fields?: Record<string, unknown>): void {
    if (ORDER[level] < ORDER[options.level]) return;
    // Same text and same fields: a state change with a new reason or retry time still prints.
    const key = `${level}:${msg}:${JSON.stringify(fields ?? {})}`;
    const seen = lastSeen.get(key);
    const t = now();
    if (level === 'warn' && seen && t - seen.at < DEDUPE_WINDOW_MS) {
      seen.suppressed++;
      return;
    }
    const repeated = seen?.suppressed ? { repeated: seen.suppressed } : {};
    if (level === 'warn') lastSeen.set(key, { at: t, suppressed: 0 });
    const line = JSON.stringify({ time: new Date(t).toISOString(), level, msg, ...fields, ...repeated });
    write(redact(line, secrets));
  }

  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
  };
}
