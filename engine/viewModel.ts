/**
 * The engine's side of one view: the filters, the parsed criteria and the layout it keeps stable
 * between calls. `compute` turns the market's quotes into a ViewFrame. Told which quotes changed,
 * it updates the view's typed columns for those alone; the rest of the work (the layout's share
 * check, the stats) then runs over typed arrays, not quotes.
 */
import type { Quote } from '../relay/protocol.ts';
import { DEFAULT_VIEW, type CriteriaError, type View } from './api.ts';
import type { Criteria } from './criteria/parse.ts';
import { parseCriteria } from './criteria/parse.ts';
import { filterQuotes, type FilterResult } from './filter.ts';
import { computeLayout, type LayoutState } from './layout.ts';
import type { ViewFrame } from './frame.ts';
import { computeStats } from './stats.ts';
import { arrangeTiles, createColumns, updateColumns, type TileColumns } from './tileColumns.ts';

export interface ViewModel {
  readonly view: View;
  setView(view: View): void;
  /**
   * `quotes` is the market's map: deltas mutate its quotes, snapshots replace the map. `changed`
   * lists the quotes changed since the previous call (merge.ts `takeChanges`); null means any may have.
   */
  compute(quotes: ReadonlyMap<string, Quote>, changed?: readonly Quote[] | null): ViewFrame;
}

export function createViewModel(initial: View = DEFAULT_VIEW): ViewModel {
  let view = normalizeView(initial);
  let criteria: { text: string; parsed: Criteria | null; error: CriteriaError | null } = compile(view.criteria);
  let layout: LayoutState | null = null;
  let filtered: { quotes: ReadonlyMap<string, Quote>; view: View; result: FilterResult } | null = null;
  let columns: TileColumns | null = null;

  /**
   * Universe, sectors, search and zoom depend on fields a delta never changes, so while the view
   * and the market's map are the same the filtered list can be reused; a cap range or criteria
   * read live values and are re-applied every time.
   */
  function filter(quotes: ReadonlyMap<string, Quote>): FilterResult {
    const live = view.capMin !== null || view.capMax !== null || criteria.parsed !== null;
    if (!live && filtered?.quotes === quotes && filtered.view === view) return filtered.result;
    const result = filterQuotes(quotes.values(), view, criteria.parsed);
    filtered = live ? null : { quotes, view, result };
    return result;
  }

  return {
    get view() {
      return view;
    },
    setView(next) {
      view = normalizeView(next);
      if (view.criteria !== criteria.text) criteria = compile(view.criteria);
    },
    compute(quotes, changed = null) {
      const { quotes: shown, total } = filter(quotes);
      // The same filtered array means the same map, view and tiles: only `changed` needs a look.
      if (changed && columns?.quotes === shown) updateColumns(columns, changed);
      else columns = createColumns(shown, view);
      layout = computeLayout({ quotes: shown, sizeBy: view.sizeBy, width: view.width, height: view.height, sizes: columns.sizes }, layout);
      if (columns.order !== layout.order) arrangeTiles(columns, layout.order);
      return {
        // The columns live on; each frame gets arrays of its own to transfer.
        values: columns.values.slice(), prices: columns.prices.slice(), stale: columns.stale.slice(),
        layout: layout.layout, stats: computeStats(shown, total, columns.pct), criteriaError: criteria.error,
      };
    },
  };
}

/** An invalid expression filters nothing (the error is shown), so a typo never blanks the map. */
function compile(text: string) {
  const parsed = parseCriteria(text);
  return parsed.ok ? { text, parsed: parsed.criteria, error: null } : { text, parsed: null, error: parsed.error };
}

/** Views come from the UI: a NaN or negative viewport would poison the layout, so clamp it. */
function normalizeView(v: View): View {
  const side = (n: number) => (Number.isFinite(n) && n > 0 ? n : 0);
  return { ...v, width: side(v.width), height: side(v.height) };
}
