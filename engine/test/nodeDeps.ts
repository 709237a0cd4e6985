/**
 * Engine dependencies for Node tests: the `ws` package as WebSocket, Node's fetch, a fake-indexeddb
 * factory (one per test for isolation) and a switchable "browser online" flag.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import WebSocket from 'ws';
import type { EngineDeps, EngineTuning } from '../engine.ts';
import { openStore } from '../store.ts';

export interface NodeDeps extends EngineDeps {
  factory: IDBFactory;
  logs: string[];
  /** Fires the engine's online/offline listener, as the browser's events would. */
  setOnline(online: boolean): void;
}

export function nodeDeps(o: { factory?: IDBFactory; online?: boolean; tuning?: Partial<EngineTuning> } = {}): NodeDeps {
  const factory = o.factory ?? new IDBFactory();
  const logs: string[] = [];
  const listeners = new Set<(online: boolean) => void>();
  let online = o.online ?? true;
  const log = (message: string, fields?: Record<string, unknown>) => logs.push(`${message} ${JSON.stringify(fields ?? {})}`);
  return {
    factory,
    logs,
    openSocket: (url) => new WebSocket(url),
    fetch: (url, init) => fetch(url, init),
    openDb: ({ onStateChange }) => openStore({ factory, log, onStateChange }),
    now: Date.now,
    isOnline: () => online,
    watchOnline(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    log,
    tuning: { frameIntervalMs: 20, persistSnapshotMs: 50, persistHistoryMs: 50, connection: { backoffBaseMs: 20, backoffMaxMs: 100 }, ...o.tuning },
    setOnline(next) {
      online = next;
      for (const listener of listeners) listener(next);
    },
  };
}
