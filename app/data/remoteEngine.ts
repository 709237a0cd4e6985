/**
 * Adapts the Comlink remote of the engine worker to the plain AppEngine the UI uses: callbacks
 * cross the worker boundary wrapped in `Comlink.proxy`, and the returned unsubscribe (itself a
 * proxy) is called and released when the UI unsubscribes.
 */
import * as Comlink from 'comlink';
import type { EngineApi } from '../../engine/api.ts';
import type { AppEngine } from './EngineContext.tsx';

export function adaptRemoteEngine(api: Comlink.Remote<EngineApi>): AppEngine {
  return {
    async subscribe(view, onFrame) {
      const unsubscribe = await api.subscribe(view, Comlink.proxy(onFrame));
      // The engine returns its unsubscribe as a Comlink proxy; release it once it has run.
      const release = (unsubscribe as Partial<Comlink.ProxyMethods>)[Comlink.releaseProxy];
      return () => {
        void Promise.resolve(unsubscribe()).finally(() => release?.call(unsubscribe));
      };
    },
    setView: (view) => api.setView(view),
    getDetail: (symbol) => api.getDetail(symbol),
    getHistory: (symbol) => api.getHistory(symbol),
    getFilters: () => api.getFilters(),
  };
}
