import { describe, expect, it } from 'vitest';
import { isScenePortMessage, scenePortMessage, sendSavedScene } from './scenePort.ts';
import { savedScene } from './test/scenes.ts';
import type { SavedScene } from './savedScene.ts';

/** The paint worker's side: the one message that comes through `port`. */
function firstMessage(port: MessagePort): Promise<SavedScene | null> {
  return new Promise((resolve) => {
    port.onmessage = (event: MessageEvent<SavedScene | null>) => {
      port.close();
      resolve(event.data);
    };
  });
}

describe('scene port', () => {
  it("recognises the page's hand-over message and nothing else", () => {
    const { port1, port2 } = new MessageChannel();
    expect(isScenePortMessage(scenePortMessage(port1))).toBe(true);
    expect(isScenePortMessage({ type: 'scene-port', port: 'nope' })).toBe(false);
    expect(isScenePortMessage({ type: 'APPLY', id: '1' })).toBe(false);
    expect(isScenePortMessage(null)).toBe(false);
    port1.close();
    port2.close();
  });

  it('sends the saved scene once, over a real channel, handing its arrays over', async () => {
    const { port1, port2 } = new MessageChannel();
    const scene = savedScene();
    const received = firstMessage(port2);
    await sendSavedScene(Promise.resolve(scene), port1);
    expect(await received).toEqual(savedScene());
    // Transferred, not copied: the sender's arrays are gone.
    expect(scene.values.length).toBe(0);
  });

  it('sends null when there is no scene, or reading it failed', async () => {
    for (const scene of [() => Promise.resolve(null), () => Promise.reject(new Error('disk on fire'))]) {
      const { port1, port2 } = new MessageChannel();
      const received = firstMessage(port2);
      await sendSavedScene(scene(), port1);
      expect(await received).toBeNull();
    }
  });
});
