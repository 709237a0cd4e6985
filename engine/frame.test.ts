import { describe, expect, it } from 'vitest';
import type { EngineStatus } from './api.ts';
import { frameFor, packTiles } from './frame.ts';
import { createViewModel } from './viewModel.ts';
import { threeQuotes } from './test/fixtures.ts';

const status: EngineStatus = {
  connection: 'live', feed: null, dataTime: null, receivedAt: null, stale: false, fromCache: false, retryAt: null, invalidMessages: 0, storage: 'ok',
};

describe('packTiles(quotes, order, colorBy)', () => {
  it('writes values, prices and stale flags in layout order', () => {
    const quotes = [threeQuotes[0]!, { ...threeQuotes[1]!, stale: true }, threeQuotes[2]!];
    const packed = packTiles(quotes, Int32Array.from([2, 0, 1]), 'pct_change');
    expect([...packed.prices]).toEqual([250, 200, 110]);
    expect([...packed.values]).toEqual([0, Math.fround(2.04), Math.fround(-0.99)]);
    expect([...packed.stale]).toEqual([0, 0, 1]);
  });
});

describe('frameFor(view, options)', () => {
  const view = createViewModel().compute(new Map(threeQuotes.map((q) => [q.symbol, q])));

  it('sends the layout to a subscriber that has not seen this version, and not again', () => {
    const first = frameFor(view, { seq: 4, status, seenVersion: null, owned: true });
    expect(first.layout?.version).toBe(view.layout.version);
    expect(first.layout?.symbols).toEqual(view.layout.symbols);
    expect(frameFor(view, { seq: 5, status, seenVersion: view.layout.version, owned: true }).layout).toBeNull();
  });

  it('never shares geometry arrays with the engine, and copies tile arrays unless owned', () => {
    const owned = frameFor(view, { seq: 1, status, seenVersion: null, owned: true });
    const copied = frameFor(view, { seq: 1, status, seenVersion: null, owned: false });
    expect(owned.layout!.x).not.toBe(view.layout.x);
    expect(owned.layout!.x).toEqual(view.layout.x);
    expect(owned.values).toBe(view.values);
    expect(copied.values).not.toBe(view.values);
    expect(copied.values).toEqual(view.values);
  });
});
