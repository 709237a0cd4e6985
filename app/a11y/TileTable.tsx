/**
 * The same data as the map, as a table: for screen readers (visually hidden by default) and as a
 * visible view on request. Each row's symbol opens the detail panel, so tiles too small to click
 * are still reachable.
 */
import { memo } from 'react';
import { formatPrice, tilePctLabel } from '../format/numbers.ts';
import { movementPhrase } from './accessibleName.ts';
import { shallowEqual } from '../data/useFrameSelector.ts';
import { useTableRows, type TableRow } from './useTableRows.ts';
import './table.css';

export interface TileTableProps {
  visible: boolean;
  onOpen(symbol: string): void;
}

export function TileTable({ visible, onOpen }: TileTableProps) {
  const { rows, shown } = useTableRows(visible ? 1000 : 3000);
  return (
    <div className={visible ? 'tile-table' : 'tile-table visually-hidden'} data-testid="tile-table" data-rows={rows.length}>
      <table>
        <caption>
          {rows.length} stocks in view{shown < rows.length ? ` (listing ${shown}…)` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Symbol</th>
            <th scope="col">Name</th>
            <th scope="col">Sector</th>
            <th scope="col" className="num">Price</th>
            <th scope="col" className="num">Change</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, shown).map((row) => (
            <Row key={row.symbol} row={row} onOpen={onOpen} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

const Row = memo(function Row({ row, onOpen }: { row: TableRow; onOpen(symbol: string): void }) {
  const dir = row.pct > 0 ? 'up' : row.pct < 0 ? 'down' : 'flat';
  return (
    <tr data-symbol={row.symbol} data-stale={row.stale || undefined} data-rect={row.rect}>
      <th scope="row">
        <button type="button" className="link" onClick={() => onOpen(row.symbol)}>
          {row.symbol}
        </button>
      </th>
      <td>{row.name}</td>
      <td>{row.sector ?? ''}</td>
      <td className="num">{formatPrice(row.price)}</td>
      <td className={`num move ${dir}`} aria-label={movementPhrase(row.pct) + (row.stale ? ', stale' : '')}>
        {tilePctLabel(row.pct)}
        {row.stale ? ' (stale)' : ''}
      </td>
    </tr>
  );
}, (a, b) => a.onOpen === b.onOpen && shallowEqual(a.row, b.row));
