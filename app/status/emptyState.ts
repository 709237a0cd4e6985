/**
 * Which empty or error state the map area shows instead of a blank canvas, decided from the
 * latest frame: nothing received yet, no data at all (upstream down, nothing cached), or a
 * filter that matches nothing.
 */
import type { RenderFrame } from '../data/frameStore.ts';
import { formatClock } from '../format/time.ts';

export type EmptyKind = 'waiting' | 'unavailable' | 'no-matches' | 'bad-criteria';

export interface EmptyState {
  kind: EmptyKind;
  title: string;
  message: string;
}

export function emptyStateFor(frame: RenderFrame | null): EmptyState | null {
  if (!frame) return { kind: 'waiting', title: 'Connecting…', message: 'Waiting for the first market data.' };
  const { stats, status } = frame;
  if (stats.count > 0) return null;
  if (stats.total === 0) {
    const upstream = status.feed?.status;
    const cutOff = status.connection === 'offline' || status.connection === 'rate_limited' || upstream === 'down' || upstream === 'rate_limited';
    if (cutOff) {
      const retry = status.retryAt ?? status.feed?.retry_at ?? null;
      const raw = status.connection === 'offline' ? 'You are offline' : (status.feed?.reason ?? 'The market data provider is unavailable');
      const reason = raw.charAt(0).toUpperCase() + raw.slice(1);
      return {
        kind: 'unavailable',
        title: 'Market data unavailable',
        message: `${reason}, and there is no saved data to show yet.${retry ? ` Retrying at ${formatClock(retry)}.` : ' Retrying automatically.'}`,
      };
    }
    return { kind: 'waiting', title: 'No data yet', message: 'Waiting for the first quotes from the market feed.' };
  }
  if (frame.criteriaError) {
    return { kind: 'bad-criteria', title: 'Check the criteria', message: 'The custom criteria could not be read; fix the expression above.' };
  }
  return { kind: 'no-matches', title: 'No matches', message: `None of the ${stats.total} stocks match these filters.` };
}
