// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import type { Frame, FrameLayout } from '../../engine/api.ts';
import { createFrameStore, sameTiles, type RenderFrame } from './frameStore.ts';
import { engineStatus } from '../test/fixtures.ts';

const layout: FrameLayout = {
  version: 1, width: 10, height: 10, symbols: ['A', 'B'], names: ['A', 'B'],
  x: new Float32Array(2), y: new Float32Array(2), w: new Float32Array(2), h: new Float32Array(2), groups: [],
};
const stats = { count: 2, total: 2, advancers: 0, decliners: 0, unchanged: 2, gainers: [], losers: [] };
const frame = (seq: number, l: FrameLayout | null, n = 2): Frame => ({
  seq, layout: l, values: new Float32Array(n), prices: new Float32Array(n), stale: new Uint8Array(n),
  status: engineStatus(), stats, criteriaError: null,
});

describe('createFrameStore()', () => {
  it('push(frame) keeps the last layout for values-only frames and flags layout changes', () => {
    const store = createFrameStore();
    const listener = vi.fn();
    store.subscribe(listener);
    store.push(frame(1, layout));
    store.push(frame(2, null));
    expect(store.get()).toMatchObject({ seq: 2, layout, layoutChanged: false });
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('push(frame) marks every tile stale when the frame status is stale, and only the relay\'s when not', () => {
    const store = createFrameStore();
    const live = frame(1, layout);
    live.stale[1] = 1;
    store.push(live);
    expect([...store.get()!.stale]).toEqual([0, 1]);
    store.push({ ...frame(2, null), status: engineStatus({ stale: true, fromCache: true }) });
    expect([...store.get()!.stale]).toEqual([1, 1]);
  });

  it('push(frame) drops and counts a frame whose arrays do not match the layout, keeping the good one', () => {
    const store = createFrameStore();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    store.push(frame(1, null));
    store.push(frame(2, layout));
    store.push(frame(3, null, 3));
    expect(store.get()?.seq).toBe(2);
    expect(store.rejected()).toBe(2);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('sameTiles(a, b): the same layout and tile arrays, value for value (NaN equal to NaN)', () => {
    const rendered = (f: Frame, l = layout): RenderFrame => ({ ...f, layout: l, layoutChanged: f.layout !== null });
    const a = rendered(frame(1, layout));
    a.values[0] = NaN;
    const b = rendered(frame(2, null));
    b.values[0] = NaN;
    expect(sameTiles(a, b)).toBe(true);
    b.prices[1] = 3;
    expect(sameTiles(a, b)).toBe(false);
    const c = rendered(frame(3, null));
    c.values[0] = NaN;
    c.stale[0] = 1;
    expect(sameTiles(a, c)).toBe(false);
    // A frame that brings a layout is news, even the same one again.
    expect(sameTiles(a, rendered(frame(4, layout)))).toBe(false);
  });
});
