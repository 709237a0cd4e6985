import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeBitmap, pictureSize, snapshotOfMap } from './mapImage.ts';
import type { HeatmapRenderer, MapCanvas } from './renderer.ts';

afterEach(() => vi.unstubAllGlobals());

const canvasOf = (width: number, height: number) => ({ width, height }) as unknown as MapCanvas;
const rendererOf = (state: { painted: boolean; tiles: number }) =>
  ({ allPainted: () => state.painted, model: () => ({ symbols: new Array(state.tiles) }) }) as unknown as HeatmapRenderer;

describe('pictureSize(width, height)', () => {
  it('keeps a canvas up to full HD as it is, and scales a larger one (a 4K wallboard) down to full HD', () => {
    expect(pictureSize(1440, 900)).toEqual({ width: 1440, height: 900 });
    expect(pictureSize(3840, 2160)).toEqual({ width: 1920, height: 1080 });
    // Same pixel count, its own shape.
    expect(pictureSize(2880, 1800)).toEqual({ width: 1821, height: 1138 });
  });
});

describe('snapshotOfMap(renderer, canvas)', () => {
  it('waits until all of the map is painted (labels included), then copies it at its picture size', async () => {
    const copies: unknown[][] = [];
    vi.stubGlobal('createImageBitmap', async (...args: unknown[]) => (copies.push(args), { copy: copies.length }));
    const state = { painted: false, tiles: 3 };
    const canvas = canvasOf(3840, 2160);
    const taking = snapshotOfMap(rendererOf(state), canvas);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(copies).toEqual([]);
    state.painted = true;
    expect(await taking).toEqual({ copy: 1 });
    expect(copies).toEqual([[canvas, { resizeWidth: 1920, resizeHeight: 1080, resizeQuality: 'medium' }]]);
  });

  it('copies nothing of a map without tiles', async () => {
    const copy = vi.fn();
    vi.stubGlobal('createImageBitmap', copy);
    expect(await snapshotOfMap(rendererOf({ painted: true, tiles: 0 }), canvasOf(300, 200))).toBeNull();
    expect(copy).not.toHaveBeenCalled();
  });
});

describe('encodeBitmap(bitmap)', () => {
  it('encodes the copy as a JPEG at its own size', async () => {
    const made: { size: number[]; shown: unknown[]; options: unknown[] }[] = [];
    vi.stubGlobal('OffscreenCanvas', class {
      record = { size: [] as number[], shown: [] as unknown[], options: [] as unknown[] };
      constructor(width: number, height: number) {
        this.record.size = [width, height];
        made.push(this.record);
      }
      getContext(kind: string) {
        return kind === 'bitmaprenderer' ? { transferFromImageBitmap: (b: unknown) => void this.record.shown.push(b) } : null;
      }
      async convertToBlob(options: unknown) {
        this.record.options.push(options);
        return new Blob(['jpeg'], { type: 'image/jpeg' });
      }
    });
    const bitmap = { width: 300, height: 200 } as ImageBitmap;
    expect(await (await encodeBitmap(bitmap))?.text()).toBe('jpeg');
    expect(made).toEqual([{ size: [300, 200], shown: [bitmap], options: [{ type: 'image/jpeg', quality: 0.85 }] }]);
  });
});
