// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { useLasted } from './useLasted.ts';

afterEach(() => vi.useRealTimers());

describe('useLasted(active, ms)', () => {
  it('useLasted(active, ms) turns true only once active has held for ms', () => {
    vi.useFakeTimers();
    const { result, rerender } = renderHook(({ active }) => useLasted(active, 3000), { initialProps: { active: true } });
    expect(result.current).toBe(false);
    act(() => vi.advanceTimersByTime(2999));
    expect(result.current).toBe(false);
    act(() => vi.advanceTimersByTime(1));
    expect(result.current).toBe(true);
    rerender({ active: false });
    expect(result.current).toBe(false);
  });

  it('useLasted(active, ms) starts over after a break, so a blip shorter than ms never shows', () => {
    vi.useFakeTimers();
    const { result, rerender } = renderHook(({ active }) => useLasted(active, 3000), { initialProps: { active: true } });
    act(() => vi.advanceTimersByTime(2000));
    rerender({ active: false });
    rerender({ active: true });
    act(() => vi.advanceTimersByTime(2000));
    expect(result.current).toBe(false);
  });

  it('useLasted(active, 0) is true at once', () => {
    const { result } = renderHook(() => useLasted(true, 0));
    expect(result.current).toBe(true);
  });
});
