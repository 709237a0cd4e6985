/**
 * Binding the relay's port. uWS is told to bind exclusively: by default uSockets sets SO_REUSEPORT,
 * so a second relay started by mistake would silently share the port. uSockets does not set
 * SO_REUSEADDR either, so after a relay stops with clients connected, the port stays unbindable
 * while its closed connections sit in TIME_WAIT (up to 60 s on Linux). `waitMs` bridges that: if
 * nothing answers on the port it is only TIME_WAIT, so keep trying; if something answers, another
 * server owns it and waiting will not help.
 */
import { connect } from 'node:net';
import type uWS from 'uWebSockets.js';
import type { Logger } from '../log.ts';

/** uSockets' LIBUS_LISTEN_EXCLUSIVE_PORT; the `ListenOptions` enum is declared but not exported at run time. */
const LIBUS_LISTEN_EXCLUSIVE_PORT = 1;
const RETRY_EVERY_MS = 1000;

type ListenCallback = (listenSocket: uWS.us_listen_socket | false) => void;

function listenOnce(app: uWS.TemplatedApp, host: string, port: number): Promise<uWS.us_listen_socket | false> {
  // The binding accepts (host, port, options, cb); its type declarations only list (port, options, cb).
  const listen = app.listen as unknown as (host: string, port: number, options: number, cb: ListenCallback) => void;
  return new Promise((resolve) => listen.call(app, host, port, LIBUS_LISTEN_EXCLUSIVE_PORT, resolve));
}

/** True when a server accepts connections on the port. */
export function isPortAnswering(host: string, port: number): Promise<boolean> {
  const target = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return new Promise((resolve) => {
    const socket = connect({ host: target, port });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

export async function listenExclusive(
  app: uWS.TemplatedApp,
  options: { host: string; port: number; waitMs: number; log: Logger },
): Promise<uWS.us_listen_socket> {
  const { host, port, log } = options;
  const deadline = Date.now() + options.waitMs;
  for (let attempt = 0; ; attempt++) {
    const socket = await listenOnce(app, host, port);
    if (socket) return socket;
    if (await isPortAnswering(host, port)) throw new Error(`cannot listen on ${host}:${port}: another server is using it (is another relay running?)`);
    if (Date.now() >= deadline) throw new Error(`cannot listen on ${host}:${port} (is another relay running?)`);
    if (attempt === 0) log.warn('port still held by closed connections of a previous run; waiting for it', { port });
    await new Promise((r) => setTimeout(r, RETRY_EVERY_MS));
  }
}
