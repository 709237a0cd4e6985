/**
 * The map saved at the last visit goes from the engine worker straight to the paint worker. The
 * page creates a MessageChannel at start-up and gives one end to each; the engine worker's entry
 * posts the scene through it as soon as it is read (savedScene.ts), before the engine's own code
 * has loaded, and the paint worker paints it. One message (the scene, or null), then the port closes.
 */
import type { SavedScene } from './savedScene.ts';

export interface ScenePortMessage {
  type: 'scene-port';
  port: MessagePort;
}

export function scenePortMessage(port: MessagePort): ScenePortMessage {
  return { type: 'scene-port', port };
}

export function isScenePortMessage(data: unknown): data is ScenePortMessage {
  const m = data as Partial<ScenePortMessage> | null;
  return typeof m === 'object' && m !== null && m.type === 'scene-port' && m.port instanceof MessagePort;
}

/** Sends the scene (or null) once, handing its arrays over, and closes the port. */
export async function sendSavedScene(scene: Promise<SavedScene | null>, port: MessagePort): Promise<void> {
  const s = await scene.catch(() => null);
  const buffers = s ? [s.layout.x, s.layout.y, s.layout.w, s.layout.h, s.values, s.prices].map((a) => a.buffer as ArrayBuffer) : [];
  try {
    port.postMessage(s, [...new Set(buffers)]);
  } finally {
    port.close();
  }
}
