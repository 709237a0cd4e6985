/**
 * Always-visible truth about the feed: the market session badge, the connection pill and a
 * ticking "updated N s ago". When anything is not plainly live, a calm strip below the header
 * says what is happening and which data is on screen. Never blocks the map.
 */
import type { EngineStatus } from '../../engine/api.ts';
import type { RenderFrame } from '../data/frameStore.ts';
import { useFrameSelector } from '../data/useFrameSelector.ts';
import { formatAgo, formatDataTime } from '../format/time.ts';
import { bannerFor } from './bannerText.ts';
import { useNow } from './useNow.ts';
import { useLasted } from './useLasted.ts';
import './status.css';

const selectStatus = (f: RenderFrame | null): EngineStatus | null => f?.status ?? null;
/** Status objects are rebuilt per frame; compare by content so ticks do not re-render this. */
const sameStatus = (a: EngineStatus | null, b: EngineStatus | null) => JSON.stringify(a) === JSON.stringify(b);

export function useEngineStatus(): EngineStatus | null {
  return useFrameSelector(selectStatus, sameStatus);
}

export function SessionBadge() {
  const status = useEngineStatus();
  const now = useNow(60_000);
  const session = status?.feed?.session;
  if (!session) return <span className="session-badge unknown" data-testid="session-badge">Session unknown</span>;
  const title = session.next_change ? `Next change ${formatDataTime(session.next_change, now, { seconds: false })}` : undefined;
  return (
    <span className={`session-badge ${session.phase}`} data-testid="session-badge" title={title}>
      {session.label}
      {session.simulated && !/simulated/i.test(session.label) && <span className="session-sim">· simulated</span>}
    </span>
  );
}

export function ConnectionPill() {
  const status = useEngineStatus();
  const now = useNow(1000);
  if (!status) return <span className="connection-pill info">connecting</span>;
  const banner = bannerFor(status, now);
  // The age of the data itself (the relay's last good provider update), not of the last message:
  // a rate-limited feed still sends status messages, but its data is getting older.
  const since = status.dataTime;
  return (
    <span className={`connection-pill ${banner.tone}`} data-testid="connection-pill" data-connection={status.connection}>
      <span className="dot" aria-hidden="true" />
      {banner.short}
      {since !== null && (
        <span className="updated" data-testid="last-updated">
          {' '}
          · updated {formatAgo(now - since)}
        </span>
      )}
    </span>
  );
}

/**
 * Connecting with the cached map on screen (a returning visitor's start) gets the strip only once
 * it has lasted this long; the header pill says it at once, and the cached tiles are hatched as
 * stale. It is usually over in a second, and a strip that appears for a second and then goes only
 * shoves the map down and back up (and makes the engine lay it out twice). Every other state,
 * including a dropped connection, shows at once.
 */
const CONNECTING_GRACE_MS = 3000;

export function StatusBanner() {
  const status = useEngineStatus();
  const now = useNow(1000);
  const banner = status ? bannerFor(status, now) : null;
  // The very first connect is told by the header pill and the empty map, and so is a feed that is
  // slow to send its first quotes ("stale" with no data at all): the empty map says "No data yet".
  const noDataYet = status !== null && status.dataTime === null && status.receivedAt === null;
  const connecting = banner?.short === 'connecting';
  const quiet = !status || !banner || banner.tone === 'live' || (connecting && !status.fromCache) || (banner.short === 'stale' && noDataYet);
  const shown = useLasted(!quiet, connecting ? CONNECTING_GRACE_MS : 0);
  if (!status || !banner) return null;
  return (
    <div className={`status-banner ${banner.tone}`} role="status" aria-live="polite" data-testid="status-banner" data-tone={banner.tone} hidden={!shown}>
      {banner.text}
    </div>
  );
}
