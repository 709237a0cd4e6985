/**
 * The table view's rows, taken from the frame store off the paint path: a new layout refreshes
 * them at once, value changes at most every `throttleMs`, always inside a React transition so a
 * big table never blocks painting. Rows appear in chunks so the first commit stays small.
 */
import { startTransition, useEffect, useState } from 'react';
import type { Sector } from '../../relay/protocol.ts';
import { useEngine } from '../data/EngineContext.tsx';
import { tileSector } from '../data/tileLookup.ts';
import type { RenderFrame } from '../data/frameStore.ts';

export interface TableRow {
  symbol: string;
  name: string;
  sector: Sector | null;
  price: number;
  pct: number;
  stale: boolean;
  /** `x,y,w,h` of the tile on the map, for tests and tooling that look at the canvas. */
  rect: string;
}

const CHUNK = 500;

function rowsOf(frame: RenderFrame): TableRow[] {
  const l = frame.layout;
  return l.symbols.map((symbol, i) => ({
    symbol,
    name: l.names[i] ?? symbol,
    sector: tileSector(l, i),
    price: frame.prices[i]!,
    pct: frame.values[i]!,
    stale: frame.stale[i] === 1,
    rect: `${l.x[i]!.toFixed(1)},${l.y[i]!.toFixed(1)},${l.w[i]!.toFixed(1)},${l.h[i]!.toFixed(1)}`,
  }));
}

export function useTableRows(throttleMs: number): { rows: TableRow[]; shown: number } {
  const { store } = useEngine();
  const [rows, setRows] = useState<TableRow[]>([]);
  const [shown, setShown] = useState(CHUNK);

  useEffect(() => {
    let lastAt = 0;
    let lastLayout: unknown = null;
    let pending: number | null = null;
    const publish = () => {
      pending = null;
      const frame = store.get();
      if (!frame) return;
      lastAt = performance.now();
      lastLayout = frame.layout;
      startTransition(() => setRows(rowsOf(frame)));
    };
    const onFrame = () => {
      const frame = store.get();
      if (!frame) return;
      if (frame.layout !== lastLayout) return publish();
      if (pending === null) pending = window.setTimeout(publish, Math.max(0, lastAt + throttleMs - performance.now()));
    };
    onFrame();
    const unsubscribe = store.subscribe(onFrame);
    return () => {
      unsubscribe();
      if (pending !== null) window.clearTimeout(pending);
    };
  }, [store, throttleMs]);

  useEffect(() => {
    if (shown >= rows.length) return;
    const timer = window.setTimeout(() => startTransition(() => setShown((n) => n + CHUNK)), 16);
    return () => window.clearTimeout(timer);
  }, [shown, rows.length]);

  return { rows, shown: Math.min(shown, rows.length) };
}
