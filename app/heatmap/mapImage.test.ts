import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeMapImage, pictureOfMap } from './mapImage.ts';
import type { HeatmapRenderer, MapCanvas } from './renderer.ts';

/** An OffscreenCanvas as far as encoding goes: records what it was asked to encode and draw. */
class FakeCanvas {
  drawn: unknown[][] = [];
  encoded: unknown[] = [];
  constructor(public width: number, public height: number) {}
  getContext() {
    return { drawImage: (...args: unknown[]) => void this.drawn.push(args) };
  }
  convertToBlob(options: unknown) {
    this.encoded.push(options);
    return Promise.resolve(new Blob([`${this.width}x${this.height}`], { type: 'image/webp' }));
  }
}
const made: FakeCanvas[] = [];
const asMapCanvas = (c: FakeCanvas) => c as unknown as MapCanvas;

afterEach(() => {
  vi.unstubAllGlobals();
  made.length = 0;
});

describe('encodeMapImage(canvas)', () => {
  it('encodes the canvas as it is, as WebP', async () => {
    const canvas = new FakeCanvas(1440, 900);
    const blob = await encodeMapImage(asMapCanvas(canvas));
    expect(await blob?.text()).toBe('1440x900');
    expect(canvas.encoded).toEqual([{ type: 'image/webp', quality: 0.8 }]);
  });

  it('scales a canvas of more pixels than full HD down first (a 4K wallboard)', async () => {
    vi.stubGlobal('OffscreenCanvas', class extends FakeCanvas {
      constructor(w: number, h: number) {
        super(w, h);
        made.push(this);
      }
    });
    const canvas = new FakeCanvas(3840, 2160);
    const blob = await encodeMapImage(asMapCanvas(canvas));
    expect(await blob?.text()).toBe('1920x1080');
    expect(made[0]!.drawn).toEqual([[canvas, 0, 0, 1920, 1080]]);
    expect(canvas.encoded).toEqual([]);
  });

  it('gives nothing for a canvas without pixels', async () => {
    expect(await encodeMapImage(asMapCanvas(new FakeCanvas(0, 0)))).toBeNull();
  });
});

describe('pictureOfMap(renderer, canvas)', () => {
  const rendererOf = (state: { painted: boolean; tiles: number }) =>
    ({ allPainted: () => state.painted, model: () => ({ symbols: new Array(state.tiles) }) }) as unknown as HeatmapRenderer;

  it('waits until all of the map is painted (labels included) before taking it', async () => {
    const state = { painted: false, tiles: 3 };
    const canvas = new FakeCanvas(300, 200);
    const taking = pictureOfMap(rendererOf(state), asMapCanvas(canvas));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(canvas.encoded).toEqual([]);
    state.painted = true;
    expect(await (await taking)?.text()).toBe('300x200');
  });

  it('takes nothing of a map without tiles', async () => {
    expect(await pictureOfMap(rendererOf({ painted: true, tiles: 0 }), asMapCanvas(new FakeCanvas(300, 200)))).toBeNull();
  });
});
