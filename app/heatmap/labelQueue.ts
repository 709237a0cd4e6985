/**
 * The labels of a still full repaint (first map, resize, new theme), painted over the next frames
 * a time-boxed slice at a time instead of with the fills. Labels are most of a full paint's cost
 * (font set-up, shaping, glyph rasterisation); in one go they made the first paint of an S&P 500
 * map one long task on a phone. Tiles are repainted whole (fill, then label), so a tile that a
 * colour change repainted meanwhile is simply painted again, never labelled twice over.
 */

/** Tiles handed to one paint call: enough to batch fills by colour, few enough to stop on time. */
const CHUNK = 48;

export interface LabelQueue {
  /** Queues every tile of a model with `count` tiles, replacing what was queued. */
  fill(count: number): void;
  clear(): void;
  pending(): boolean;
  /** Paints queued tiles in chunks until `budgetMs` has passed (at least one chunk). */
  paintSlice(paintTiles: (indices: number[]) => void, budgetMs: number, now?: () => number): void;
}

export function createLabelQueue(): LabelQueue {
  let next = 0;
  let count = 0;
  return {
    fill(n) {
      next = 0;
      count = n;
    },
    clear() {
      next = count = 0;
    },
    pending: () => next < count,
    paintSlice(paintTiles, budgetMs, now = () => performance.now()) {
      const started = now();
      do {
        const end = Math.min(count, next + CHUNK);
        const indices: number[] = [];
        for (let i = next; i < end; i++) indices.push(i);
        next = end;
        paintTiles(indices);
      } while (next < count && now() - started < budgetMs);
    },
  };
}
