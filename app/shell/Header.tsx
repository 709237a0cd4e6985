/** The top bar: brand, universe, search, market session, feed state and view toggles. */
import type { ViewState } from '../state/viewState.ts';
import type { UpdateViewState } from '../state/useViewState.ts';
import { UniverseSelect } from '../controls/UniverseSelect.tsx';
import { SearchBox } from '../controls/SearchBox.tsx';
import { ConnectionPill, SessionBadge } from '../status/StatusBar.tsx';
import { FilterIcon, MoonIcon, SunIcon, TableIcon, WallboardIcon } from './icons.tsx';

export interface HeaderProps {
  state: ViewState;
  update: UpdateViewState;
  small: boolean;
  onOpenFilters(): void;
  onWallboard(): void;
}

export function Header({ state, update, small, onOpenFilters, onWallboard }: HeaderProps) {
  return (
    <header className="topbar">
      <h1 className="brand">
        <span className="brand-mark" aria-hidden="true" />
        {small ? 'Heatmap' : 'Market Heatmap'}
      </h1>
      {!small && <UniverseSelect value={state.universe} onChange={(universe) => update({ universe, zoom: null })} />}
      {!small && <SearchBox value={state.search} onChange={(search) => update({ search })} />}
      <div className="topbar-status">
        <SessionBadge />
        <ConnectionPill />
      </div>
      <div className="topbar-actions">
        {small ? (
          <button type="button" className="button primary" onClick={onOpenFilters} data-testid="open-filters">
            <FilterIcon />
            Filters
          </button>
        ) : (
          <>
            <button
              type="button"
              className="icon-button"
              aria-pressed={state.table}
              onClick={() => update({ table: !state.table })}
              title="Table view"
              data-testid="toggle-table"
            >
              <TableIcon />
              <span className="visually-hidden">Table view</span>
            </button>
            <ThemeToggle state={state} update={update} />
            <button type="button" className="icon-button" onClick={onWallboard} title="Wallboard mode" data-testid="wallboard-on">
              <WallboardIcon />
              <span className="visually-hidden">Wallboard mode</span>
            </button>
          </>
        )}
      </div>
    </header>
  );
}

export function ThemeToggle({ state, update }: { state: ViewState; update: UpdateViewState }) {
  const next = state.theme === 'dark' ? 'light' : 'dark';
  return (
    <button type="button" className="icon-button" onClick={() => update({ theme: next })} title={`Switch to ${next} theme`} data-testid="theme-toggle">
      {state.theme === 'dark' ? <SunIcon /> : <MoonIcon />}
      <span className="visually-hidden">Switch to {next} theme</span>
    </button>
  );
}
