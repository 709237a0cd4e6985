/**
 * Relay configuration from environment variables (and `.env`, loaded by main.ts). Every variable is
 * listed with its meaning in .env.example. Defaults make the relay run with none: the simulated
 * market on port 8000.
 */
import { z } from 'zod';

export const PROVIDER_IDS = ['simulated', 'massive', 'alpaca', 'finnhub'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');
const positiveNumber = z.coerce.number().finite().positive();

const EnvSchema = z.object({
  STOCK_PROVIDER: z.enum(PROVIDER_IDS).optional(),
  STOCK_API_KEY: z.string().default(''),
  STOCK_API_BASE_URL: z.string().default(''),
  /** Alpaca's second credential (APCA-API-SECRET-KEY); the key id goes in STOCK_API_KEY. */
  STOCK_API_SECRET: z.string().default(''),
  POLL_INTERVAL_SECONDS: positiveNumber.default(5),
  MAX_RETRIES: z.coerce.number().int().min(0).max(20).default(3),
  REQUEST_TIMEOUT_MS: positiveNumber.default(8000),
  BACKEND_PORT: z.coerce.number().int().min(0).max(65535).default(8000),
  BACKEND_HOST: z.string().default('0.0.0.0'),
  CORS_ORIGINS: z.string().default(''),
  SIM_SEED: z.coerce.number().int().default(42),
  SIM_TICK_MS: positiveNumber.optional(),
  SIM_UNIVERSE: z.enum(['shipped', 'synthetic']).default('shipped'),
  SIM_SYMBOLS: z.coerce.number().int().min(1).max(20000).default(6000),
  SIM_FOLLOW_CALENDAR: flag.default(false),
  /** Simulated seconds per real second: 60 makes a trading day pass in 6.5 minutes. */
  SIM_SPEED: positiveNumber.default(1),
  /** Simulated trading minutes played before the first tick, so the map opens mid-session. */
  SIM_WARMUP_MINUTES: z.coerce.number().min(0).max(390).default(120),
  /** Fault to inject from the start, e.g. `rate_limited`, `down`, `slow`, `drop:10` (see faults.ts). */
  SIM_FAULT: z.string().default(''),
  /** Exposes POST /api/sim/fault to switch faults at run time. Off unless asked for. */
  SIM_CONTROL: flag.default(false),
  DATA_DIR: z.string().default('.data'),
  STATIC_DIR: z.string().default('dist/app'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export interface Config {
  provider: ProviderId;
  apiKey: string;
  apiSecret: string;
  apiBaseUrl: string;
  pollIntervalMs: number;
  maxRetries: number;
  requestTimeoutMs: number;
  port: number;
  host: string;
  corsOrigins: string[];
  sim: {
    seed: number;
    tickMs: number;
    universe: 'shipped' | 'synthetic';
    symbols: number;
    followCalendar: boolean;
    speed: number;
    warmupMinutes: number;
    fault: string;
    control: boolean;
  };
  dataDir: string;
  staticDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

/** Parses the environment; throws an Error naming every bad variable (never echoing the key). */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // An empty variable (as .env.example leaves them) means "use the default".
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = EnvSchema.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const pollIntervalMs = e.POLL_INTERVAL_SECONDS * 1000;
  // No key means the simulated market, whatever else is set, so a fresh clone always runs.
  const provider = e.STOCK_API_KEY === '' ? 'simulated' : (e.STOCK_PROVIDER ?? 'massive');
  return {
    provider,
    apiKey: e.STOCK_API_KEY,
    apiSecret: e.STOCK_API_SECRET,
    apiBaseUrl: e.STOCK_API_BASE_URL,
    pollIntervalMs,
    maxRetries: e.MAX_RETRIES,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    port: e.BACKEND_PORT,
    host: e.BACKEND_HOST,
    corsOrigins: e.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    sim: {
      seed: e.SIM_SEED,
      tickMs: e.SIM_TICK_MS ?? 1000,
      universe: e.SIM_UNIVERSE,
      symbols: e.SIM_SYMBOLS,
      followCalendar: e.SIM_FOLLOW_CALENDAR,
      speed: e.SIM_SPEED,
      warmupMinutes: e.SIM_WARMUP_MINUTES,
      fault: e.SIM_FAULT,
      control: e.SIM_CONTROL,
    },
    dataDir: e.DATA_DIR,
    staticDir: e.STATIC_DIR,
    logLevel: e.LOG_LEVEL,
  };
}
