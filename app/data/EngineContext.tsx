/**
 * Dependency injection for the engine: the app talks to whatever EngineApi-shaped object it is
 * given (the Comlink remote in production, a fake in tests) and to the frame store it feeds.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { EngineApi } from '../../engine/api.ts';
import type { FrameStore } from './frameStore.ts';

/** The engine surface the app uses; `start`, `persist` and `dispose` stay with whoever created it (engine/client.ts). */
export type AppEngine = Omit<EngineApi, 'start' | 'persist' | 'dispose'>;

interface EngineContextValue {
  engine: AppEngine;
  store: FrameStore;
}

const EngineContext = createContext<EngineContextValue | null>(null);

export function EngineProvider(props: { engine: AppEngine; store: FrameStore; children: ReactNode }) {
  const { engine, store } = props;
  const value = useMemo(() => ({ engine, store }), [engine, store]);
  return <EngineContext value={value}>{props.children}</EngineContext>;
}

export function useEngine(): EngineContextValue {
  const value = useContext(EngineContext);
  if (!value) throw new Error('useEngine outside EngineProvider');
  return value;
}
