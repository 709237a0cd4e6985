/**
 * The wallboard's only chrome: a subtle clock, the map level, the session and the feed state.
 * The sector cycle and the way out appear on hover or focus, so the wall stays calm.
 */
import { useId } from 'react';
import { formatClock } from '../format/time.ts';
import { useNow } from '../status/useNow.ts';
import { ConnectionPill, SessionBadge } from '../status/StatusBar.tsx';
import type { Sector } from '../../relay/protocol.ts';

const CYCLES = [0, 15, 30, 60, 120];

export interface WallboardBarProps {
  zoom: Sector | null;
  cycle: number;
  onCycle(seconds: number): void;
  onExit(): void;
}

export function WallboardBar({ zoom, cycle, onCycle, onExit }: WallboardBarProps) {
  const now = useNow(1000);
  const id = useId();
  return (
    <div className="wallboard-bar" data-testid="wallboard-bar">
      <span className="wallboard-clock">{formatClock(now, { seconds: false })}</span>
      <span className="wallboard-title">{zoom ?? 'All sectors'}</span>
      <SessionBadge />
      <ConnectionPill />
      <span className="wallboard-tools">
        <label htmlFor={id}>Cycle sectors</label>
        <select id={id} className="select" value={cycle} onChange={(e) => onCycle(Number(e.target.value))}>
          {(CYCLES.includes(cycle) ? CYCLES : [...CYCLES, cycle]).map((s) => (
            <option key={s} value={s}>
              {s === 0 ? 'off' : `every ${s} s`}
            </option>
          ))}
        </select>
        <button type="button" className="button" onClick={onExit}>
          Exit wallboard
        </button>
      </span>
    </div>
  );
}
