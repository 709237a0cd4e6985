// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, screen } from '@testing-library/react';
import { EmptyStateView } from './EmptyStateView.tsx';
import { createFlag } from '../state/flag.ts';
import { createFakeEngine } from '../test/fakeEngine.ts';
import { renderWithEngine } from '../test/renderWithEngine.tsx';
import { emptyStateFor } from './emptyState.ts';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const view = (mapPainted: boolean) => <EmptyStateView onClearFilters={() => undefined} mapPainted={createFlag(mapPainted)} />;

describe('EmptyStateView({ mapPainted })', () => {
  it('says "Connecting…" while nothing has come and the canvas is empty', () => {
    renderWithEngine(view(false), createFakeEngine([]));
    expect(screen.getByTestId('empty-state').textContent).toContain('Connecting…');
  });

  it("stays out of the way of the last visit's map on the canvas, for a while", () => {
    vi.useFakeTimers();
    renderWithEngine(view(true), createFakeEngine([]));
    expect(screen.queryByTestId('empty-state')).toBeNull();
    act(() => vi.advanceTimersByTime(4_900));
    expect(screen.queryByTestId('empty-state')).toBeNull();
    // Still no frame from the engine after 5 s: that is news, map or not.
    act(() => vi.advanceTimersByTime(200));
    expect(screen.getByTestId('empty-state').textContent).toContain('Connecting…');
  });
});

describe('the static frame in index.html', () => {
  it("says the app's first message word for word, so nothing changes on screen when React takes over", () => {
    const html = new DOMParser().parseFromString(readFileSync(fileURLToPath(new globalThis.URL('../index.html', import.meta.url).href), 'utf8'), 'text/html');
    const first = emptyStateFor(null)!;
    expect(html.querySelector('.boot-status h2')?.textContent).toBe(first.title);
    expect(html.querySelector('.boot-status p')?.textContent).toBe(first.message);
  });
});
