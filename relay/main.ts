/**
 * Entry point: reads `.env` (if present) and the environment, starts the relay, and stops it
 * cleanly on SIGINT/SIGTERM so the last snapshot is persisted.
 */
import { existsSync } from 'node:fs';
import { loadConfig } from './config.ts';
import { createLogger } from './log.ts';
import { startRelay } from './relay.ts';

if (existsSync('.env')) process.loadEnvFile('.env');

const config = loadConfig(process.env);
const log = createLogger({ level: config.logLevel, secrets: [config.apiKey, config.apiSecret] });
const relay = await startRelay({ config, log, listenWaitMs: 90_000 });
console.log(`Live Market Heatmap: http://localhost:${relay.port}/  (provider: ${config.provider})`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    void relay.stop().then(() => process.exit(0));
  });
}
