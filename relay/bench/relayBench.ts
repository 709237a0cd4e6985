/**
 * `npm run bench:relay`: for N = 100, 1,000 and 5,000 WebSocket clients held by a separate process
 * on loopback, reports delivered delta messages/s, p50/p99 publish-to-receipt latency, and bytes per
 * delta vs per snapshot. The relay runs the simulated S&P 500 universe ticking every 500 ms.
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadConfig } from '../config.ts';
import { startRelay } from '../relay.ts';

const run = promisify(execFile);
const clientScript = fileURLToPath(new URL('./benchClients.js', import.meta.url));
const SECONDS = 10;
const TICK_MS = 500;

interface Result {
  clients: number; deltas: number; messagesPerSecond: number; p50: number; p99: number;
  bytesPerDelta: number; bytesPerSnapshot: number;
}

const rows: Result[] = [];
for (const clients of [100, 1000, 5000]) {
  const config = loadConfig({
    BACKEND_HOST: '127.0.0.1', BACKEND_PORT: '0', SIM_TICK_MS: String(TICK_MS), LOG_LEVEL: 'error',
    DATA_DIR: await mkdtemp(join(tmpdir(), 'relay-bench-')), STATIC_DIR: '/nonexistent',
  });
  const relay = await startRelay({ config });
  const { stdout } = await run(process.execPath, [clientScript, `ws://127.0.0.1:${relay.port}/ws/stocks`, String(clients), String(SECONDS)],
    { maxBuffer: 1 << 20 });
  rows.push(JSON.parse(stdout.trim().split('\n').at(-1)!) as Result);
  await relay.stop();
}

console.log(`\nRelay fan-out, simulated S&P 500 universe (515 symbols), one delta per ${TICK_MS} ms, ${SECONDS} s per run\n`);
console.log('| clients | delivered msgs/s | p50 latency | p99 latency | bytes/delta | bytes/snapshot |');
console.log('|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.clients} | ${Math.round(r.messagesPerSecond)} | ${r.p50} ms | ${r.p99} ms | ${r.bytesPerDelta} | ${r.bytesPerSnapshot} |`);
}
