import { expose, wrap } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { holdMessages } from './inbox.ts';

let cleanup: (() => void)[] = [];
afterEach(() => {
  cleanup.forEach((f) => f());
  cleanup = [];
});

function channel() {
  const { port1, port2 } = new MessageChannel();
  port1.start();
  cleanup.push(() => (port1.close(), port2.close()));
  return { page: port2, worker: port1 };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('holdMessages(scope)', () => {
  it('keeps messages that arrive before any listener and replays them in order', async () => {
    const { page, worker } = channel();
    const inbox = holdMessages(worker);
    page.postMessage('start');
    page.postMessage('subscribe');
    await tick();
    const got: unknown[] = [];
    inbox.addEventListener('message', (e) => got.push((e as MessageEvent).data));
    expect(got).toEqual(['start', 'subscribe']);
    page.postMessage('setView');
    await tick();
    expect(got).toEqual(['start', 'subscribe', 'setView']);
  });

  it('stops delivering to a removed listener and posts through to the page', async () => {
    const { page, worker } = channel();
    const inbox = holdMessages(worker);
    const got: unknown[] = [];
    const listener = (e: Event) => got.push((e as MessageEvent).data);
    inbox.addEventListener('message', listener);
    inbox.removeEventListener('message', listener);
    page.postMessage('late');
    const replies: unknown[] = [];
    page.onmessage = (e) => replies.push(e.data);
    inbox.postMessage('reply');
    await tick();
    expect([got, replies]).toEqual([[], ['reply']]);
  });

  it('lets Comlink answer a call the page made before anything was exposed', async () => {
    const { page, worker } = channel();
    const inbox = holdMessages(worker);
    const api = wrap<{ start(n: number): number }>(page);
    const answer = api.start(41);
    await tick();
    expose({ start: (n: number) => n + 1 }, inbox);
    expect(await answer).toBe(42);
  });
});
