import { describe, expect, it } from 'vitest';
import { columnDeltaBytes, decodeColumnDelta, encodeColumnDelta, symbolOrderHash, type ColumnDeltaInput } from './columnDelta.ts';
import { COLUMN_FIELDS, type ColumnField } from './protocol.ts';

const ROWS: Record<ColumnField, number>[] = [
  { price: 101.25, change: 1.25, pct_change: 1.25, volume: 1_200_300, market_cap: 3_000_000_000, timestamp: 1_750_000_000_000 },
  { price: 0.0042, change: -0.0001, pct_change: -2.33, volume: 0, market_cap: 12_345, timestamp: 1_750_000_001_000 },
];

function input(rows = ROWS, positions: number[] = [4, 0]): ColumnDeltaInput {
  return { seq: 42, sent_at: 1_750_000_002_000, order: 0xdeadbeef, positions, value: (k, f) => rows[k]![f] };
}

/** Writes `value` over row `row` of column `field` in an encoded frame. */
function poke(buffer: ArrayBuffer, rows: number, field: ColumnField, row: number, value: number): ArrayBuffer {
  new Float64Array(buffer, 32 + 8 * rows * COLUMN_FIELDS.indexOf(field), rows)[row] = value;
  return buffer;
}

describe('encodeColumnDelta / decodeColumnDelta', () => {
  it('round-trips every field, the positions and the header exactly', () => {
    const decoded = decodeColumnDelta(encodeColumnDelta(input()));
    if (!decoded.ok) throw new Error(decoded.detail);
    const m = decoded.value;
    expect([m.type, m.seq, m.sent_at, m.order]).toEqual(['column_delta', 42, 1_750_000_002_000, 0xdeadbeef]);
    expect([...m.index]).toEqual([4, 0]);
    for (const f of COLUMN_FIELDS) expect([...m[f]]).toEqual(ROWS.map((r) => r[f]));
  });

  it('is 32 bytes plus 52 per row', () => {
    expect(encodeColumnDelta(input()).byteLength).toBe(columnDeltaBytes(2));
    expect(columnDeltaBytes(6_000)).toBe(32 + 52 * 6_000);
  });

  it('reads a frame handed over as an unaligned view (Node Buffer from a pooled slab)', () => {
    const frame = new Uint8Array(encodeColumnDelta(input()));
    const slab = new Uint8Array(frame.length + 3);
    slab.set(frame, 3);
    const decoded = decodeColumnDelta(slab.subarray(3));
    expect(decoded.ok && [...decoded.value.price]).toEqual([101.25, 0.0042]);
  });

  it.each([
    ['a short frame', () => new ArrayBuffer(8), /shorter than a header/],
    ['a foreign frame', () => new Uint8Array(64).buffer, /bad magic/],
    ['a truncated frame', () => encodeColumnDelta(input()).slice(0, 100), /needs 136 bytes, got 100/],
    ['a frame with bytes appended', () => { const b = new Uint8Array(200); b.set(new Uint8Array(encodeColumnDelta(input()))); return b.buffer; }, /got 200/],
    ['a NaN price', () => poke(encodeColumnDelta(input()), 2, 'price', 1, NaN), /price: row 1: NaN/],
    ['a negative price', () => poke(encodeColumnDelta(input()), 2, 'price', 1, -3), /price: row 1: Too small/],
    ['an infinite change', () => poke(encodeColumnDelta(input()), 2, 'change', 0, Infinity), /change: row 0/],
    ['a fractional volume', () => poke(encodeColumnDelta(input()), 2, 'volume', 0, 1.5), /volume: row 0: 1.5/],
    ['a negative timestamp', () => poke(encodeColumnDelta(input()), 2, 'timestamp', 1, -1), /timestamp: row 1/],
  ])('rejects %s with a reason', (_label, frame, reason) => {
    const decoded = decodeColumnDelta(frame());
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.detail).toMatch(reason);
  });

  it('rejects a header whose seq is not a positive integer', () => {
    const buffer = encodeColumnDelta(input());
    new DataView(buffer).setFloat64(16, 2.5, true);
    expect(decodeColumnDelta(buffer)).toMatchObject({ ok: false, detail: expect.stringMatching(/seq/) });
  });

  it('accepts an empty delta', () => {
    expect(decodeColumnDelta(encodeColumnDelta(input([], []))).ok).toBe(true);
  });
});

describe('symbolOrderHash', () => {
  it('depends on the order and on where symbols split', () => {
    const hashes = [['AB', 'C'], ['A', 'BC'], ['C', 'AB'], ['AB', 'C', 'D']].map(symbolOrderHash);
    expect(new Set(hashes).size).toBe(4);
    expect(symbolOrderHash(['AB', 'C'])).toBe(hashes[0]);
    expect(hashes.every((h) => Number.isInteger(h) && h >= 0 && h < 2 ** 32)).toBe(true);
  });
});
