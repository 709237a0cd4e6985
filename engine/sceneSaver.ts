/**
 * Saving the map the engine last sent (savedScene.ts) for the next start: the latest frame, at
 * most once per interval (the snapshot's: the saved map is then about as old as the snapshot the
 * engine's own first frame shows, so that frame does not shift colours back). Empty maps are not
 * saved: the one before them stays, for its own view.
 */
import type { View } from './api.ts';
import type { ViewFrame } from './frame.ts';
import { sceneKeyOf, type SavedScene } from './savedScene.ts';
import type { Store } from './store.ts';
import type { Throttle } from './throttle.ts';

export interface SceneSaver {
  /**
   * The map just sent. Its values and prices are copied: a frame's transport may take those
   * arrays away. Its layout is the engine's own, never changed in place (frame.ts copies it for frames).
   */
  note(view: View, frame: Pick<ViewFrame, 'layout' | 'values' | 'prices'>): void;
  /** Writes a pending save now. */
  flush(): Promise<void>;
}

export function createSceneSaver(o: { throttle: (run: () => Promise<void>) => Throttle; store: () => Store | null }): SceneSaver {
  let shown: SavedScene | null = null;
  /** The key of the view last noted: frames come many times a second, the view changes rarely. */
  let keyed: { view: View; key: string } | null = null;
  const save = o.throttle(async () => {
    const store = o.store();
    const scene = shown;
    shown = null;
    if (store && scene) await store.saveScene(scene);
  });
  return {
    note(view, frame) {
      if (frame.layout.symbols.length === 0) return;
      if (keyed?.view !== view) keyed = { view, key: sceneKeyOf(view) };
      shown = { key: keyed.key, layout: frame.layout, values: frame.values.slice(), prices: frame.prices.slice() };
      save.request();
    },
    flush: () => save.flush(),
  };
}
