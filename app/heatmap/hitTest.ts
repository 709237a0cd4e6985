/** Exact hit-testing against the tiles' target rectangles and the sector header strips. */
import type { GroupBox } from '../../engine/api.ts';
import type { Rects } from './tileModel.ts';

/** What hit-testing needs of the map: each tile's target rectangle and the groups' boxes. */
export interface HitModel {
  symbols: readonly string[];
  to: Rects;
  groups: readonly { box: GroupBox }[];
}

/** Index of the tile whose target rectangle contains (x, y), or -1. Exact, edges half-open. */
export function tileAt(model: HitModel, x: number, y: number): number {
  const { x: tx, y: ty, w: tw, h: th } = model.to;
  for (let i = 0; i < tx.length; i++) {
    const left = tx[i]!, top = ty[i]!;
    if (x >= left && y >= top && x < left + tw[i]! && y < top + th[i]!) return i;
  }
  return -1;
}

/** The sector group whose header strip contains (x, y), or null. */
export function sectorHeaderAt(model: HitModel, x: number, y: number): GroupBox | null {
  for (const { box } of model.groups) {
    if (box.kind !== 'sector' || box.header <= 0) continue;
    if (x >= box.x && x < box.x + box.w && y >= box.y && y < box.y + box.header) return box;
  }
  return null;
}
