/**
 * Keeps the map on screen saved for the next start (sceneKeeper.ts): every frame is noted under
 * the view shown, and a pending save is made when the page is hidden.
 */
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { useEngine } from '../data/EngineContext.tsx';
import { localStore } from '../state/browserStorage.ts';
import { createSceneKeeper } from './sceneKeeper.ts';
import type { MapRenderer } from './mapRenderer.ts';

export function useSceneKeeper(sceneKey: string, rendererRef: RefObject<MapRenderer | null>): void {
  const { store } = useEngine();
  const keyRef = useRef(sceneKey);
  useLayoutEffect(() => {
    keyRef.current = sceneKey;
  }, [sceneKey]);

  useEffect(() => {
    const keeper = createSceneKeeper({ storage: localStore(), picture: () => rendererRef.current?.picture() ?? Promise.resolve(null) });
    const note = () => {
      const frame = store.get();
      if (frame) keeper.note(keyRef.current, frame);
    };
    const flushWhenHidden = () => document.visibilityState === 'hidden' && void keeper.flush();
    note();
    const unsubscribe = store.subscribe(note);
    document.addEventListener('visibilitychange', flushWhenHidden);
    return () => {
      unsubscribe();
      document.removeEventListener('visibilitychange', flushWhenHidden);
      keeper.stop();
    };
  }, [store, rendererRef]);
}
