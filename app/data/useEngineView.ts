/**
 * Keeps the engine's view in step with the UI: subscribes once the map has a size, then sends
 * every later view change with setView. Frames go straight into the frame store.
 */
import { useEffect, useRef } from 'react';
import type { View } from '../../engine/api.ts';
import { useEngine } from './EngineContext.tsx';
import { markStartup } from '../perfMarks.ts';

/** `view` is null until the map has been measured; nothing is requested before that. */
export function useEngineView(view: View | null): void {
  const { engine, store } = useEngine();
  const subscribed = useRef(false);
  /** The view the engine last heard about, as JSON, so a re-render does not resend it. */
  const sent = useRef('');
  const latest = useRef(view);
  // Declared first so the effects below see this render's view.
  useEffect(() => {
    latest.current = view;
  });
  const ready = view !== null;
  const key = view ? JSON.stringify(view) : '';

  useEffect(() => {
    if (!ready || !latest.current) return;
    let cancelled = false;
    let unsubscribe: (() => void) | null = null;
    subscribed.current = true;
    markStartup('subscribe');
    sent.current = JSON.stringify(latest.current);
    engine
      .subscribe(latest.current, (frame) => {
        markStartup('first-frame');
        store.push(frame);
      })
      .then((unsub) => {
        if (cancelled) void unsub();
        else unsubscribe = unsub;
      })
      .catch((error: unknown) => console.error('engine subscribe failed', error));
    return () => {
      cancelled = true;
      subscribed.current = false;
      if (unsubscribe) void unsubscribe();
    };
  }, [engine, store, ready]);

  useEffect(() => {
    if (!subscribed.current || !latest.current || key === sent.current) return;
    sent.current = key;
    engine.setView(latest.current).catch((error: unknown) => console.error('engine setView failed', error));
  }, [engine, key]);
}
