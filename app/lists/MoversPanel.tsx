/**
 * Beside the map on wide screens: breadth (advancers vs decliners) and the top five gainers and
 * losers of the current view. Each row opens that stock's details.
 */
import type { TileSummary, ViewStats } from '../../engine/api.ts';
import type { RenderFrame } from '../data/frameStore.ts';
import { useFrameSelector } from '../data/useFrameSelector.ts';
import { formatPrice, tilePctLabel } from '../format/numbers.ts';
import { Breadth } from './Breadth.tsx';
import './lists.css';

const selectStats = (f: RenderFrame | null): ViewStats | null => f?.stats ?? null;
const sameStats = (a: ViewStats | null, b: ViewStats | null) => JSON.stringify(a) === JSON.stringify(b);

export function MoversPanel({ onOpen }: { onOpen(symbol: string): void }) {
  const stats = useFrameSelector(selectStats, sameStats);
  if (!stats || stats.count === 0) return null;
  return (
    <aside className="movers" aria-label="Market movers in view" data-testid="movers">
      <Breadth stats={stats} />
      <MoverList title="Top gainers" rows={stats.gainers} onOpen={onOpen} testId="gainers" />
      <MoverList title="Top losers" rows={stats.losers} onOpen={onOpen} testId="losers" />
    </aside>
  );
}

function MoverList({ title, rows, onOpen, testId }: { title: string; rows: TileSummary[]; onOpen(s: string): void; testId: string }) {
  return (
    <section className="mover-list" data-testid={testId}>
      <h2>{title}</h2>
      <ol>
        {rows.map((r) => {
          const dir = r.pct_change > 0 ? 'up' : r.pct_change < 0 ? 'down' : 'flat';
          return (
            <li key={r.symbol}>
              <button type="button" className="mover" onClick={() => onOpen(r.symbol)} title={r.name}>
                <span className="mover-symbol">{r.symbol}</span>
                <span className="mover-price">{formatPrice(r.price)}</span>
                <span className={`mover-pct move ${dir}`}>{tilePctLabel(r.pct_change)}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
