import { describe, expect, it } from 'vitest';
import type { EngineApi } from './api.ts';
import { connectEngine } from './client.ts';
import { exposeEngine } from './expose.ts';
import { until } from './test/linkServer.ts';

/** A stand-in engine that records calls; the client only forwards, so its logic is not needed. */
function fakeEngine(calls: string[]): EngineApi {
  const record = (name: string) => async () => void calls.push(name);
  return {
    start: record('start'), setView: record('setView'), persist: record('persist'), dispose: record('dispose'),
    subscribe: async () => () => undefined,
    getDetail: async () => null,
    getHistory: async () => ({ t: new Float64Array(), price: new Float64Array() }),
    getFilters: async () => null,
  };
}

describe('connectEngine(createWorker)', () => {
  it('wraps the worker with Comlink, and terminate() disposes before stopping it', async () => {
    const calls: string[] = [];
    const { port1, port2 } = new MessageChannel();
    exposeEngine(fakeEngine(calls), port1);
    let terminated = 0;
    const connection = connectEngine(() => Object.assign(port2, { terminate: () => void terminated++ }));
    await connection.api.start({ apiBaseUrl: '', wsUrl: '', pollIntervalMs: 5000 });
    expect(calls).toEqual(['start']);
    connection.terminate();
    connection.terminate();
    await until(() => terminated > 0);
    expect([calls, terminated]).toEqual([['start', 'dispose'], 1]);
    port1.close();
    port2.close();
  });

  it('asks the engine to save at once whenever the page is hidden, and stops asking once terminated', async () => {
    const calls: string[] = [];
    const { port1, port2 } = new MessageChannel();
    exposeEngine(fakeEngine(calls), port1);
    const page = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
    const connection = connectEngine(() => Object.assign(port2, { terminate: () => undefined }), page);
    const showAs = async (state: DocumentVisibilityState) => {
      page.visibilityState = state;
      page.dispatchEvent(new Event('visibilitychange'));
      await connection.api.getFilters(); // a round trip: any persist() sent before it has arrived
    };
    await showAs('visible');
    expect(calls).toEqual([]);
    await showAs('hidden');
    await showAs('visible');
    await showAs('hidden');
    expect(calls).toEqual(['persist', 'persist']);
    connection.terminate();
    page.visibilityState = 'hidden';
    page.dispatchEvent(new Event('visibilitychange'));
    await until(() => calls.includes('dispose'));
    expect(calls).toEqual(['persist', 'persist', 'dispose']);
    port1.close();
    port2.close();
  });

  it('failedToStart settles when the worker fails before answering (its script did not load), not after', async () => {
    const settled = (p: Promise<unknown>) => Promise.race([p.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 50))]);
    // Nothing behind the port: the worker's script never ran.
    const dead = new MessageChannel();
    const broken = connectEngine(() => Object.assign(dead.port2, { terminate: () => undefined }), null);
    dead.port2.dispatchEvent(new Event('error'));
    expect(await settled(broken.failedToStart)).toBe(true);

    const { port1, port2 } = new MessageChannel();
    exposeEngine(fakeEngine([]), port1);
    const working = connectEngine(() => Object.assign(port2, { terminate: () => undefined }), null);
    await working.api.start({ apiBaseUrl: '', wsUrl: '', pollIntervalMs: 5000 });
    // An error after the worker has answered is a bug in a running engine (logged in its console), not a failed start.
    port2.dispatchEvent(new Event('error'));
    expect(await settled(working.failedToStart)).toBe(false);
    for (const port of [dead.port1, dead.port2, port1, port2]) port.close();
  });
});
