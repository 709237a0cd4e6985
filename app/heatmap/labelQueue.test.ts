import { describe, expect, it } from 'vitest';
import { createLabelQueue } from './labelQueue.ts';

/** A clock that moves `step` ms each time it is read. */
function tickingClock(step: number) {
  let t = 0;
  return () => (t += step);
}

describe('createLabelQueue()', () => {
  it('paintSlice(paint, budget) paints queued tiles in order in chunks until the budget is spent, then resumes there', () => {
    const queue = createLabelQueue();
    queue.fill(200);
    const painted: number[][] = [];
    queue.paintSlice((indices) => painted.push(indices), 5, tickingClock(3));
    expect(painted.map((c) => [c[0], c.at(-1)])).toEqual([[0, 47], [48, 95]]);
    expect(queue.pending()).toBe(true);
    queue.paintSlice((indices) => painted.push(indices), 1000, tickingClock(1));
    expect(painted.flat()).toEqual([...Array(200).keys()]);
    expect(queue.pending()).toBe(false);
  });

  it('paintSlice(paint, 0) still paints one chunk, so labels always make progress', () => {
    const queue = createLabelQueue();
    queue.fill(100);
    const painted: number[] = [];
    queue.paintSlice((indices) => painted.push(...indices), 0, tickingClock(50));
    expect(painted).toHaveLength(48);
  });

  it('fill(n) restarts from the first tile and clear() empties the queue', () => {
    const queue = createLabelQueue();
    queue.fill(100);
    queue.paintSlice(() => undefined, 0, tickingClock(1));
    queue.fill(10);
    const painted: number[] = [];
    queue.paintSlice((indices) => painted.push(...indices), 0, tickingClock(1));
    expect(painted).toEqual([...Array(10).keys()]);
    queue.fill(10);
    queue.clear();
    expect(queue.pending()).toBe(false);
  });
});
