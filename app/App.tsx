/**
 * The app shell: view state (in the URL) → engine view; frames → canvas, status and lists.
 * Selection, the open panel and the zoom are UI state here, so live frames never reset them.
 */
import { Suspense, lazy, useCallback, useMemo, useState } from 'react';
import type { Sector } from '../relay/protocol.ts';
import { useViewState } from './state/useViewState.ts';
import { toEngineView, DEFAULT_VIEW_STATE } from './state/viewState.ts';
import { useMediaQuery } from './state/useMediaQuery.ts';
import { createFlag } from './state/flag.ts';
import { useMapStill } from './heatmap/useMapStill.ts';
import { useEngineView } from './data/useEngineView.ts';
import { sceneKeyOf } from './heatmap/savedScene.ts';
import { createColorScale } from './color/colorScale.ts';
import { Heatmap } from './heatmap/Heatmap.tsx';
import { labelSizesFor } from './heatmap/labelSizes.ts';
import { Header } from './shell/Header.tsx';
import { FilterSheet } from './shell/FilterSheet.tsx';
import { Breadcrumb } from './shell/Breadcrumb.tsx';
import { useEscapeKey } from './shell/useGlobalKeys.ts';
import { useDocumentTheme } from './shell/useDocumentTheme.ts';
import { FilterControls } from './controls/FilterControls.tsx';
import { StatusBanner } from './status/StatusBar.tsx';
import { EmptyStateView } from './status/EmptyStateView.tsx';
import { MoversPanel } from './lists/MoversPanel.tsx';
import { TileTable } from './a11y/TileTable.tsx';
import { WallboardBar } from './wallboard/WallboardBar.tsx';
import { useWakeLock } from './wallboard/useWakeLock.ts';
import { useSectorCycle } from './wallboard/useSectorCycle.ts';
import { PwaControls } from './pwa/PwaControls.tsx';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';

// Loaded on first use: the panel brings the sparkline's d3 scale and shape code with it.
const DetailPanel = lazy(() => import('./detail/DetailPanel.tsx').then((m) => ({ default: m.DetailPanel })));

export function App() {
  const [state, update] = useViewState();
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const mapPainted = useMemo(() => createFlag(), []);
  const view = useMemo(() => (size ? toEngineView(state, size) : null), [state, size]);
  useEngineView(view);
  // The map on screen is saved for the next start, which shows it before anything else loads.
  const sceneKey = useMemo(() => sceneKeyOf(toEngineView(state, { width: 0, height: 0 })), [state]);
  const scale = useMemo(() => createColorScale(state.palette, state.domain), [state.palette, state.domain]);
  const mapStill = useMapStill();
  const small = useMediaQuery('(max-width: 760px)');
  const wide = useMediaQuery('(min-width: 1200px)');
  const [active, setActive] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const [sheetOpen, setSheetOpen] = useState(false);
  useDocumentTheme(state.theme, state.palette, state.wallboard);
  useWakeLock(state.wallboard);
  const setZoomQuietly = useCallback((zoom: Sector | null) => update({ zoom }, { history: 'replace' }), [update]);
  useSectorCycle({ seconds: state.wallboard ? state.cycle : 0, sectors: state.sectors, zoom: state.zoom, setZoom: setZoomQuietly });

  const openDetail = useCallback((symbol: string) => {
    setActive(symbol);
    setSelected(symbol);
  }, []);
  const closeDetail = useCallback(() => {
    setSelected(null);
    setFocusRequest((n) => n + 1);
  }, []);
  const zoom = useCallback((sector: Sector | null) => update({ zoom: sector }), [update]);
  useEscapeKey(useCallback(() => (selected ? closeDetail() : state.zoom && zoom(null)), [selected, closeDetail, state.zoom, zoom]));

  const enterWallboard = useCallback(() => {
    setSheetOpen(false);
    update({ wallboard: true });
    document.documentElement.requestFullscreen?.().catch(() => undefined);
  }, [update]);
  const exitWallboard = useCallback(() => {
    update({ wallboard: false });
    if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
  }, [update]);
  const clearFilters = useCallback(
    () => update({ sectors: [], cap: 'all', search: '', criteria: '', zoom: DEFAULT_VIEW_STATE.zoom }),
    [update],
  );

  return (
    <div className={`app${state.wallboard ? ' is-wallboard' : ''}${state.table ? ' with-table' : ''}`} data-testid="app">
      {state.wallboard ? (
        <WallboardBar zoom={state.zoom} cycle={state.cycle} onCycle={(cycle) => update({ cycle })} onExit={exitWallboard} />
      ) : (
        <>
          <Header state={state} update={update} small={small} onOpenFilters={() => setSheetOpen(true)} onWallboard={enterWallboard} />
          {!small && (
            <div className="toolbar">
              <FilterControls state={state} update={update} stacked={false} />
            </div>
          )}
        </>
      )}
      {!state.wallboard && <StatusBanner />}
      <main className={`content${wide && !state.wallboard ? ' with-movers' : ''}`}>
        <section className="map-area" aria-label="Heatmap">
          {!state.wallboard && <Breadcrumb zoom={state.zoom} onZoomOut={() => zoom(null)} palette={state.palette} domain={state.domain} />}
          <div className="map-stage">
            <Heatmap
              sceneKey={sceneKey}
              scale={scale}
              theme={state.theme}
              palette={state.palette}
              labelSizes={labelSizesFor(state.wallboard)}
              reducedMotion={mapStill}
              active={active}
              selected={selected}
              focusRequest={focusRequest}
              onActiveChange={setActive}
              onOpenDetail={openDetail}
              onZoom={zoom}
              onResize={setSize}
              onMapPainted={mapPainted.set}
            />
            <EmptyStateView onClearFilters={clearFilters} mapPainted={mapPainted} />
          </div>
          <TileTable visible={state.table && !state.wallboard} onOpen={openDetail} />
        </section>
        {wide && !state.wallboard && <MoversPanel onOpen={openDetail} />}
        {selected && (
          <Suspense fallback={null}>
            <DetailPanel symbol={selected} onClose={closeDetail} />
          </Suspense>
        )}
      </main>
      {small && !state.wallboard && (
        <FilterSheet open={sheetOpen} onClose={() => setSheetOpen(false)} state={state} update={update} onWallboard={enterWallboard} />
      )}
      <PwaControls wallboard={state.wallboard} />
    </div>
  );
}
