/**
 * The view state as React state, mirrored into the URL. Zooming pushes a history entry so the
 * browser's Back button leaves the zoom; every other change replaces the entry, so typing in the
 * search box does not flood the history. Back/forward re-read the URL.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatViewUrl, parseViewUrl } from './viewUrl.ts';
import type { ViewState } from './viewState.ts';

/** `history: 'replace'` keeps a zoom change out of the history (e.g. the wallboard's cycle). */
export type UpdateViewState = (patch: Partial<ViewState>, options?: { history?: 'push' | 'replace' }) => void;

function readLocation(): ViewState {
  const { state, errors } = parseViewUrl(window.location.search);
  if (errors.length > 0) console.warn(`ignored ${errors.length} URL parameter(s): ${errors.join('; ')}`);
  return state;
}

export function useViewState(): [ViewState, UpdateViewState] {
  const [state, setState] = useState<ViewState>(readLocation);
  const pushNext = useRef(false);

  useEffect(() => {
    const onPop = () => setState(readLocation());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    const query = formatViewUrl(state);
    const push = pushNext.current;
    pushNext.current = false;
    if (query === window.location.search) return;
    const url = `${window.location.pathname}${query}${window.location.hash}`;
    if (push) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }, [state]);

  const update = useCallback<UpdateViewState>((patch, options) => {
    setState((prev) => {
      const zoomed = patch.zoom !== undefined && patch.zoom !== prev.zoom;
      if (zoomed && options?.history !== 'replace') pushNext.current = true;
      return { ...prev, ...patch };
    });
  }, []);

  return [state, update];
}
