/**
 * Subscribes a component to one slice of the latest frame. The component re-renders only when the
 * slice changes by `isEqual`, so a price tick does not re-render the controls.
 */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import { useEngine } from './EngineContext.tsx';
import type { RenderFrame } from './frameStore.ts';

export function useFrameSelector<T>(
  select: (frame: RenderFrame | null) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T {
  const { store } = useEngine();
  const cache = useRef<{ value: T } | null>(null);
  const getSnapshot = useCallback(() => {
    const next = select(store.get());
    if (cache.current && isEqual(cache.current.value, next)) return cache.current.value;
    cache.current = { value: next };
    return next;
  }, [store, select, isEqual]);
  return useSyncExternalStore(store.subscribe, getSnapshot, getSnapshot);
}

/** Shallow equality for flat objects of primitives. */
export function shallowEqual<T extends object>(a: T, b: T): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof T)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.is(a[k], b[k]));
}
