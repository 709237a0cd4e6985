/**
 * Load generator for `npm run bench:relay`, run as a separate process: opens N WebSocket clients to
 * the relay, waits for every snapshot, then records deltas for a while and prints one JSON line:
 * messages received, publish-to-receipt latencies (ms, from the delta's `sent_at`) and sizes.
 */
import WebSocket from 'ws';

const [url = '', clientsText = '100', secondsText = '10'] = process.argv.slice(2);
const clients = Number(clientsText);
const seconds = Number(secondsText);

const latencies: number[] = [];
let deltas = 0;
let deltaBytes = 0;
let snapshotBytes = 0;
let snapshots = 0;
let recording = false;
const sockets: WebSocket[] = [];

function open(): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    sockets.push(ws);
    ws.on('message', (data: Buffer) => {
      const receivedAt = Date.now();
      // Cheap type sniffing: parsing 5,000 copies of each delta would measure this process, not the relay.
      const head = data.subarray(0, 40).toString();
      if (head.includes('"snapshot"')) {
        snapshots++;
        snapshotBytes = data.length;
        resolve();
      } else if (recording && head.includes('"delta"')) {
        deltas++;
        deltaBytes += data.length;
        const match = /"sent_at":(\d+)/.exec(data.subarray(0, 80).toString());
        if (match) latencies.push(receivedAt - Number(match[1]));
      }
    });
    ws.on('error', reject);
  });
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

// Connect in batches so the listen backlog is not the thing being measured.
for (let i = 0; i < clients; i += 250) {
  await Promise.all(Array.from({ length: Math.min(250, clients - i) }, open));
}
recording = true;
await new Promise((r) => setTimeout(r, seconds * 1000));
recording = false;
latencies.sort((a, b) => a - b);
console.log(JSON.stringify({
  clients, seconds, snapshots, deltas,
  messagesPerSecond: deltas / seconds,
  p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99),
  bytesPerDelta: deltas ? Math.round(deltaBytes / deltas) : 0, bytesPerSnapshot: snapshotBytes,
}));
for (const ws of sockets) ws.terminate();
process.exit(0);
