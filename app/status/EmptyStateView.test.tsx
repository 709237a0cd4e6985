// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, screen } from '@testing-library/react';
import { EmptyStateView } from './EmptyStateView.tsx';
import { createFakeEngine } from '../test/fakeEngine.ts';
import { renderWithEngine } from '../test/renderWithEngine.tsx';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const view = (mapPainted: boolean) => <EmptyStateView onClearFilters={() => undefined} mapPainted={mapPainted} />;

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
