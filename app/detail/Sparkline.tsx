/**
 * Intraday price line from the engine's history, with the previous close as a dashed baseline;
 * coloured by whether the last point is above or below that baseline.
 */
import { area, extent, line, scaleLinear } from 'd3';
import type { History } from '../../engine/api.ts';

export interface SparklineProps {
  history: History;
  prevClose: number | null;
  width: number;
  height: number;
}

export function Sparkline({ history, prevClose, width, height }: SparklineProps) {
  const n = history.t.length;
  if (n === 0) return <p className="sparkline-empty">No intraday history yet.</p>;
  const points = Array.from({ length: n }, (_, i) => [history.t[i]!, history.price[i]!] as const);
  let [t0] = extent(points, (p) => p[0]) as [number, number];
  const t1 = points[n - 1]![0];
  // A single point (the first minute of a session) still shows where it sits against the close.
  if (t0 === t1) t0 -= 60_000;
  let [p0, p1] = extent(points, (p) => p[1]) as [number, number];
  if (prevClose !== null) {
    p0 = Math.min(p0, prevClose);
    p1 = Math.max(p1, prevClose);
  }
  const pad = (p1 - p0) * 0.08 || 1;
  const x = scaleLinear().domain([t0, t1]).range([1, width - 1]);
  const y = scaleLinear().domain([p0 - pad, p1 + pad]).range([height - 1, 1]);
  const last = points[n - 1]![1];
  const dir = prevClose === null || last === prevClose ? 'flat' : last > prevClose ? 'up' : 'down';
  const path = line<readonly [number, number]>().x((p) => x(p[0])).y((p) => y(p[1]))(points) ?? '';
  const fill = area<readonly [number, number]>().x((p) => x(p[0])).y0(height).y1((p) => y(p[1]))(points) ?? '';
  return (
    <svg
      className={`sparkline ${dir}`}
      data-testid="sparkline"
      data-points={n}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={`Intraday price, ${n} points, last ${last.toFixed(2)}${prevClose !== null ? `, previous close ${prevClose.toFixed(2)}` : ''}`}
    >
      <path className="sparkline-area" d={fill} />
      {prevClose !== null && <line className="sparkline-base" x1={0} x2={width} y1={y(prevClose)} y2={y(prevClose)} />}
      <path className="sparkline-line" d={path} />
      {/* A zero-length round-capped stroke: stays a dot when the chart stretches to its box. */}
      <path className="sparkline-dot" d={`M${x(points[n - 1]![0])},${y(last)}h0`} />
    </svg>
  );
}
