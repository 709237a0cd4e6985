/**
 * Wallboard auto-cycle: every `seconds`, zoom to the next sector (overview first, then each chosen
 * sector in map order, then back). Zoom changes replace the history entry instead of piling up.
 */
import { useEffect } from 'react';
import type { Sector } from '../../relay/protocol.ts';
import { SECTORS } from '../state/protocolLists.ts';

export function cycleOrder(selected: readonly Sector[]): (Sector | null)[] {
  const sectors = selected.length > 0 ? SECTORS.filter((s) => selected.includes(s)) : [...SECTORS];
  return [null, ...sectors];
}

export function nextInCycle(order: readonly (Sector | null)[], current: Sector | null): Sector | null {
  const i = order.indexOf(current);
  return order[(i + 1) % order.length] ?? null;
}

export function useSectorCycle(options: {
  seconds: number;
  sectors: readonly Sector[];
  zoom: Sector | null;
  setZoom(zoom: Sector | null): void;
}): void {
  const { seconds, sectors, zoom, setZoom } = options;
  useEffect(() => {
    if (seconds <= 0) return;
    const timer = window.setTimeout(() => setZoom(nextInCycle(cycleOrder(sectors), zoom)), seconds * 1000);
    return () => window.clearTimeout(timer);
  }, [seconds, sectors, zoom, setZoom]);
}
