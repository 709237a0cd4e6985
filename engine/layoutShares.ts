/**
 * When a layout is worth redoing. Each tile's share of its sector, and each sector's share of the
 * map, is compared with the share it had when it was last laid out; a relative change below
 * `RELAYOUT_TOLERANCE` leaves the geometry as it is. Shares, not sizes: a market-wide move changes
 * every cap but no share. A tile whose share moved re-lays out its own sector only, and only a
 * sector whose share of the map moved re-lays out the whole map.
 *
 * Arrays are indexed by input position (tiles) and by sector position (`sectorOf[i]`).
 */

/** At 0.4 % a tile's area stays within 1 % of its share even through an industry's own drift. */
export const RELAYOUT_TOLERANCE = 0.004;

/** The sizes the current geometry was computed from. */
export interface Baseline {
  /** Per tile: its size when its sector was last laid out. */
  sizes: Float64Array;
  /** Per sector: the sum of `sizes` over its tiles (the sector's last layout). */
  inner: Float64Array;
  /** Per sector: its total when the map's sectors were last laid out. */
  outer: Float64Array;
}

export function createBaseline(sizes: Float64Array, sectorOf: Int32Array, sectorCount: number): Baseline {
  const totals = sectorTotals(sizes, sectorOf, sectorCount);
  return { sizes: sizes.slice(), inner: totals, outer: totals.slice() };
}

export function sectorTotals(sizes: Float64Array, sectorOf: Int32Array, sectorCount: number): Float64Array {
  const totals = new Float64Array(sectorCount);
  for (let i = 0; i < sizes.length; i++) {
    const j = sectorOf[i]!;
    totals[j] = totals[j]! + sizes[i]!;
  }
  return totals;
}

const isMoved = (ratio: number) => Math.abs(ratio - 1) > RELAYOUT_TOLERANCE;

/**
 * The sectors to lay out again for `sizes`: 'all' when a sector's share of the map moved (every
 * sector box changes then), else the sectors in which some tile's share moved (often none).
 */
export function movedSectors(base: Baseline, sizes: Float64Array, sectorOf: Int32Array): 'all' | number[] {
  const count = base.inner.length;
  const after = sectorTotals(sizes, sectorOf, count);
  let grandBefore = 0, grandAfter = 0;
  for (let j = 0; j < count; j++) {
    grandBefore += base.outer[j]!;
    grandAfter += after[j]!;
  }
  for (let j = 0; j < count; j++) if (isMoved((after[j]! / grandAfter) * (grandBefore / base.outer[j]!))) return 'all';
  const moved = new Uint8Array(count);
  for (let i = 0; i < sizes.length; i++) {
    const j = sectorOf[i]!;
    if (moved[j] === 0 && isMoved((sizes[i]! / after[j]!) * (base.inner[j]! / base.sizes[i]!))) moved[j] = 1;
  }
  const sectors: number[] = [];
  for (let j = 0; j < count; j++) if (moved[j] === 1) sectors.push(j);
  return sectors;
}

/** Makes `sizes` the baseline of the sectors just laid out (and of the map level for 'all'). */
export function rebase(base: Baseline, sizes: Float64Array, sectorOf: Int32Array, sectors: 'all' | readonly number[]): void {
  if (sectors === 'all') {
    base.sizes.set(sizes);
    base.inner = sectorTotals(sizes, sectorOf, base.inner.length);
    base.outer = base.inner.slice();
    return;
  }
  const laid = new Uint8Array(base.inner.length);
  for (const j of sectors) {
    laid[j] = 1;
    base.inner[j] = 0;
  }
  for (let i = 0; i < sizes.length; i++) {
    const j = sectorOf[i]!;
    if (laid[j] === 0) continue;
    base.sizes[i] = sizes[i]!;
    base.inner[j] = base.inner[j]! + sizes[i]!;
  }
}
