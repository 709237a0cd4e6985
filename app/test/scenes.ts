/** A small saved map (savedScene.ts) for tests: three tiles in two sectors on a 300 × 200 map. */
import type { FrameLayout } from '../../engine/api.ts';
import type { SavedScene } from '../heatmap/savedScene.ts';

export function sceneLayout(version = 4): FrameLayout {
  return {
    version,
    width: 300,
    height: 200,
    symbols: ['AAPL', 'MSFT', 'XOM'],
    names: ['Apple Inc.', 'Microsoft Corp.', 'Exxon Mobil Corp.'],
    x: Float32Array.from([0, 100, 200]),
    y: Float32Array.from([14, 14, 14]),
    w: Float32Array.from([100, 100, 100]),
    h: Float32Array.from([186, 186, 186]),
    groups: [
      { kind: 'sector', name: 'Information Technology', sector: 'Information Technology', x: 0, y: 0, w: 200, h: 200, header: 14 },
      { kind: 'sector', name: 'Energy', sector: 'Energy', x: 200, y: 0, w: 100, h: 200, header: 14 },
    ],
  };
}

/** A real 1 × 1 PNG. */
export const TINY_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export function savedScene(key = 'view-a'): SavedScene {
  return { key, width: 300, height: 200, tiles: 3, image: TINY_PNG };
}
