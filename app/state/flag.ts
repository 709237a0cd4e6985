/**
 * A boolean held outside React that components read with `useFlag`: setting it re-renders only
 * those readers, not the component that owns it (App owns whether the map canvas shows tiles, and
 * a re-render of the whole app for the first paint would land in the busiest moment of a start).
 */
import { useSyncExternalStore } from 'react';

export interface Flag {
  get(): boolean;
  set(value: boolean): void;
  subscribe(listener: () => void): () => void;
}

export function createFlag(initial = false): Flag {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      if (next === value) return;
      value = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useFlag(flag: Flag): boolean {
  return useSyncExternalStore(flag.subscribe, flag.get);
}
