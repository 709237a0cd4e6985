/**
 * Intervals between this thread's animation frames over `ms` (for the benchmark): on the page, or
 * in the paint worker, whose requestAnimationFrame follows the display like the page's.
 */
export function frameIntervals(ms: number): Promise<number[]> {
  return new Promise((resolve) => {
    const intervals: number[] = [];
    let last: number | null = null;
    const end = performance.now() + ms;
    const tick = (t: number) => {
      if (last !== null) intervals.push(t - last);
      last = t;
      if (t < end) requestAnimationFrame(tick);
      else resolve(intervals);
    };
    requestAnimationFrame(tick);
  });
}
