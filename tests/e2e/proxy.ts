/**
 * A TCP forwarder on a fixed port, so a page keeps one origin (and its service worker and
 * IndexedDB) while the relay behind it is stopped, restarted or replaced by a new deployment.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface Forwarder {
  port: number;
  /** Points new connections at a relay port, or refuses them (null: "the server is down"). */
  target(port: number | null): void;
  /** Drops every open connection, as a relay that stopped would. */
  dropAll(): void;
  close(): Promise<void>;
}

export async function startForwarder(initial: number | null): Promise<Forwarder> {
  let target = initial;
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    if (target === null) return void client.destroy();
    const upstream = connect({ host: '127.0.0.1', port: target });
    for (const s of [client, upstream]) {
      open.add(s);
      s.on('close', () => open.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('forwarder has no port');
  return {
    port: address.port,
    target: (port) => { target = port; },
    dropAll: () => { for (const s of open) s.destroy(); },
    close: () => new Promise((resolve) => { for (const s of open) s.destroy(); server.close(() => resolve()); }),
  };
}
