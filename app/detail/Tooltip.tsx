/** The hover / long-press readout: name, price, change, % change, volume, market cap, staleness. */
import { useCallback } from 'react';
import { useFrameSelector, shallowEqual } from '../data/useFrameSelector.ts';
import { tileInfo } from '../data/tileLookup.ts';
import type { RenderFrame } from '../data/frameStore.ts';
import { formatChange, formatCompact, formatMarketCap, formatPrice, tilePctLabel } from '../format/numbers.ts';
import { formatAgo } from '../format/time.ts';
import { useDetail } from './useDetail.ts';
import './tooltip.css';

export interface TooltipProps {
  symbol: string;
  x: number;
  y: number;
  pinned: boolean;
  bounds: { width: number; height: number };
}

const WIDTH = 240;
const HEIGHT = 150;

export function Tooltip({ symbol, x, y, pinned, bounds }: TooltipProps) {
  const select = useCallback((f: RenderFrame | null) => tileInfo(f, symbol), [symbol]);
  const tile = useFrameSelector(select, (a, b) => (a && b ? shallowEqual(a, b) : a === b));
  const detail = useDetail(symbol, 2000);
  if (!tile) return null;
  const left = x + 16 + WIDTH > bounds.width ? Math.max(4, x - 16 - WIDTH) : x + 16;
  const top = Math.min(Math.max(4, y + 16), Math.max(4, bounds.height - HEIGHT));
  const quote = detail?.quote;
  const dir = tile.pct > 0 ? 'up' : tile.pct < 0 ? 'down' : 'flat';
  return (
    <div className="tooltip" role="status" style={{ left, top, width: WIDTH }} data-pinned={pinned || undefined}>
      <div className="tooltip-head">
        <strong>{tile.symbol}</strong>
        <span className="tooltip-name">{tile.name}</span>
      </div>
      <div className="tooltip-price">
        <span>{formatPrice(tile.price)}</span>
        <span className={`move ${dir}`}>
          {quote ? formatChange(tile.price - quote.prev_close) : ''} {tilePctLabel(tile.pct)}
        </span>
      </div>
      <dl className="tooltip-facts">
        <dt>Volume</dt>
        <dd>{quote ? formatCompact(quote.volume) : '…'}</dd>
        <dt>Mkt cap</dt>
        <dd>{quote ? formatMarketCap(quote.market_cap) : '…'}</dd>
      </dl>
      {tile.stale && (
        <div className="tooltip-stale">
          Stale — last updated {detail ? formatAgo(detail.age) : '…'}
        </div>
      )}
      {pinned && <div className="tooltip-hint">Tap again for details</div>}
    </div>
  );
}
