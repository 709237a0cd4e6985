/**
 * Keyboard access to the canvas: one real button sits over the active tile and carries its
 * accessible name. Arrow keys move to the neighbouring tile (the button is re-keyed per symbol, so
 * screen readers announce the new tile), Enter opens details, Z zooms into the tile's sector.
 */
import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import type { FrameLayout } from '../../engine/api.ts';
import type { Sector } from '../../relay/protocol.ts';
import type { RenderFrame } from '../data/frameStore.ts';
import { useFrameSelector, shallowEqual } from '../data/useFrameSelector.ts';
import { layoutIndex, tileInfo, tileSector } from '../data/tileLookup.ts';
import { tileAccessibleName } from './accessibleName.ts';
import { isNavKey, nextTile } from './keyboardNav.ts';

export interface TileFocusProps {
  active: string | null;
  onActiveChange(symbol: string): void;
  onOpen(symbol: string): void;
  onZoom(sector: Sector): void;
  /** Asks the focus to land on the button after the next render (e.g. when a panel closes). */
  focusRequest: number;
}

const selectLayout = (f: RenderFrame | null): FrameLayout | null => f?.layout ?? null;

export function TileFocus({ active, onActiveChange, onOpen, onZoom, focusRequest }: TileFocusProps) {
  const layout = useFrameSelector(selectLayout);
  const current = active !== null && layout && layoutIndex(layout).has(active) ? active : (layout?.symbols[0] ?? null);
  const select = useCallback((f: RenderFrame | null) => tileInfo(f, current), [current]);
  const tile = useFrameSelector(select, (a, b) => (a && b ? shallowEqual(a, b) : a === b));
  const wantFocus = useRef(false);
  const button = useRef<HTMLButtonElement | null>(null);

  useEffect(() => {
    if (focusRequest > 0) button.current?.focus();
  }, [focusRequest]);

  const attach = useCallback((el: HTMLButtonElement | null) => {
    button.current = el;
    if (el && wantFocus.current) {
      wantFocus.current = false;
      el.focus();
    }
  }, []);

  if (!layout || !tile || current === null) return null;

  const onKeyDown = (e: KeyboardEvent) => {
    if (isNavKey(e.key)) {
      e.preventDefault();
      const next = nextTile(layout, layoutIndex(layout).get(current) ?? -1, e.key);
      const symbol = layout.symbols[next];
      if (symbol && symbol !== current) {
        wantFocus.current = true;
        onActiveChange(symbol);
      }
    } else if (e.key === 'z' || e.key === 'Z') {
      const sector = tileSector(layout, layoutIndex(layout).get(current) ?? -1);
      if (sector) onZoom(sector);
    }
  };

  return (
    <button
      key={current}
      ref={attach}
      type="button"
      className="tile-focus"
      data-symbol={current}
      style={{ left: tile.x, top: tile.y, width: tile.w, height: tile.h }}
      aria-label={tileAccessibleName(tile)}
      aria-describedby="heatmap-keys"
      onKeyDown={onKeyDown}
      onClick={() => onOpen(current)}
    />
  );
}
