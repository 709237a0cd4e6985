/**
 * Mounts the canvas renderer: feeds it every frame from the store (no React render per tick),
 * keeps the backing store sized to the container and devicePixelRatio, and mirrors a few facts
 * onto the container as data attributes for tests and tooling (`data-tile-count`, `data-seq`,
 * `data-painted-tiles`, `data-painted-at`).
 */
import { startTransition, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useEngine } from '../data/EngineContext.tsx';
import { sameTiles, type RenderFrame } from '../data/frameStore.ts';
import type { RendererOptions } from './renderer.ts';
import { createMapRenderer, type MapRenderer } from './mapRenderer.ts';
import { installProbe } from './probe.ts';
import { markStartup } from '../perfMarks.ts';
import { adoptSavedMap, endSavedMap } from './savedMap.ts';
import { rememberMapPlace } from './mapPlace.ts';
import { createMapCanvas } from './mapCanvas.ts';
import { takePreparedCanvas } from './paintThread.ts';

export function useHeatmapRenderer(
  containerRef: RefObject<HTMLDivElement | null>,
  options: RendererOptions,
  onResize: (size: { width: number; height: number }) => void,
  onMapPainted?: (painted: boolean) => void,
): { rendererRef: RefObject<MapRenderer | null> } {
  const { store } = useEngine();
  const rendererRef = useRef<MapRenderer | null>(null);
  /** Bumped when the painter fails: the canvas it was handed cannot be painted again, so a new one is made. */
  const [canvasKey, setCanvasKey] = useState(0);
  /** The canvas for this key: kept across a remount of the same map, which takes the same painter back. */
  const canvasRef = useRef<{ key: number; canvas: HTMLCanvasElement } | null>(null);
  const optionsRef = useRef(options);
  const onResizeRef = useRef(onResize);
  const onMapPaintedRef = useRef(onMapPainted);
  useLayoutEffect(() => {
    onResizeRef.current = onResize;
    onMapPaintedRef.current = onMapPainted;
  }, [onResize, onMapPainted]);

  // A layout effect: the canvas is in place (and the saved map adopted) before the browser paints.
  useLayoutEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    // Made outside React: the first is the one boot.ts handed to the paint worker while the app loaded.
    if (canvasRef.current?.key !== canvasKey) canvasRef.current = { key: canvasKey, canvas: takePreparedCanvas() ?? createMapCanvas() };
    const { canvas } = canvasRef.current;
    container.prepend(canvas);
    markStartup('map-mounted');
    const renderer = createMapRenderer(canvas, optionsRef.current);
    rendererRef.current = renderer;
    const removeProbe = installProbe(renderer.probe);
    renderer.onFailed = () => setCanvasKey((k) => k + 1);
    // When the tiles are on the canvas (the painter may be another thread): benches and tests read it.
    renderer.onPainted = (tiles, paintedAt) => {
      container.dataset.paintedTiles = String(tiles);
      // When the painter finished, on this page's clock (the message saying so may come later).
      container.dataset.paintedAt = (paintedAt - performance.timeOrigin).toFixed(1);
      if (tiles > 0) {
        markStartup('map-painted', paintedAt);
        endSavedMap();
      }
      onMapPaintedRef.current?.(tiles > 0);
    };

    adoptSavedMap(canvas, () => onMapPaintedRef.current?.(true));

    /** The last frame handed on, or one with the same tiles: what the canvas shows. */
    let shown: RenderFrame | null = null;
    const paint = () => {
      const frame = store.get();
      if (!frame) return;
      // Frames that only bring news for the status bar (the socket opening, a status message, the
      // socket's snapshot repeating the fetched one) leave the canvas as it is: handing them on
      // would cost the painter a repaint and the browser a frame to composite.
      if (!shown || !sameTiles(shown, frame)) renderer.setFrame(frame);
      shown = frame;
      container.dataset.tileCount = String(frame.layout.symbols.length);
      container.dataset.seq = String(frame.seq);
      container.dataset.layoutVersion = String(frame.layout.version);
      if (frame.layout.symbols.length > 0) markStartup('tiles');
    };
    paint();
    const unsubscribe = store.subscribe(paint);

    let last = { width: -1, height: -1, dpr: -1 };
    const measured = (width: number, height: number) => {
      const dpr = window.devicePixelRatio || 1;
      if (width === last.width && height === last.height && dpr === last.dpr) return;
      last = { width, height, dpr };
      markStartup('measured');
      const place = container.getBoundingClientRect();
      rememberMapPlace({ left: place.left, top: place.top, width, height });
      renderer.resize(width, height, dpr);
      // As a transition: the app's re-render for the new size (and the engine request it makes)
      // runs in short tasks of its own, not inside the commit that mounted the map.
      startTransition(() => onResizeRef.current({ width, height }));
    };
    // Measured by the observer, whose first report comes in the browser's next layout: reading the
    // size here would force a style and layout of the whole app inside the commit that mounts it
    // (~10–15 ms on a phone), one long task instead of two shorter ones. It also reports a map with
    // no area yet (a hidden tab's first layout) once it has one.
    const observer = new ResizeObserver(([entry]) => {
      if (entry) measured(entry.contentRect.width, entry.contentRect.height);
    });
    observer.observe(container);
    return () => {
      observer.disconnect();
      unsubscribe();
      // A new canvas (after a painter failure) starts empty.
      onMapPaintedRef.current?.(false);
      renderer.destroy();
      removeProbe();
      rendererRef.current = null;
      canvas.remove();
    };
  }, [containerRef, store, canvasKey]);

  useEffect(() => {
    optionsRef.current = options;
    rendererRef.current?.setOptions(options);
  }, [options]);

  return { rendererRef };
}
