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
  const count = useTableRows(tbody, visible ? 1000 : 10_000, onOpen);
  return (
    <div className={visible ? 'tile-table' : 'tile-table offscreen'} data-testid="tile-table" data-rows={count}>
      <table role="table">
        <caption>{count} stocks in view</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              Symbol
            </th>
            <th scope="col" role="columnheader">
              Name
            </th>
            <th scope="col" role="columnheader">
              Sector
            </th>
            <th scope="col" role="columnheader" className="num">
              Price
            </th>
            <th scope="col" role="columnheader" className="num">
              Change
            </th>
          </tr>
        </thead>
        <tbody ref={tbody} role="rowgroup" />
      </table>
    </div>
  );
}
