// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup } from '@testing-library/react';
import { App } from '../App.tsx';
import { createFakeEngine, type FakeEngine } from '../test/fakeEngine.ts';
import { renderWithEngine } from '../test/renderWithEngine.tsx';
import { installDomShims } from '../test/dom.ts';
import { SIX } from '../test/fixtures.ts';

/** The seq of every frame the map handed to its renderer (the real one, watched). */
const { handedOn } = vi.hoisted(() => ({ handedOn: [] as number[] }));
vi.mock('./mapRenderer.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./mapRenderer.ts')>();
  return {
    ...real,
    createMapRenderer: (...args: Parameters<typeof real.createMapRenderer>) => {
      const renderer = real.createMapRenderer(...args);
      const setFrame = renderer.setFrame.bind(renderer);
      renderer.setFrame = (frame) => {
        handedOn.push(frame.seq);
        setFrame(frame);
      };
      return renderer;
    },
  };
});

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

  it('hands the renderer only frames that change the tiles, not those that only bring status news', async () => {
    handedOn.length = 0;
    await act(async () => {
      renderWithEngine(<App />, engine);
    });
    await act(async () => ManualResizeObserver.last!.report(1000, 700));
    const first = [...handedOn];
    expect(first.length).toBeGreaterThan(0);
    await act(async () => {
      engine.status = { ...engine.status, connection: 'polling' };
      engine.emit();
    });
    expect(handedOn).toEqual(first);
    const map = document.querySelector<HTMLElement>('[data-seq]');
    expect(Number(map?.dataset.seq)).toBeGreaterThan(first.at(-1)!);
    await act(async () => engine.tick({ [SIX[0]!.symbol]: 4.2 }));
    expect(handedOn).toHaveLength(first.length + 1);
  });
});
