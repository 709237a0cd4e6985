/**
 * Turns a delta's rows into a column-delta frame for clients that asked for binary deltas.
 * A column delta carries the tick fields only; rows that change anything else (staleness, the
 * previous close) or name a symbol outside the current order go out as a JSON `delta` instead,
 * which every client accepts.
 */
import { encodeColumnDelta } from '../columnDelta.ts';
import { COLUMN_FIELDS, type ColumnField, type QuoteUpdate } from '../protocol.ts';
import type { SnapshotStore } from '../snapshot.ts';

const CARRIED: ReadonlySet<string> = new Set(['symbol', ...COLUMN_FIELDS]);

export function columnFrameFor(rows: readonly QuoteUpdate[], store: SnapshotStore, seq: number, sentAt: number): ArrayBuffer | null {
  const order = store.order();
  const positions = new Uint32Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    for (const key in row) if (!CARRIED.has(key)) return null;
    const position = order.position.get(row.symbol);
    if (position === undefined) return null;
    positions[k] = position;
  }
  // The store already holds every row's new values; unchanged fields come from it too.
  const value = (k: number, field: ColumnField) => order.quotes[positions[k]!]![field];
  return encodeColumnDelta({ seq, sent_at: sentAt, order: order.hash, positions, value });
}
