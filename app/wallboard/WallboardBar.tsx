/** The wallboard's only chrome: a subtle clock, the session, the feed state and a way out. */
import { formatClock } from '../format/time.ts';
import { useNow } from '../status/useNow.ts';
import { ConnectionPill, SessionBadge } from '../status/StatusBar.tsx';
import type { Sector } from '../../relay/protocol.ts';

export function WallboardBar({ zoom, onExit }: { zoom: Sector | null; onExit(): void }) {
  const now = useNow(1000);
  return (
    <div className="wallboard-bar" data-testid="wallboard-bar">
      <span className="wallboard-clock">{formatClock(now, { seconds: false })}</span>
      <span className="wallboard-title">{zoom ?? 'All sectors'}</span>
      <SessionBadge />
      <ConnectionPill />
      <button type="button" className="wallboard-exit" onClick={onExit}>
        Exit wallboard
      </button>
    </div>
  );
}
