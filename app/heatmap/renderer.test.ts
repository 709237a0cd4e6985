// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FrameLayout } from '../../engine/api.ts';
import { createColorScale } from '../color/colorScale.ts';
import { LABEL_SIZES } from './labelSizes.ts';
import { canvasTheme } from './themes.ts';
import { createHeatmapRenderer, PAGE_PACING, WORKER_PACING, type HeatmapRenderer, type Pacing, type RendererOptions } from './renderer.ts';

/** Every call made on any 2D context, by method; `fillText` keeps its text. jsdom has no canvas. */
let calls: { method: string; text?: string }[] = [];

function fakeContext(): CanvasRenderingContext2D {
  const state: Record<string | symbol, unknown> = {
    measureText: (text: string) => ({ width: text.length * 60 }),
    createPattern: () => null,
    fillText: (text: string) => void calls.push({ method: 'fillText', text }),
  };
  return new Proxy(state, {
    get: (target, key) => (key in target ? target[key] : (...args: unknown[]) => void calls.push({ method: String(key), text: String(args[0]) })),
    set: (target, key, value) => ((target[key] = value), true),
  }) as unknown as CanvasRenderingContext2D;
}

beforeEach(() => {
  calls = [];
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(fakeContext as never);
});
/** Renderers made by a test, stopped after it even when it fails (a running one paints on). */
const made: HeatmapRenderer[] = [];
afterEach(() => {
  for (const renderer of made.splice(0)) renderer.destroy();
  vi.restoreAllMocks();
});

const layout: FrameLayout = {
  version: 1, width: 400, height: 200,
  symbols: ['AAA', 'BBB'], names: ['AAA Inc', 'BBB Inc'],
  x: Float32Array.of(0, 200), y: Float32Array.of(16, 16), w: Float32Array.of(200, 200), h: Float32Array.of(184, 184),
  groups: [{ kind: 'sector', name: 'Energy', sector: 'Energy', x: 0, y: 0, w: 400, h: 200, header: 16 }],
};
const frame = { layout, layoutChanged: true, values: Float32Array.of(1.5, -2), prices: Float32Array.of(10, 20), stale: Uint8Array.of(0, 0) };
const scale = createColorScale('red-green', 3);
// A fresh theme object each time, as the paint worker receives them.
const options = (reducedMotion: boolean, theme = canvasTheme('dark', 'red-green')): RendererOptions =>
  ({ scale, theme: { ...theme }, labelSizes: { ...LABEL_SIZES }, reducedMotion });

const tileLabels = () => calls.filter((c) => c.method === 'fillText' && (c.text === 'AAA' || c.text === 'BBB')).length;
const paints = () => calls.filter((c) => c.method === 'fillRect').length;
const frames = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function mapOn(pacing: Pacing, reducedMotion: boolean) {
  const renderer = createHeatmapRenderer(document.createElement('canvas'), options(reducedMotion), pacing);
  renderer.resize(400, 200, 1);
  renderer.setFrame(frame);
  made.push(renderer);
  return renderer;
}

describe('createHeatmapRenderer(): when a still map gets its labels', () => {
  it('in a thread of its own (WORKER_PACING), a still map is painted with its labels in one frame', async () => {
    mapOn(WORKER_PACING, true);
    expect(tileLabels()).toBe(2);
    await frames(100);
    expect(tileLabels()).toBe(2);
  });

  it('a map that may move gets its labels over the frames after its tiles, on either thread', async () => {
    for (const [pacing, reducedMotion] of [[WORKER_PACING, false], [PAGE_PACING, true]] as const) {
      calls = [];
      const renderer = mapOn(pacing, reducedMotion);
      expect(tileLabels()).toBe(0);
      await frames(100);
      expect(tileLabels()).toBe(2);
      renderer.destroy();
    }
  });

  it('a change of motion alone repaints nothing; a change of look repaints the map', async () => {
    const renderer = mapOn(WORKER_PACING, true);
    await frames(50);
    const before = paints();
    renderer.setOptions(options(false));
    await frames(50);
    expect(paints()).toBe(before);
    renderer.setOptions(options(false, canvasTheme('light', 'red-green')));
    await frames(50);
    expect(paints()).toBeGreaterThan(before);
  });
});

describe('createHeatmapRenderer(): allPainted()', () => {
  it('is false while labels are still to be painted, and true once they are', async () => {
    const renderer = mapOn(PAGE_PACING, true);
    expect(tileLabels()).toBe(0);
    expect(renderer.allPainted()).toBe(false);
    await frames(100);
    expect(tileLabels()).toBe(2);
    expect(renderer.allPainted()).toBe(true);
  });
});
