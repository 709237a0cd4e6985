/**
 * jsdom lacks layout: these shims give the map a fixed size, answer media queries with "no",
 * and make canvas contexts unavailable (the renderer then skips painting), so components that
 * depend on them can be tested. Returns the undo.
 */
import { vi } from 'vitest';
import { forgetMediaQueries } from '../state/useMediaQuery.ts';

export const MAP_SIZE = { width: 800, height: 600 };

export function installDomShims(): () => void {
  class FixedResizeObserver {
    constructor(private readonly callback: ResizeObserverCallback) {}
    observe(target: Element) {
      const entry = { target, contentRect: { ...MAP_SIZE, x: 0, y: 0, top: 0, left: 0, right: MAP_SIZE.width, bottom: MAP_SIZE.height } };
      queueMicrotask(() => this.callback([entry as unknown as ResizeObserverEntry], this as unknown as ResizeObserver));
    }
    unobserve() {}
    disconnect() {}
  }
  vi.stubGlobal('ResizeObserver', FixedResizeObserver);
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: false,
    media: query,
    addEventListener() {},
    removeEventListener() {},
  }));
  const getContext = vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  return () => {
    vi.unstubAllGlobals();
    forgetMediaQueries();
    getContext.mockRestore();
  };
}
