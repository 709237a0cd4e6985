/**
 * Subscribes a component to one slice of the latest frame. The component re-renders only when the
 * slice changes by `isEqual`, so a price tick does not re-render the controls.
 *
 * Components hear about a new frame in a task of their own, one for all of them, after the task
 * that delivered the frame and handed it to the canvas: React's re-render in that same task made
 * it one long task on a phone. Rendering the status bar a task later is invisible.
 */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import { useEngine } from './EngineContext.tsx';
import type { FrameStore, RenderFrame } from './frameStore.ts';

const waiting = new Set<() => void>();
let scheduled = false;

function notifyWaiting(): void {
  scheduled = false;
  const callbacks = [...waiting];
  waiting.clear();
  for (const callback of callbacks) callback();
}

/** store.subscribe, with `onChange` called in the next task (once, however many frames came). */
export function subscribeLater(store: FrameStore, onChange: () => void): () => void {
  const unsubscribe = store.subscribe(() => {
    waiting.add(onChange);
    if (!scheduled) {
      scheduled = true;
      setTimeout(notifyWaiting, 0);
    }
  });
  return () => {
    unsubscribe();
    waiting.delete(onChange);
  };
}

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
  const subscribe = useCallback((onChange: () => void) => subscribeLater(store, onChange), [store]);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}

/** Shallow equality for flat objects of primitives. */
export function shallowEqual<T extends object>(a: T, b: T): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof T)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.is(a[k], b[k]));
}
