import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Frame, FrameLayout } from '../../engine/api.ts';
import { createFrameStore } from './frameStore.ts';
import { subscribeLater } from './useFrameSelector.ts';
import { engineStatus } from '../test/fixtures.ts';

const layout: FrameLayout = {
  version: 1, width: 10, height: 10, symbols: ['A'], names: ['A'],
  x: new Float32Array(1), y: new Float32Array(1), w: new Float32Array(1), h: new Float32Array(1), groups: [],
};
const stats = { count: 1, total: 1, advancers: 0, decliners: 0, unchanged: 1, gainers: [], losers: [] };
const frame = (seq: number): Frame => ({
  seq, layout, values: new Float32Array(1), prices: new Float32Array(1), stale: new Uint8Array(1),
  status: engineStatus(), stats, criteriaError: null,
});

afterEach(() => vi.useRealTimers());

describe('subscribeLater(store, onChange)', () => {
  it('subscribeLater(store, onChange) calls onChange once, in the next task, however many frames came', () => {
    vi.useFakeTimers();
    const store = createFrameStore();
    const onChange = vi.fn();
    subscribeLater(store, onChange);
    store.push(frame(1));
    store.push(frame(2));
    expect(onChange).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('subscribeLater(store, onChange) does not call onChange once unsubscribed, even for a frame already pushed', () => {
    vi.useFakeTimers();
    const store = createFrameStore();
    const onChange = vi.fn();
    const other = vi.fn();
    const unsubscribe = subscribeLater(store, onChange);
    subscribeLater(store, other);
    store.push(frame(1));
    unsubscribe();
    vi.runAllTimers();
    expect(onChange).not.toHaveBeenCalled();
    expect(other).toHaveBeenCalledTimes(1);
  });
});
