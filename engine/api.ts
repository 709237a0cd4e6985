/**
 * The one typed surface between the UI and the data engine (a Web Worker behind Comlink).
 * The UI only paints what arrives here; all merging, filtering, persistence and layout happen
 * on the worker side. Plain data only: typed arrays move with `transfer`, callbacks with `proxy`.
 *
 * Vocabulary:
 * - view: what the user asked to see (universe, filters, size metric, zoom, viewport size).
 * - frame: one paint's worth of data for the current view. Tile arrays share one order, given by
 *   `layout.symbols`; `layout` is sent only when geometry changed, so a price tick costs a few
 *   small typed arrays and never re-sends positions.
 */
import type { FeedStatus, FiltersResponse, Quote, Sector, UniverseId } from '../relay/protocol.ts';

export type SizeMetric = 'market_cap' | 'volume' | 'equal';
export type ColorMetric = 'pct_change';

export interface View {
  universe: UniverseId;
  /** Empty means every sector. */
  sectors: Sector[];
  /** Market-cap range in USD; null bounds are open. */
  capMin: number | null;
  capMax: number | null;
  /** Case-insensitive match on symbol or name; empty matches all. */
  search: string;
  /** Custom criteria expression, e.g. `pct_change > 2 and volume > 1e6`; empty matches all. */
  criteria: string;
  sizeBy: SizeMetric;
  colorBy: ColorMetric;
  /** Zoomed into one sector, or null for the whole map. */
  zoomSector: Sector | null;
  /** Viewport in CSS pixels. */
  width: number;
  height: number;
}

export const DEFAULT_VIEW: View = {
  universe: 'sp500',
  sectors: [],
  capMin: null,
  capMax: null,
  search: '',
  criteria: '',
  sizeBy: 'market_cap',
  colorBy: 'pct_change',
  zoomSector: null,
  width: 1280,
  height: 720,
};

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'polling' | 'rate_limited' | 'offline';

/** Whether IndexedDB is working: `quota` means history was dropped to keep the snapshot. */
export type StorageState = 'ok' | 'quota' | 'unavailable' | 'rebuilt';

export interface EngineStatus {
  connection: ConnectionState;
  /** The relay's latest feed status (upstream state + market session), null before any contact. */
  feed: FeedStatus | null;
  /** Epoch ms of the newest data the engine holds (relay's last_update), null when it has none. */
  dataTime: number | null;
  /** Epoch ms when the engine last received any update from the relay. */
  receivedAt: number | null;
  /** No update for more than 3 poll intervals, or data loaded from cache and not yet confirmed. */
  stale: boolean;
  /** True while the data shown came from IndexedDB and nothing live has arrived yet. */
  fromCache: boolean;
  /** When the relay (or the engine's own reconnect) will retry, epoch ms. */
  retryAt: number | null;
  /** Count of inbound messages dropped because they failed validation. */
  invalidMessages: number;
  storage: StorageState;
}

/** A header box for a sector (or industry) group, in the same coordinates as the tiles. */
export interface GroupBox {
  kind: 'sector' | 'industry';
  name: string;
  sector: Sector;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Height of the header strip at the top of the box (0 when there was no room for one). */
  header: number;
}

export interface FrameLayout {
  /** Increments whenever geometry changes; tiles keep identity by symbol across versions. */
  version: number;
  width: number;
  height: number;
  symbols: string[];
  names: string[];
  x: Float32Array;
  y: Float32Array;
  w: Float32Array;
  h: Float32Array;
  groups: GroupBox[];
}

export interface TileSummary {
  symbol: string;
  name: string;
  price: number;
  pct_change: number;
}

export interface ViewStats {
  /** Tiles in the current view. */
  count: number;
  /** Quotes the engine holds for the chosen universe before filters. */
  total: number;
  advancers: number;
  decliners: number;
  unchanged: number;
  /** Top five by pct_change, best first / worst first. */
  gainers: TileSummary[];
  losers: TileSummary[];
}

export interface CriteriaError {
  message: string;
  /** 0-based character offset into the criteria text. */
  position: number;
}

export interface Frame {
  seq: number;
  /** Present when geometry changed since this subscriber's previous frame (always on the first). */
  layout: FrameLayout | null;
  /** Colour metric per tile, in `layout.symbols` order. */
  values: Float32Array;
  prices: Float32Array;
  /** 1 when the relay marked the symbol stale. */
  stale: Uint8Array;
  status: EngineStatus;
  stats: ViewStats;
  criteriaError: CriteriaError | null;
}

export interface Detail {
  quote: Quote;
  /** Ms since the quote's own timestamp. */
  age: number;
}

/** Intraday history for a sparkline: parallel arrays, oldest first, about one point a minute. */
export interface History {
  t: Float64Array;
  price: Float64Array;
}

export interface EngineConfig {
  /** Base URL of the relay's REST API, e.g. `http://localhost:8000`; '' means the page's origin. */
  apiBaseUrl: string;
  /** WebSocket URL, e.g. `ws://localhost:8000/ws/stocks`; '' derives it from apiBaseUrl. */
  wsUrl: string;
  /** Polling period when the WebSocket cannot connect (REACT_APP_POLL_INTERVAL_MS). */
  pollIntervalMs: number;
}

export interface EngineApi {
  /** Loads cached data, then connects. Safe to call once; later calls are ignored. */
  start(config: EngineConfig): Promise<void>;
  /** Emits a frame now and on every change; returns the unsubscribe. */
  subscribe(view: View, onFrame: (frame: Frame) => void): Promise<() => void>;
  /** Replaces the current view; a changed layout arrives in the next frame. */
  setView(view: View): Promise<void>;
  getDetail(symbol: string): Promise<Detail | null>;
  getHistory(symbol: string): Promise<History>;
  getFilters(): Promise<FiltersResponse | null>;
  /**
   * Saves what is not saved yet (snapshot, history) now rather than at the next interval: the
   * page is being hidden, and a phone may never bring it back before it is offline.
   */
  persist(): Promise<void>;
  /** Closes the socket, timers and database. */
  dispose(): Promise<void>;
}
