/**
 * Saving the map the engine last sent (savedScene.ts) for the next start: at most once per
 * interval, the latest frame, the layout only when it or the view it shows changed. Empty maps are
 * not saved: the one before them stays, for its own view.
 */
import type { FrameLayout, View } from './api.ts';
import type { ViewFrame } from './frame.ts';
import { sceneKeyOf } from './savedScene.ts';
import type { Store } from './store.ts';
import type { Throttle } from './throttle.ts';

export interface SceneSaver {
  /** The map just sent. Its arrays are copied: a frame's transport may take the originals away. */
  note(view: View, frame: Pick<ViewFrame, 'layout' | 'values' | 'prices'>): void;
  /** Writes a pending save now. */
  flush(): Promise<void>;
}

interface Shown {
  key: string;
  layout: FrameLayout;
  values: Float32Array;
  prices: Float32Array;
}

export function createSceneSaver(o: { throttle: (run: () => Promise<void>) => Throttle; store: () => Store | null; now: () => number }): SceneSaver {
  let shown: Shown | null = null;
  /** The layout the database holds, by view and version. */
  let written: { key: string; version: number } | null = null;
  const save = o.throttle(async () => {
    const store = o.store();
    const s = shown;
    if (!store || !s) return;
    const layoutChanged = written?.key !== s.key || written.version !== s.layout.version;
    const saved = await store.saveScene(layoutChanged ? { key: s.key, layout: s.layout } : null, {
      version: s.layout.version,
      savedAt: o.now(),
      values: s.values,
      prices: s.prices,
    });
    if (saved) written = { key: s.key, version: s.layout.version };
  });
  return {
    note(view, frame) {
      if (frame.layout.symbols.length === 0) return;
      shown = { key: sceneKeyOf(view), layout: frame.layout, values: frame.values.slice(), prices: frame.prices.slice() };
      save.request();
    },
    flush: () => save.flush(),
  };
}
