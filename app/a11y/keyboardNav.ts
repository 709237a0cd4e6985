/**
 * Arrow-key movement between treemap tiles, which do not sit on a grid: from the current tile,
 * go to the tile beyond its edge in that direction that overlaps it most across the movement
 * axis (so "down" from a wide tile picks the tile directly below), falling back to the nearest
 * centre when nothing overlaps. Home/End jump to the first/last tile in layout order.
 */
export type NavKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';

export interface NavRects {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  w: ArrayLike<number>;
  h: ArrayLike<number>;
}

const EPS = 0.5;

export function isNavKey(key: string): key is NavKey {
  return ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(key);
}

/** The tile to move to from `from` on `key`, or `from` itself when there is none that way. */
export function nextTile(rects: NavRects, from: number, key: NavKey): number {
  const n = rects.x.length;
  if (n === 0) return -1;
  if (key === 'Home') return 0;
  if (key === 'End') return n - 1;
  if (from < 0 || from >= n) return 0;
  const horizontal = key === 'ArrowLeft' || key === 'ArrowRight';
  const forward = key === 'ArrowRight' || key === 'ArrowDown';
  // Work in (main, cross) coordinates: main along the movement, cross across it.
  const m0 = horizontal ? rects.x : rects.y, mLen = horizontal ? rects.w : rects.h;
  const c0 = horizontal ? rects.y : rects.x, cLen = horizontal ? rects.h : rects.w;
  const edge = forward ? m0[from]! + mLen[from]! : m0[from]!;
  const cStart = c0[from]!, cEnd = cStart + cLen[from]!, cMid = (cStart + cEnd) / 2;

  let best = from;
  let bestScore = Infinity;
  for (let i = 0; i < n; i++) {
    if (i === from) continue;
    const near = forward ? m0[i]! : m0[i]! + mLen[i]!;
    const gap = forward ? near - edge : edge - near;
    if (gap < -EPS) continue;
    const overlap = Math.min(cEnd, c0[i]! + cLen[i]!) - Math.max(cStart, c0[i]!);
    const crossMid = c0[i]! + cLen[i]! / 2;
    // Overlapping tiles always beat non-overlapping ones; then nearest edge, then best aligned.
    const score = overlap > EPS ? gap * 1e3 - overlap : 1e9 + gap * 1e3 + Math.abs(crossMid - cMid) * 2e3;
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}
