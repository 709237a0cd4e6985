/**
 * Mounts the canvas renderer: feeds it every frame from the store (no React render per tick),
 * keeps the backing store sized to the container and devicePixelRatio, and mirrors a few facts
 * onto the container as data attributes for tests and tooling (`data-tile-count`, `data-seq`).
 */
import { useEffect, useRef, type RefObject } from 'react';
import { useEngine } from '../data/EngineContext.tsx';
import { createHeatmapRenderer, type HeatmapRenderer, type RendererOptions } from './renderer.ts';
import { installProbe } from './probe.ts';

export function useHeatmapRenderer(
  containerRef: RefObject<HTMLDivElement | null>,
  canvasRef: RefObject<HTMLCanvasElement | null>,
  options: RendererOptions,
  onResize: (size: { width: number; height: number }) => void,
): RefObject<HeatmapRenderer | null> {
  const { store } = useEngine();
  const rendererRef = useRef<HeatmapRenderer | null>(null);
  const optionsRef = useRef(options);
  const onResizeRef = useRef(onResize);
  useEffect(() => {
    onResizeRef.current = onResize;
  }, [onResize]);

  useEffect(() => {
    const container = containerRef.current;
    const canvas = canvasRef.current;
    if (!container || !canvas) return;
    const renderer = createHeatmapRenderer(canvas, optionsRef.current);
    rendererRef.current = renderer;
    const removeProbe = installProbe(renderer);

    const paint = () => {
      const frame = store.get();
      if (!frame) return;
      renderer.setFrame(frame);
      container.dataset.tileCount = String(frame.layout.symbols.length);
      container.dataset.seq = String(frame.seq);
      container.dataset.layoutVersion = String(frame.layout.version);
    };
    paint();
    const unsubscribe = store.subscribe(paint);

    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      renderer.resize(width, height, window.devicePixelRatio || 1);
      onResizeRef.current({ width, height });
    });
    observer.observe(container);
    return () => {
      observer.disconnect();
      unsubscribe();
      renderer.destroy();
      removeProbe();
      rendererRef.current = null;
    };
  }, [containerRef, canvasRef, store]);

  useEffect(() => {
    optionsRef.current = options;
    rendererRef.current?.setOptions(options);
  }, [options]);

  return rendererRef;
}
