/**
 * The table view's rows, written straight to the DOM in small slices instead of through React: a
 * 6,000-row table re-rendered by React on every refresh costs hundreds of milliseconds in one go
 * (or, as a transition, is restarted by every live frame and never ends). Here a refresh touches
 * only the cells whose text changed. Slices run as idle tasks of their own, not inside animation
 * frames: rows are never needed for the next frame, and sharing a frame's task with the map's
 * painting made that task long enough to block input on a phone.
 */
import type { Sector } from '../../relay/protocol.ts';
import { formatPrice, tilePctLabel } from '../format/numbers.ts';
import { movementPhrase } from './accessibleName.ts';
import { whenIdle } from '../scheduling/whenIdle.ts';

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

interface RowElements {
  tr: HTMLTableRowElement;
  sector: HTMLTableCellElement;
  price: HTMLTableCellElement;
  pct: HTMLTableCellElement;
  last: { price: string; pct: string; stale: boolean; rect: string; sector: string };
}

/** The rows to show: their symbols in order, and each row's contents, built when it is written. */
export interface TableRows {
  symbols: readonly string[];
  row(i: number): TableRow;
}

export interface TableBody {
  /** Replaces the rows; the DOM catches up in the next idle moments. */
  update(rows: TableRows): void;
  destroy(): void;
}

/**
 * Time per slice spent writing rows, with the clock read every `ROWS_PER_CHECK` rows. A phone-class
 * CPU is ~4× slower than a desktop one, and while the page starts other threads share its cores:
 * slices of ~2 ms stay well under the 50 ms that counts as a long task there even when stretched.
 */
const BUDGET_MS = 2;
const ROWS_PER_CHECK = 2;

let prototypeRow: HTMLTableRowElement | null = null;

/** An empty row with its cells and roles; rows are cloned from it (cheaper than building each). */
function emptyRow(): HTMLTableRowElement {
  if (prototypeRow) return prototypeRow;
  // Explicit roles keep the table semantics when the off-screen copy is laid out as blocks.
  const tr = document.createElement('tr');
  tr.setAttribute('role', 'row');
  const th = document.createElement('th');
  th.scope = 'row';
  th.setAttribute('role', 'rowheader');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'link';
  th.append(button);
  tr.append(th);
  for (const className of ['', '', 'num', '']) {
    const td = document.createElement('td');
    td.setAttribute('role', 'cell');
    if (className) td.className = className;
    tr.append(td);
  }
  return (prototypeRow = tr);
}

function createRow(row: TableRow): RowElements {
  const tr = emptyRow().cloneNode(true) as HTMLTableRowElement;
  tr.dataset.symbol = row.symbol;
  const [th, name, sector, price, pct] = tr.children as unknown as [HTMLTableCellElement, HTMLTableCellElement, HTMLTableCellElement, HTMLTableCellElement, HTMLTableCellElement];
  const button = th.firstElementChild as HTMLButtonElement;
  button.dataset.open = row.symbol;
  button.textContent = row.symbol;
  name.textContent = row.name;
  return { tr, sector, price, pct, last: { price: '', pct: '', stale: false, rect: '', sector: '' } };
}

function writeRow(els: RowElements, row: TableRow): void {
  const price = formatPrice(row.price);
  const pct = tilePctLabel(row.pct) + (row.stale ? ' (stale)' : '');
  const { last } = els;
  if (last.price !== price) els.price.textContent = last.price = price;
  if (last.pct !== pct) {
    els.pct.textContent = last.pct = pct;
    els.pct.className = `num move ${row.pct > 0 ? 'up' : row.pct < 0 ? 'down' : 'flat'}`;
    els.pct.setAttribute('aria-label', movementPhrase(row.pct) + (row.stale ? ', stale' : ''));
  }
  if (last.stale !== row.stale) {
    els.tr.toggleAttribute('data-stale', row.stale);
    last.stale = row.stale;
  }
  if (last.rect !== row.rect) els.tr.dataset.rect = last.rect = row.rect;
  const sector = row.sector ?? '';
  if (last.sector !== sector) els.sector.textContent = last.sector = sector;
}

export function createTableBody(tbody: HTMLTableSectionElement, onOpen: (symbol: string) => void): TableBody {
  const rows = new Map<string, RowElements>();
  let order: readonly string[] = [];
  let pending: TableRows | null = null;
  let next = 0;
  let reorder = false;
  let cancel: (() => void) | null = null;

  const onClick = (e: MouseEvent) => {
    const symbol = (e.target as HTMLElement).closest<HTMLElement>('[data-open]')?.dataset.open;
    if (symbol) onOpen(symbol);
  };
  tbody.addEventListener('click', onClick);

  const work = () => {
    cancel = null;
    if (!pending) return;
    const started = performance.now();
    const count = pending.symbols.length;
    while (next < count && performance.now() - started < BUDGET_MS) {
      // Check the clock every few rows; performance.now() is not free either.
      for (const end = Math.min(count, next + ROWS_PER_CHECK); next < end; next++) {
        const row = pending.row(next);
        let els = rows.get(row.symbol);
        if (!els) rows.set(row.symbol, (els = createRow(row)));
        writeRow(els, row);
        if (reorder) tbody.append(els.tr);
      }
    }
    if (next < count) cancel = whenIdle(work);
    else {
      pending = null;
      reorder = false;
    }
  };

  return {
    update(newRows) {
      const { symbols } = newRows;
      const changed = symbols.length !== order.length || symbols.some((s, i) => s !== order[i]);
      // An unfinished reordering pass must be redone in full for the new rows.
      reorder = changed || (pending !== null && reorder);
      if (changed) {
        const keep = new Set(symbols);
        for (const [symbol, els] of rows) {
          if (!keep.has(symbol)) {
            els.tr.remove();
            rows.delete(symbol);
          }
        }
        order = symbols;
      }
      pending = newRows;
      next = 0;
      cancel ??= whenIdle(work);
    },
    destroy() {
      cancel?.();
      tbody.removeEventListener('click', onClick);
    },
  };
}
