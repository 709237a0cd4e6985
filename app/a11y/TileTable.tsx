/**
 * The same data as the map, as a table: for screen readers (visually hidden by default) and as a
 * visible view on request. Each row's symbol opens the detail panel, so tiles too small to click
 * are still reachable. Rows are written by tableBody.ts, not React (see there why).
 */
import { useRef } from 'react';
import { useTableRows } from './useTableRows.ts';
import './table.css';

export interface TileTableProps {
  visible: boolean;
  onOpen(symbol: string): void;
}

export function TileTable({ visible, onOpen }: TileTableProps) {
  const tbody = useRef<HTMLTableSectionElement | null>(null);
  const count = useTableRows(tbody, visible ? 1000 : 3000, onOpen);
  return (
    <div className={visible ? 'tile-table' : 'tile-table offscreen'} data-testid="tile-table" data-rows={count}>
      <table>
        <caption>{count} stocks in view</caption>
        <thead>
          <tr>
            <th scope="col">Symbol</th>
            <th scope="col">Name</th>
            <th scope="col">Sector</th>
            <th scope="col" className="num">
              Price
            </th>
            <th scope="col" className="num">
              Change
            </th>
          </tr>
        </thead>
        <tbody ref={tbody} />
      </table>
    </div>
  );
}
