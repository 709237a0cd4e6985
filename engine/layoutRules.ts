/**
 * The treemap's spacing and the rules for when a group gets a header strip or an industry level.
 * Kept apart from the algorithm so the numbers that shape the picture sit in one place.
 */

/** Gap between sector boxes and between industry boxes, in CSS pixels. Stocks touch; the UI strokes them. */
export const SECTOR_GAP = 4;
export const INDUSTRY_GAP = 2;

const SECTOR_HEADER = 16;
const INDUSTRY_HEADER = 12;
/** An industry level needs this much area per industry, and a sector at least this short side. */
const INDUSTRY_AREA = 90 * 60;
const INDUSTRY_MIN_SIDE = 120;
/** Once on, the industry level stays on until the room drops below this share of the threshold. */
const HYSTERESIS = 0.85;

/** Header height for a sector box: only when a label fits and leaves room for tiles below. */
export function sectorHeader(w: number, h: number): number {
  return w >= 48 && h >= SECTOR_HEADER * 2.5 ? SECTOR_HEADER : 0;
}

export function industryHeader(w: number, h: number): number {
  return w >= 60 && h >= INDUSTRY_HEADER * 3 ? INDUSTRY_HEADER : 0;
}

/**
 * Whether a sector's inner box can show its industries as groups. `before` is the previous
 * decision (null on a fresh layout); hysteresis keeps a size wobble from flipping it back and forth.
 */
export function hasIndustryRoom(o: { w: number; h: number; industryCount: number; before: boolean | null }): boolean {
  if (o.industryCount < 2 || o.w <= 0 || o.h <= 0) return false;
  const slack = o.before ? HYSTERESIS : 1;
  return (o.w * o.h) / o.industryCount >= INDUSTRY_AREA * slack && Math.min(o.w, o.h) >= INDUSTRY_MIN_SIDE * slack;
}
