// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { useMemo } from 'react';
import { createFlag, useFlag, type Flag } from './flag.ts';

afterEach(cleanup);

describe('createFlag()', () => {
  it('tells its listeners when its value changes, and only then', () => {
    const flag = createFlag();
    const listener = vi.fn();
    const unsubscribe = flag.subscribe(listener);
    flag.set(false);
    expect(listener).not.toHaveBeenCalled();
    flag.set(true);
    expect(flag.get()).toBe(true);
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    flag.set(false);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('useFlag(flag)', () => {
  it('re-renders the reader when the flag is set, not the component that owns it', () => {
    let ownerRenders = 0;
    let flag: Flag | null = null;
    function Reader({ of }: { of: Flag }) {
      return <p data-testid="reader">{String(useFlag(of))}</p>;
    }
    function Owner() {
      ownerRenders++;
      const owned = useMemo(() => createFlag(), []);
      flag = owned;
      return <Reader of={owned} />;
    }
    render(<Owner />);
    expect(screen.getByTestId('reader').textContent).toBe('false');
    const rendersBefore = ownerRenders;
    act(() => flag!.set(true));
    expect(screen.getByTestId('reader').textContent).toBe('true');
    expect(ownerRenders).toBe(rendersBefore);
  });
});
