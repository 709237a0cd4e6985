/** Whether a CSS media query matches, following changes (small screens, reduced motion). */
import { useSyncExternalStore } from 'react';

/**
 * One MediaQueryList per query for the page's life. `matchMedia()` parses its query and evaluates it
 * against the page's current style each call, and React reads the value on every render of App (a
 * few per live tick at start-up); a kept list only re-evaluates when the viewport or a media feature
 * has changed.
 */
const lists = new Map<string, MediaQueryList | null>();

function listFor(query: string): MediaQueryList | null {
  let list = lists.get(query);
  if (list === undefined) {
    list = typeof window.matchMedia === 'function' ? window.matchMedia(query) : null;
    lists.set(query, list);
  }
  return list;
}

export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = listFor(query);
      list?.addEventListener('change', onChange);
      return () => list?.removeEventListener('change', onChange);
    },
    () => listFor(query)?.matches ?? false,
    () => false,
  );
}

/** Forgets the kept lists (tests install a new `matchMedia` per case). */
export function forgetMediaQueries(): void {
  lists.clear();
}
