import { describe, expect, it } from 'vitest';
import { createSavedScenePainter } from './savedScenePainter.ts';
import type { PaintableFrame } from './renderer.ts';
import { savedScene } from '../../engine/test/scenes.ts';

function setup() {
  const painted: PaintableFrame[] = [];
  return { painted, painter: createSavedScenePainter((frame) => painted.push(frame)) };
}

describe('createSavedScenePainter(paint)', () => {
  it('paints once it has the scene, the view and the canvas, in whatever order they come', () => {
    for (const order of [['scene', 'view', 'canvas'], ['canvas', 'scene', 'view'], ['view', 'canvas', 'scene']]) {
      const { painted, painter } = setup();
      for (const step of order) {
        if (step === 'scene') painter.scene(savedScene('view-a'));
        if (step === 'view') painter.view('view-a');
        if (step === 'canvas') painter.canvas(300, 200);
      }
      expect(painted).toHaveLength(1);
      expect([...painted[0]!.stale]).toEqual([1, 1, 1]);
    }
  });

  it('paints a scene only for the view the page shows, including one it switches to', () => {
    const { painted, painter } = setup();
    painter.view('view-b');
    painter.canvas(300, 200);
    painter.scene(savedScene('view-a'));
    expect(painted).toHaveLength(0);
    painter.view('view-a');
    expect(painted).toHaveLength(1);
  });

  it('never paints after the engine\u2019s first frame, even a scene that arrives later', () => {
    const { painted, painter } = setup();
    painter.view('view-a');
    painter.canvas(300, 200);
    painter.frameArrived();
    painter.scene(savedScene('view-a'));
    expect(painted).toHaveLength(0);
  });

  it('paints at most once, and nothing for a canvas of another shape', () => {
    const { painted, painter } = setup();
    painter.view('view-a');
    painter.canvas(200, 300);
    painter.scene(savedScene('view-a'));
    painter.canvas(300, 200);
    painter.scene(savedScene('view-a'));
    expect(painted).toHaveLength(0);
    const again = setup();
    again.painter.view('view-a');
    again.painter.canvas(300, 200);
    again.painter.scene(savedScene('view-a'));
    again.painter.scene(savedScene('view-a'));
    again.painter.canvas(310, 200);
    expect(again.painted).toHaveLength(1);
  });
});
