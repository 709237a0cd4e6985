// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { nextTile, type NavRects } from './keyboardNav.ts';

/**
 *  +-----+--+--+      0: big left tile (0,0 60×40)
 *  |  0  |1 |2 |      1: (60,0 20×20)  2: (80,0 20×20)
 *  |     +--+--+      3: (60,20 40×20)
 *  |     |  3  |      4: bottom strip (0,40 100×20)
 *  +-----+-----+
 *  |     4     |
 *  +-----------+
 */
const rects: NavRects = {
  x: [0, 60, 80, 60, 0],
  y: [0, 0, 0, 20, 40],
  w: [60, 20, 20, 40, 100],
  h: [40, 20, 20, 20, 20],
};

describe('nextTile(rects, from, key)', () => {
  it('moves right to the adjacent tile that overlaps most', () => {
    expect(nextTile(rects, 0, 'ArrowRight')).toBe(1);
    expect(nextTile(rects, 1, 'ArrowRight')).toBe(2);
  });

  it('moves down and up between rows', () => {
    expect(nextTile(rects, 1, 'ArrowDown')).toBe(3);
    expect(nextTile(rects, 3, 'ArrowDown')).toBe(4);
    expect(nextTile(rects, 4, 'ArrowUp')).toBe(0);
    expect(nextTile(rects, 3, 'ArrowUp')).toBe(1);
  });

  it('moves left back to the big tile', () => {
    expect(nextTile(rects, 3, 'ArrowLeft')).toBe(0);
    expect(nextTile(rects, 2, 'ArrowLeft')).toBe(1);
  });

  it('stays put at an edge', () => {
    expect(nextTile(rects, 0, 'ArrowLeft')).toBe(0);
    expect(nextTile(rects, 4, 'ArrowDown')).toBe(4);
    expect(nextTile(rects, 2, 'ArrowRight')).toBe(2);
  });

  it('jumps with Home and End, and starts at the first tile from nowhere', () => {
    expect(nextTile(rects, 3, 'Home')).toBe(0);
    expect(nextTile(rects, 0, 'End')).toBe(4);
    expect(nextTile(rects, -1, 'ArrowRight')).toBe(0);
    expect(nextTile({ x: [], y: [], w: [], h: [] }, 0, 'ArrowRight')).toBe(-1);
  });

  it('falls back to the nearest tile when nothing overlaps', () => {
    const diagonal: NavRects = { x: [0, 50, 50], y: [0, 30, 100], w: [20, 20, 20], h: [20, 20, 20] };
    expect(nextTile(diagonal, 0, 'ArrowRight')).toBe(1);
  });
});
