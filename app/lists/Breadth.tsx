/** Advancers / unchanged / decliners as counts and a proportional bar. */
import type { ViewStats } from '../../engine/api.ts';

export function Breadth({ stats }: { stats: ViewStats }) {
  const total = Math.max(1, stats.advancers + stats.decliners + stats.unchanged);
  const pct = (n: number) => `${(n / total) * 100}%`;
  return (
    <section className="breadth" data-testid="breadth">
      <h2>Breadth</h2>
      <div className="breadth-bar" aria-hidden="true">
        <span className="adv" style={{ width: pct(stats.advancers) }} />
        <span className="unch" style={{ width: pct(stats.unchanged) }} />
        <span className="dec" style={{ width: pct(stats.decliners) }} />
      </div>
      <p className="breadth-counts">
        <span className="move up">▲ {stats.advancers} advancing</span>
        <span className="move down">▼ {stats.decliners} declining</span>
        {stats.unchanged > 0 && <span className="move flat">{stats.unchanged} unchanged</span>}
      </p>
    </section>
  );
}
