/**
 * The detail panel for one stock: live price and change, volume, market cap, sector/industry,
 * intraday sparkline, last-update time and a stale marker. Non-modal: the map keeps updating
 * beside it. Focus moves to the close button on open; the app returns it to the tile on close.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { RenderFrame } from '../data/frameStore.ts';
import { useFrameSelector, shallowEqual } from '../data/useFrameSelector.ts';
import { tileInfo } from '../data/tileLookup.ts';
import { formatChange, formatCompact, formatMarketCap, formatPrice, tilePctLabel } from '../format/numbers.ts';
import { formatAgo, formatDataTime } from '../format/time.ts';
import { useDetail, useHistory } from './useDetail.ts';
import { Sparkline } from './Sparkline.tsx';
import { useNow } from '../status/useNow.ts';
import { CloseIcon } from '../shell/icons.tsx';
import './detail.css';

export interface DetailPanelProps {
  symbol: string;
  onClose(): void;
}

export function DetailPanel({ symbol, onClose }: DetailPanelProps) {
  const detail = useDetail(symbol, 1000);
  const history = useHistory(symbol, 15_000);
  const now = useNow(30_000);
  const closeRef = useRef<HTMLButtonElement | null>(null);
  useEffect(() => closeRef.current?.focus(), [symbol]);
  // Price and % change follow every frame; the rest comes from the (slower) detail fetch.
  const select = useCallback((f: RenderFrame | null) => tileInfo(f, symbol), [symbol]);
  const tile = useFrameSelector(select, (a, b) => (a && b ? shallowEqual(a, b) : a === b));
  const q = detail?.quote;
  const price = tile?.price ?? q?.price ?? NaN;
  const pct = tile?.pct ?? q?.pct_change ?? NaN;
  const dir = pct > 0 ? 'up' : pct < 0 ? 'down' : 'flat';
  // Stale like its tile: the quote missed the relay's latest update, or no data is live at all
  // (offline, from the cache, the relay silent).
  const staleNote = q?.stale
    ? 'this quote was not refreshed by the latest update'
    : tile?.stale ? 'no live data now; this is the last price received' : null;

  return (
    <aside className="detail-panel" role="dialog" aria-modal="false" aria-labelledby="detail-title" data-testid="detail-panel" data-symbol={symbol}>
      <header className="detail-head">
        <div>
          <h2 id="detail-title">{symbol}</h2>
          <p className="detail-name">{q?.name ?? ''}</p>
        </div>
        <button ref={closeRef} type="button" className="icon-button" onClick={onClose} aria-label="Close details">
          <CloseIcon />
        </button>
      </header>
      {detail === undefined && <p className="detail-loading">Loading…</p>}
      {detail === null && <p className="detail-loading">No data for {symbol}.</p>}
      {q && (
        <>
          <div className="detail-price">
            <span className="price">{formatPrice(price)}</span>
            <span className={`move ${dir}`}>
              {formatChange(price - q.prev_close)} ({tilePctLabel(pct)})
            </span>
          </div>
          {staleNote && (
            <p className="detail-stale" role="note" data-testid="detail-stale">
              Stale — {staleNote} ({formatAgo(detail.age)}).
            </p>
          )}
          <div className="detail-chart">
            {history ? <Sparkline history={history} prevClose={q.prev_close} width={288} height={88} /> : <p className="sparkline-empty">Loading chart…</p>}
          </div>
          <dl className="detail-facts">
            <dt>Volume</dt>
            <dd>{formatCompact(q.volume)}</dd>
            <dt>Market cap</dt>
            <dd>{formatMarketCap(q.market_cap)}</dd>
            <dt>Prev close</dt>
            <dd>{formatPrice(q.prev_close)}</dd>
            <dt>Sector</dt>
            <dd>{q.sector}</dd>
            <dt>Industry</dt>
            <dd>{q.industry}</dd>
            <dt>Last update</dt>
            <dd>
              <time dateTime={new Date(q.timestamp).toISOString()}>{formatDataTime(q.timestamp, now)}</time>
            </dd>
          </dl>
        </>
      )}
    </aside>
  );
}
