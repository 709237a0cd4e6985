// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRoot } from 'react-dom/client';
import { reportUncaughtErrors, showStartFailure, START_FAILED, UI_FAILED } from './startFailure.ts';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

function Broken(): never {
  throw new Error('a bug in a component');
}

describe('start failure', () => {
  it('showStartFailure(root, message) replaces whatever was there (the static frame) with one alert line', () => {
    const root = document.createElement('div');
    root.innerHTML = '<div class="boot-shell"><p>Loading the market map…</p></div>';
    showStartFailure(root, START_FAILED);
    expect(root.querySelector('.boot-shell')).toBeNull();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(START_FAILED);
  });

  it('reportUncaughtErrors(root): an error no component catches leaves a message, not a blank page', async () => {
    // Outside act(), as in the browser: act() would rethrow the error to the test instead.
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const root = document.createElement('div');
    document.body.append(root);
    createRoot(root, reportUncaughtErrors(root)).render(<Broken />);
    await vi.waitFor(() => expect(root.textContent).toBe(UI_FAILED));
    expect(logged.mock.calls.some(([message]) => message === 'the heatmap stopped on an error')).toBe(true);
  });
});
