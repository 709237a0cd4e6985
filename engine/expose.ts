/**
 * Puts an engine behind Comlink. Frames and histories travel with `transfer` (their typed arrays
 * move instead of being copied), the unsubscribe comes back as a `proxy`, and a subscriber whose
 * page went away is dropped instead of failing every frame from then on.
 */
import { expose, proxy, transfer, type Endpoint } from 'comlink';
import type { EngineApi, Frame } from './api.ts';

/** The buffers a frame owns (every frame owns its arrays; see frame.ts). */
export function frameTransferables(frame: Frame): Transferable[] {
  const arrays: ArrayBufferView[] = [frame.values, frame.prices, frame.stale];
  if (frame.layout) arrays.push(frame.layout.x, frame.layout.y, frame.layout.w, frame.layout.h);
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/** Exposes `engine` on `endpoint` (the worker's global scope by default). */
export function exposeEngine(engine: EngineApi, endpoint?: Endpoint): void {
  const api: EngineApi = {
    start: (config) => engine.start(config),
    async subscribe(view, onFrame) {
      let unsubscribe: (() => void) | null = null;
      let gone = false;
      const deliver = (frame: Frame) => {
        if (gone) return;
        // Across Comlink the callback returns a promise; it rejects once the page side is gone.
        Promise.resolve(onFrame(transfer(frame, frameTransferables(frame)))).catch(() => {
          gone = true;
          unsubscribe?.();
        });
      };
      unsubscribe = await engine.subscribe(view, deliver);
      if (gone) unsubscribe();
      return proxy(unsubscribe);
    },
    setView: (view) => engine.setView(view),
    getDetail: (symbol) => engine.getDetail(symbol),
    async getHistory(symbol) {
      const history = await engine.getHistory(symbol);
      return transfer(history, [history.t.buffer as ArrayBuffer, history.price.buffer as ArrayBuffer]);
    },
    getFilters: () => engine.getFilters(),
    persist: () => engine.persist(),
    dispose: () => engine.dispose(),
  };
  expose(api, endpoint);
}
