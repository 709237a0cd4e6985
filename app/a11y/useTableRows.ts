/**
 * Feeds the table body from the frame store, off React and off the paint path. A different set
 * of symbols shows at once (in the next task); moved tiles within a second (rows carry tile rects); changed values at
 * most every `throttleMs`.
 */
import { useEffect, useState, type RefObject } from 'react';
import { useEngine } from '../data/EngineContext.tsx';
import { tileSector } from '../data/tileLookup.ts';
import type { RenderFrame } from '../data/frameStore.ts';
import type { FrameLayout } from '../../engine/api.ts';
import type { Sector } from '../../relay/protocol.ts';
import { createTableBody, type TableRows } from './tableBody.ts';

/** A geometry-only layout change reaches the table within this long. */
const GEOMETRY_MS = 1000;

/**
 * What a row takes from the layout alone (sector, rect): worked out the first time the table
 * writes that row for this layout, then kept, so neither a publish nor a relayout of 6,000 tiles
 * does it for every row in one task.
 */
interface LayoutRowFacts {
  sectors: (Sector | null | undefined)[];
  rects: (string | undefined)[];
}

const layoutFacts = new WeakMap<FrameLayout, LayoutRowFacts>();

function factsOf(l: FrameLayout): LayoutRowFacts {
  let facts = layoutFacts.get(l);
  if (!facts) {
    facts = { sectors: new Array<Sector | null | undefined>(l.symbols.length), rects: new Array<string | undefined>(l.symbols.length) };
    layoutFacts.set(l, facts);
  }
  return facts;
}

/**
 * Published every `throttleMs` while prices move; a row is built only when the table writes it (in
 * its idle slices), so a publish itself does nothing per row.
 */
function rowsOf(frame: RenderFrame): TableRows {
  const l = frame.layout;
  const facts = factsOf(l);
  return {
    symbols: l.symbols,
    row(i) {
      const known = facts.sectors[i];
      const sector = known !== undefined ? known : (facts.sectors[i] = tileSector(l, i));
      const rect = (facts.rects[i] ??= `${l.x[i]!.toFixed(1)},${l.y[i]!.toFixed(1)},${l.w[i]!.toFixed(1)},${l.h[i]!.toFixed(1)}`);
      return {
        symbol: l.symbols[i]!,
        name: l.names[i] ?? l.symbols[i]!,
        sector,
        price: frame.prices[i]!,
        pct: frame.values[i]!,
        stale: frame.stale[i] === 1,
        rect,
      };
    },
  };
}

function sameSymbols(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Drives the rows of `tbodyRef`; returns the row count for the caption. */
export function useTableRows(tbodyRef: RefObject<HTMLTableSectionElement | null>, throttleMs: number, onOpen: (symbol: string) => void): number {
  const { store } = useEngine();
  const [count, setCount] = useState(0);

  useEffect(() => {
    const tbody = tbodyRef.current;
    if (!tbody) return;
    const body = createTableBody(tbody, onOpen);
    let lastAt = -Infinity;
    let lastLayout: RenderFrame['layout'] | null = null;
    let pending: number | null = null;
    let pendingDue = Infinity;
    const publish = () => {
      if (pending !== null) window.clearTimeout(pending);
      pending = null;
      pendingDue = Infinity;
      const frame = store.get();
      if (!frame) return;
      lastAt = performance.now();
      lastLayout = frame.layout;
      body.update(rowsOf(frame));
      setCount(frame.layout.symbols.length);
    };
    const schedule = (delay: number) => {
      const due = performance.now() + Math.max(0, delay);
      if (due >= pendingDue) return;
      if (pending !== null) window.clearTimeout(pending);
      pendingDue = due;
      pending = window.setTimeout(publish, Math.max(0, delay));
    };
    const onFrame = () => {
      const frame = store.get();
      if (!frame) return;
      // A new set of symbols is published at once, but in a task of its own: not in the one that
      // delivered the frame, which also updates the map and the status bar.
      if (!lastLayout || !sameSymbols(frame.layout.symbols, lastLayout.symbols)) return schedule(0);
      const wait = frame.layout !== lastLayout ? Math.min(GEOMETRY_MS, throttleMs) : throttleMs;
      schedule(lastAt + wait - performance.now());
    };
    onFrame();
    const unsubscribe = store.subscribe(onFrame);
    return () => {
      unsubscribe();
      if (pending !== null) window.clearTimeout(pending);
      body.destroy();
    };
  }, [store, tbodyRef, throttleMs, onOpen]);

  return count;
}
