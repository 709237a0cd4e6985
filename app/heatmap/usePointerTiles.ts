/**
 * Mouse, pen and touch on the canvas, hit-tested exactly against the tiles' rectangles.
 * - Mouse/pen: hover shows the readout; click opens details; click on a sector header zooms.
 * - Touch: a tap (or a long press) pins the readout; tapping the pinned tile again opens details;
 *   tapping a sector header zooms.
 */
import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import type { Sector } from '../../relay/protocol.ts';
import { sectorHeaderAt, tileAt } from './hitTest.ts';
import type { MapRenderer } from './mapRenderer.ts';

export interface Readout {
  symbol: string;
  /** Pointer position in map coordinates. */
  x: number;
  y: number;
  pinned: boolean;
}

export interface PointerHandlers {
  onPointerMove(e: ReactPointerEvent): void;
  onPointerDown(e: ReactPointerEvent): void;
  onPointerUp(e: ReactPointerEvent): void;
  onPointerLeave(e: ReactPointerEvent): void;
  onPointerCancel(): void;
}

const LONG_PRESS_MS = 450;

export function usePointerTiles(
  rendererRef: RefObject<MapRenderer | null>,
  actions: { openDetail(symbol: string): void; zoom(sector: Sector): void },
): { readout: Readout | null; clearReadout(): void; cursor: string; handlers: PointerHandlers } {
  const [readout, setReadout] = useState<Readout | null>(null);
  const [cursor, setCursor] = useState('default');
  const press = useRef<{ timer: number; symbol: string | null; long: boolean } | null>(null);

  const hit = useCallback(
    (e: ReactPointerEvent) => {
      const model = rendererRef.current?.hitModel();
      const rect = e.currentTarget.getBoundingClientRect();
      const x = e.clientX - rect.left, y = e.clientY - rect.top;
      if (!model) return { x, y, symbol: null, header: null };
      const header = sectorHeaderAt(model, x, y);
      const i = header ? -1 : tileAt(model, x, y);
      return { x, y, symbol: i >= 0 ? model.symbols[i]! : null, header: header?.sector ?? null };
    },
    [rendererRef],
  );

  const clearPress = () => {
    if (press.current) window.clearTimeout(press.current.timer);
    press.current = null;
  };
  useEffect(() => clearPress, []);

  const handlers: PointerHandlers = {
    onPointerMove(e) {
      if (e.pointerType === 'touch') return;
      const h = hit(e);
      setCursor(h.header ? 'zoom-in' : h.symbol ? 'pointer' : 'default');
      setReadout((prev) => {
        if (prev?.pinned) return prev;
        return h.symbol ? { symbol: h.symbol, x: h.x, y: h.y, pinned: false } : null;
      });
    },
    onPointerDown(e) {
      if (e.pointerType !== 'touch') return;
      const h = hit(e);
      clearPress();
      const timer = window.setTimeout(() => {
        if (press.current) press.current.long = true;
        if (h.symbol) setReadout({ symbol: h.symbol, x: h.x, y: h.y, pinned: true });
      }, LONG_PRESS_MS);
      press.current = { timer, symbol: h.symbol, long: false };
    },
    onPointerUp(e) {
      if (e.button !== 0) return;
      const h = hit(e);
      const long = press.current?.long ?? false;
      clearPress();
      if (h.header) return actions.zoom(h.header);
      if (!h.symbol) return setReadout(null);
      if (e.pointerType !== 'touch') return actions.openDetail(h.symbol);
      if (long) return;
      if (readout?.pinned && readout.symbol === h.symbol) {
        setReadout(null);
        actions.openDetail(h.symbol);
      } else setReadout({ symbol: h.symbol, x: h.x, y: h.y, pinned: true });
    },
    onPointerLeave(e) {
      if (e.pointerType === 'touch') return;
      setReadout((prev) => (prev?.pinned ? prev : null));
    },
    onPointerCancel: clearPress,
  };

  return { readout, clearReadout: () => setReadout(null), cursor, handlers };
}
