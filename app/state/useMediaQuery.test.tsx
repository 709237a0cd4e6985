// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { forgetMediaQueries, useMediaQuery } from './useMediaQuery.ts';

/** A matchMedia whose answers a test sets, counting the lists it makes. */
function fakeMatchMedia() {
  const listeners = new Set<() => void>();
  const fake = { matches: false, made: 0 };
  const matchMedia = vi.fn((query: string) => {
    fake.made++;
    return {
      media: query,
      get matches() { return fake.matches; },
      addEventListener: (_: string, listener: () => void) => listeners.add(listener),
      removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
    };
  });
  vi.stubGlobal('matchMedia', matchMedia);
  return { fake, change(matches: boolean) { fake.matches = matches; for (const l of listeners) l(); }, listeners };
}

function Probe() {
  const small = useMediaQuery('(max-width: 760px)');
  const [renders, setRenders] = useState(0);
  return <button onClick={() => setRenders((n) => n + 1)}>{`${small ? 'small' : 'large'} ${renders}`}</button>;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  forgetMediaQueries();
});

describe('useMediaQuery(query)', () => {
  it('asks matchMedia once per query however often the component renders', () => {
    const { fake } = fakeMatchMedia();
    render(<Probe />);
    for (let i = 0; i < 5; i++) act(() => screen.getByRole('button').click());
    expect(screen.getByRole('button').textContent).toBe('large 5');
    expect(fake.made).toBe(1);
  });

  it('follows a change of the answer, and stops listening on unmount', () => {
    const media = fakeMatchMedia();
    const { unmount } = render(<Probe />);
    act(() => media.change(true));
    expect(screen.getByRole('button').textContent).toBe('small 0');
    act(() => media.change(false));
    expect(screen.getByRole('button').textContent).toBe('large 0');
    unmount();
    expect(media.listeners.size).toBe(0);
  });

  it('answers no where the browser has no matchMedia', () => {
    vi.stubGlobal('matchMedia', undefined);
    render(<Probe />);
    expect(screen.getByRole('button').textContent).toBe('large 0');
  });
});
