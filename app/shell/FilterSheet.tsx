/** Small screens: every control in one bottom sheet, opened from the header's Filters button. */
import type { ViewState } from '../state/viewState.ts';
import type { UpdateViewState } from '../state/useViewState.ts';
import { BottomSheet } from '../controls/BottomSheet.tsx';
import { FilterControls } from '../controls/FilterControls.tsx';
import { SearchBox } from '../controls/SearchBox.tsx';
import { UniverseSelect } from '../controls/UniverseSelect.tsx';
import { ThemeToggle } from './Header.tsx';

export interface FilterSheetProps {
  open: boolean;
  onClose(): void;
  state: ViewState;
  update: UpdateViewState;
  onWallboard(): void;
}

export function FilterSheet({ open, onClose, state, update, onWallboard }: FilterSheetProps) {
  return (
    <BottomSheet open={open} title="Filters and display" onClose={onClose}>
      <div className="sheet-row">
        <UniverseSelect value={state.universe} onChange={(universe) => update({ universe, zoom: null })} />
        <SearchBox value={state.search} onChange={(search) => update({ search })} />
      </div>
      <FilterControls state={state} update={update} stacked />
      <div className="sheet-row">
        <button type="button" className="button" aria-pressed={state.table} onClick={() => update({ table: !state.table })}>
          Table view
        </button>
        <ThemeToggle state={state} update={update} />
        <button type="button" className="button" onClick={onWallboard}>
          Wallboard
        </button>
      </div>
    </BottomSheet>
  );
}
