/**
 * The byte layout of a column delta (see protocol.ts): one binary WebSocket frame, little-endian,
 * every column aligned so the receiver reads it in place as a typed array, with no parsing.
 *
 *   offset  0  u32  magic "QDC1"
 *           4  u32  rows (n)
 *           8  u32  order: symbolOrderHash of the snapshot the positions refer to
 *          12  u32  reserved, 0
 *          16  f64  seq
 *          24  f64  sent_at
 *          32  f64 × n for each of COLUMN_FIELDS, in that order
 *   32 + 48n  u32 × n  index (each row's position in the snapshot)
 *
 * Decoding checks the frame's shape here and its values with ColumnDeltaMessageSchema, so a
 * truncated, foreign or corrupt frame becomes a reason, never a half-applied delta.
 */
import { COLUMN_FIELDS, ColumnDeltaMessageSchema, type ColumnDeltaMessage, type ColumnField } from './protocol.ts';

const MAGIC = 0x31434451; // "QDC1" read as a little-endian u32
const HEADER_BYTES = 32;
const BYTES_PER_ROW = 8 * COLUMN_FIELDS.length + 4;

export const columnDeltaBytes = (rows: number) => HEADER_BYTES + BYTES_PER_ROW * rows;

/** FNV-1a over the symbols in order: both ends compute it to agree on what a position means. */
export function symbolOrderHash(symbols: Iterable<string>): number {
  let h = 0x811c9dc5;
  for (const symbol of symbols) {
    for (let i = 0; i < symbol.length; i++) h = Math.imul(h ^ symbol.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x2c, 0x01000193); // ',' between symbols, so AB,C differs from A,BC
  }
  return h >>> 0;
}

export interface ColumnDeltaInput {
  seq: number;
  sent_at: number;
  order: number;
  /** Row k is the quote at snapshot position `positions[k]`, with values `value(k, field)`. */
  positions: ArrayLike<number>;
  value(row: number, field: ColumnField): number;
}

export function encodeColumnDelta(input: ColumnDeltaInput): ArrayBuffer {
  const n = input.positions.length;
  const buffer = new ArrayBuffer(columnDeltaBytes(n));
  const head = new DataView(buffer, 0, HEADER_BYTES);
  head.setUint32(0, MAGIC, true);
  head.setUint32(4, n, true);
  head.setUint32(8, input.order, true);
  head.setFloat64(16, input.seq, true);
  head.setFloat64(24, input.sent_at, true);
  COLUMN_FIELDS.forEach((field, f) => {
    const column = new Float64Array(buffer, HEADER_BYTES + 8 * n * f, n);
    for (let k = 0; k < n; k++) column[k] = input.value(k, field);
  });
  new Uint32Array(buffer, HEADER_BYTES + 8 * n * COLUMN_FIELDS.length, n).set(input.positions);
  return buffer;
}

export type Decoded = { ok: true; value: ColumnDeltaMessage } | { ok: false; detail: string };

/** Reads a frame (an ArrayBuffer, or a view of one such as Node's Buffer) as a checked column delta. */
export function decodeColumnDelta(frame: ArrayBuffer | ArrayBufferView): Decoded {
  const buffer = aligned(frame);
  if (buffer.byteLength < HEADER_BYTES) return { ok: false, detail: `binary frame of ${buffer.byteLength} bytes is shorter than a header` };
  const head = new DataView(buffer, 0, HEADER_BYTES);
  if (head.getUint32(0, true) !== MAGIC) return { ok: false, detail: 'binary frame is not a column delta (bad magic)' };
  const n = head.getUint32(4, true);
  if (buffer.byteLength !== columnDeltaBytes(n)) {
    return { ok: false, detail: `column delta of ${n} rows needs ${columnDeltaBytes(n)} bytes, got ${buffer.byteLength}` };
  }
  const columns = Object.fromEntries(COLUMN_FIELDS.map((field, f) => [field, new Float64Array(buffer, HEADER_BYTES + 8 * n * f, n)])) as Record<ColumnField, Float64Array>;
  const result = ColumnDeltaMessageSchema.safeParse({
    type: 'column_delta',
    seq: head.getFloat64(16, true),
    sent_at: head.getFloat64(24, true),
    order: head.getUint32(8, true),
    index: new Uint32Array(buffer, HEADER_BYTES + 8 * n * COLUMN_FIELDS.length, n),
    ...columns,
  });
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return { ok: false, detail: `column_delta: ${issue?.path.map(String).join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
}

/** The frame as an ArrayBuffer of its own: browsers hand one over; a view (Node's Buffer) is copied. */
function aligned(frame: ArrayBuffer | ArrayBufferView): ArrayBuffer {
  if (frame instanceof ArrayBuffer) return frame;
  return new Uint8Array(frame.buffer, frame.byteOffset, frame.byteLength).slice().buffer;
}
