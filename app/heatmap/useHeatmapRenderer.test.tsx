// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup } from '@testing-library/react';
import { App } from '../App.tsx';
import { createFakeEngine, type FakeEngine } from '../test/fakeEngine.ts';
import { renderWithEngine } from '../test/renderWithEngine.tsx';
import { installDomShims } from '../test/dom.ts';
import { SIX } from '../test/fixtures.ts';

/** A ResizeObserver that reports only when a test says so. */
class ManualResizeObserver {
  static last: ManualResizeObserver | null = null;
  target: Element | null = null;
  constructor(private readonly callback: ResizeObserverCallback) {
    ManualResizeObserver.last = this;
  }
  observe(target: Element) {
    this.target = target;
  }
  unobserve() {}
  disconnect() {}
  report(width: number, height: number) {
    const entry = { target: this.target, contentRect: { width, height, x: 0, y: 0, top: 0, left: 0, right: width, bottom: height } };
    this.callback([entry as unknown as ResizeObserverEntry], this as unknown as ResizeObserver);
  }
}

let undo: () => void;
let engine: FakeEngine;
let rect: { width: number; height: number };

beforeEach(() => {
  undo = installDomShims();
  vi.stubGlobal('ResizeObserver', ManualResizeObserver);
  rect = { width: 1000, height: 700 };
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(() => ({ ...rect, x: 0, y: 0, top: 0, left: 0, right: rect.width, bottom: rect.height, toJSON: () => ({}) }));
  window.history.replaceState(null, '', '/');
  engine = createFakeEngine(SIX);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  undo();
});

describe('useHeatmapRenderer (through <App />)', () => {
  it('subscribes with the size the ResizeObserver first reports, forcing no layout in the commit that mounts the map', async () => {
    const measure = vi.mocked(HTMLElement.prototype.getBoundingClientRect);
    await act(async () => {
      renderWithEngine(<App />, engine);
    });
    expect(measure).not.toHaveBeenCalled();
    expect(engine.views).toEqual([]);
    await act(async () => ManualResizeObserver.last!.report(1000, 700));
    expect(engine.views[0]).toMatchObject({ width: 1000, height: 700 });
  });

  it('waits for the ResizeObserver when the map has no area yet, and ignores a report of the same size', async () => {
    rect = { width: 0, height: 0 };
    await act(async () => {
      renderWithEngine(<App />, engine);
    });
    expect(engine.views).toEqual([]);
    await act(async () => ManualResizeObserver.last!.report(900, 500));
    expect(engine.views).toHaveLength(1);
    expect(engine.views[0]).toMatchObject({ width: 900, height: 500 });
    await act(async () => ManualResizeObserver.last!.report(900, 500));
    await act(async () => ManualResizeObserver.last!.report(900, 480));
    expect(engine.views.map((v) => v.height)).toEqual([500, 480]);
  });
});
