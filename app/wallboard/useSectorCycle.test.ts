// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { cycleOrder, nextInCycle } from './useSectorCycle.ts';

describe('cycleOrder(selected) / nextInCycle(order, current)', () => {
  it('goes overview → each sector in map order → overview', () => {
    const order = cycleOrder([]);
    expect(order).toHaveLength(12);
    expect(order[0]).toBeNull();
    expect(nextInCycle(order, null)).toBe('Information Technology');
    expect(nextInCycle(order, 'Materials')).toBeNull();
  });

  it('cycles only through the chosen sectors, in map order', () => {
    const order = cycleOrder(['Energy', 'Financials']);
    expect(order).toEqual([null, 'Financials', 'Energy']);
    expect(nextInCycle(order, 'Financials')).toBe('Energy');
    expect(nextInCycle(order, 'Utilities')).toBeNull();
  });
});
