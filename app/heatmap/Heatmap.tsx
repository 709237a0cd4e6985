/**
 * The live map: a canvas painted by the renderer, with DOM overlays for what must stay in the DOM
 * (keyboard focus and accessible names, hover outline, tooltip). Live frames never reset the
 * active tile, an open readout or the zoom; those belong to the app.
 */
import { useMemo, useRef, useState, useCallback } from 'react';
import type { Sector } from '../../relay/protocol.ts';
import type { ColorScale } from '../color/colorScale.ts';
import type { PaletteId, Theme } from '../state/viewState.ts';
import { Tooltip } from '../detail/Tooltip.tsx';
import { TileFocus } from '../a11y/TileFocus.tsx';
import { canvasTheme } from './themes.ts';
import { useHeatmapRenderer } from './useHeatmapRenderer.ts';
import type { LabelSizes } from './labelSizes.ts';
import { usePointerTiles } from './usePointerTiles.ts';
import { TileOutline } from './TileOutline.tsx';
import { useSceneKeeper } from './useSceneKeeper.ts';
import './heatmap.css';

export interface HeatmapProps {
  /** The view the map shows (sceneKeyOf), under which it is saved for the next start. */
  sceneKey: string;
  scale: ColorScale;
  theme: Theme;
  palette: PaletteId;
  labelSizes: LabelSizes;
  reducedMotion: boolean;
  active: string | null;
  selected: string | null;
  focusRequest: number;
  onActiveChange(symbol: string): void;
  onOpenDetail(symbol: string): void;
  onZoom(sector: Sector): void;
  onResize(size: { width: number; height: number }): void;
  /** Whether the canvas now shows tiles (told when that changes). */
  onMapPainted?(painted: boolean): void;
}

export function Heatmap(props: HeatmapProps) {
  const { scale, theme, palette, labelSizes, reducedMotion, onResize } = props;
  const containerRef = useRef<HTMLDivElement | null>(null);
  const [bounds, setBounds] = useState({ width: 0, height: 0 });
  const options = useMemo(
    () => ({ scale, theme: canvasTheme(theme, palette), labelSizes, reducedMotion }),
    [scale, theme, palette, labelSizes, reducedMotion],
  );
  const handleResize = useCallback(
    (size: { width: number; height: number }) => {
      setBounds(size);
      onResize(size);
    },
    [onResize],
  );
  const { rendererRef } = useHeatmapRenderer(containerRef, options, handleResize, props.onMapPainted);
  useSceneKeeper(props.sceneKey, rendererRef);
  const { readout, cursor, handlers } = usePointerTiles(rendererRef, {
    openDetail: props.onOpenDetail,
    zoom: props.onZoom,
  });

  return (
    <div
      ref={containerRef}
      className="heatmap"
      data-testid="heatmap"
      style={{ cursor }}
      onPointerMove={handlers.onPointerMove}
      onPointerDown={handlers.onPointerDown}
      onPointerUp={handlers.onPointerUp}
      onPointerLeave={handlers.onPointerLeave}
      onPointerCancel={handlers.onPointerCancel}
      onContextMenu={(e) => readout?.pinned && e.preventDefault()}
    >
      {/* The map's canvas comes first in here, put in by useHeatmapRenderer (made outside React). */}
      <p id="heatmap-keys" className="visually-hidden">
        Arrow keys move between stocks, Enter opens details, Z zooms into the stock's sector, Escape zooms out.
      </p>
      {readout && <TileOutline symbol={readout.symbol} kind="hover" />}
      {props.selected && <TileOutline symbol={props.selected} kind="selected" />}
      <TileFocus
        active={props.active}
        onActiveChange={props.onActiveChange}
        onOpen={props.onOpenDetail}
        onZoom={props.onZoom}
        focusRequest={props.focusRequest}
      />
      {readout && <Tooltip symbol={readout.symbol} x={readout.x} y={readout.y} pinned={readout.pinned} bounds={bounds} />}
    </div>
  );
}
