/**
 * Keeps the map on screen saved for the next start (sceneKeeper.ts): every frame is noted under
 * the view shown, and a pending save is written when the page is hidden or left.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useEngine } from '../data/EngineContext.tsx';
import { localStore } from '../state/browserStorage.ts';
import { createSceneKeeper } from './sceneKeeper.ts';

export function useSceneKeeper(sceneKey: string): void {
  const { store } = useEngine();
  const keyRef = useRef(sceneKey);
  useLayoutEffect(() => {
    keyRef.current = sceneKey;
  }, [sceneKey]);

  useEffect(() => {
    const keeper = createSceneKeeper({ storage: localStore() });
    const note = () => {
      const frame = store.get();
      if (frame) keeper.note(keyRef.current, frame);
    };
    const flush = () => keeper.flush();
    const flushWhenHidden = () => document.visibilityState === 'hidden' && keeper.flush();
    note();
    const unsubscribe = store.subscribe(note);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', flushWhenHidden);
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', flushWhenHidden);
      keeper.flush();
    };
  }, [store]);
}
