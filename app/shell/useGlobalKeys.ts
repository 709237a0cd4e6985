/** Escape backs out one level: the open detail panel first, then the zoom. */
import { useEffect } from 'react';

export function useEscapeKey(onEscape: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      // Text fields use Escape themselves (clearing a search box), and dialogs close on it.
      if (e.target instanceof Element && e.target.closest('input, textarea, select, dialog')) return;
      onEscape();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onEscape]);
}
