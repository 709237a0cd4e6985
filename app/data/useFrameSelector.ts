/**
 * Subscribes a component to one slice of the latest frame. The component re-renders only when the
 * slice changes by `isEqual`, so a price tick does not re-render the controls.
 *
 * Components hear about a new frame in a task of their own, one for all of them, after the task
 * that delivered the frame and handed it to the canvas: React's re-render in that same task made
 * it one long task on a phone. Rendering the status bar a task later is invisible.
 */
import { startTransition, useEffect, useRef, useState } from 'react';
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

/**
 * The selected slice, re-rendered as a transition when a frame changes it: React renders those
 * updates in slices of a few ms that yield to the browser, where useSyncExternalStore would render
 * them in one synchronous task (35–50 ms on a phone-class start, for the status bar, lists and
 * legend together). Every component's update from one frame lands in the same transition, so they
 * show the same frame. A new `select` (another symbol, say) is applied in the same render.
 */
export function useFrameSelector<T>(
  select: (frame: RenderFrame | null) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T {
  const { store } = useEngine();
  const [state, setState] = useState(() => ({ select, value: select(store.get()) }));
  let current = state;
  if (state.select !== select) {
    // React's pattern for state derived from props: it re-renders at once with this.
    current = { select, value: select(store.get()) };
    setState(current);
  }
  const shown = useRef(current);
  useEffect(() => {
    shown.current = current;
  });
  useEffect(() => {
    const check = () => {
      const value = select(store.get());
      if (isEqual(shown.current.value, value)) return;
      shown.current = { select, value };
      startTransition(() => setState({ select, value }));
    };
    check(); // a frame may have come between the render and this effect
    return subscribeLater(store, check);
  }, [store, select, isEqual]);
  return current.value;
}

/** Shallow equality for flat objects of primitives. */
export function shallowEqual<T extends object>(a: T, b: T): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof T)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.is(a[k], b[k]));
}
