/**
 * What the status banner says for an engine status, in the calm wording the product promises:
 * `live`, `reconnecting…`, `rate-limited — retrying at HH:MM:SS, showing data from HH:MM:SS`,
 * `offline — showing data from HH:MM`, `polling`. The tone picks the banner's colour; only
 * `live` hides the banner strip (the header pill still says it).
 */
import type { EngineStatus } from '../../engine/api.ts';
import { formatClock, formatDataTime, type TimeFormatOptions } from '../format/time.ts';

export type BannerTone = 'live' | 'info' | 'warn';

export interface Banner {
  tone: BannerTone;
  /** One or two words for the header pill. */
  short: string;
  text: string;
}

export function bannerFor(status: EngineStatus, now: number, options: TimeFormatOptions = {}): Banner {
  const clock = (t: number) => formatClock(t, { ...options, seconds: true });
  // Formatted only when the text needs it: a live banner (every frame) formats no time at all.
  const dataFrom = (withSeconds: boolean) =>
    status.dataTime === null ? null : formatDataTime(status.dataTime, now, { ...options, seconds: withSeconds });
  const dataFromSeconds = () => dataFrom(true);
  const connecting = (): Banner => {
    const from = status.fromCache ? dataFrom(false) : null;
    return { tone: 'info', short: 'connecting', text: from ? `connecting… — showing data from ${from}` : 'connecting…' };
  };
  const retryAt = status.retryAt ?? status.feed?.retry_at ?? null;
  const upstream = status.feed?.status ?? 'ok';

  switch (status.connection) {
    case 'offline': {
      const from = dataFrom(false);
      return { tone: 'warn', short: 'offline', text: from ? `offline — showing data from ${from}` : 'offline — no data yet' };
    }
    case 'connecting':
      return connecting();
    case 'reconnecting':
      return { tone: 'info', short: 'reconnecting', text: 'reconnecting…' };
    case 'polling':
      return withUpstream({ tone: 'info', short: 'polling', text: 'polling' }, upstream, retryAt, clock, dataFromSeconds);
    case 'rate_limited':
      return rateLimited(retryAt, clock, dataFromSeconds());
    case 'live':
      // The socket is open but its first snapshot has not come yet: still connecting, on the
      // cached data (not "stale — no update since …" for the moment in between).
      if (status.fromCache) return connecting();
      if (status.stale && upstream === 'ok') {
        const since = status.receivedAt ?? status.dataTime;
        return { tone: 'warn', short: 'stale', text: since ? `stale — no update since ${clock(since)}` : 'stale' };
      }
      return withUpstream({ tone: 'live', short: 'live', text: 'live' }, upstream, retryAt, clock, dataFromSeconds);
  }
}

function rateLimited(retryAt: number | null, clock: (t: number) => string, from: string | null): Banner {
  const retry = retryAt !== null ? `retrying at ${clock(retryAt)}` : 'retrying soon';
  return { tone: 'warn', short: 'rate-limited', text: `rate-limited — ${retry}, ${from ? `showing data from ${from}` : 'no data yet'}` };
}

/** The relay's own upstream trouble outranks a healthy socket: the data is not fresh. */
function withUpstream(
  base: Banner,
  upstream: 'ok' | 'degraded' | 'rate_limited' | 'down',
  retryAt: number | null,
  clock: (t: number) => string,
  dataFrom: () => string | null,
): Banner {
  if (upstream === 'rate_limited') return rateLimited(retryAt, clock, dataFrom());
  if (upstream === 'down') {
    const from = dataFrom();
    const tail = [retryAt !== null ? `retrying at ${clock(retryAt)}` : null, from ? `showing data from ${from}` : 'no data yet'];
    return { tone: 'warn', short: 'upstream down', text: `upstream down — ${tail.filter(Boolean).join(', ')}` };
  }
  if (upstream === 'degraded') return { ...base, tone: base.tone === 'live' ? 'info' : base.tone, text: `${base.text} — upstream degraded` };
  return base;
}
