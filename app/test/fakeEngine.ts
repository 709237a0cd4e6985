/**
 * A small in-thread stand-in for the engine worker, for component tests: it filters its quotes by
 * the view (sectors, search, zoom, a tiny `pct_change > N` criteria form), lays them out as one
 * band per sector with a header strip, and emits frames when told to.
 */
import { SECTORS, type Quote } from '../../relay/protocol.ts';
import type { CriteriaError, EngineStatus, Frame, FrameLayout, GroupBox, History, View, ViewStats } from '../../engine/api.ts';
import type { AppEngine } from '../data/EngineContext.tsx';
import { engineStatus } from './fixtures.ts';

export interface FakeEngine extends AppEngine {
  quotes: Quote[];
  status: EngineStatus;
  views: View[];
  /** Sends a frame for the current view to every subscriber. */
  emit(): void;
  /** Updates some quotes' pct_change and emits a values-only frame. */
  tick(changes: Record<string, number>): void;
  subscribers(): number;
}

const HEADER = 16;

function criteria(text: string): { error: CriteriaError | null; test(q: Quote): boolean } {
  if (text === '') return { error: null, test: () => true };
  const m = /^pct_change\s*([<>])\s*(-?\d+(\.\d+)?)$/.exec(text);
  if (!m) {
    const at = text.search(/[^a-z_ <>.\d-]/);
    return { error: { message: `unexpected character '${text[Math.max(0, at)]}'`, position: Math.max(0, at) }, test: () => false };
  }
  const n = Number(m[2]);
  return { error: null, test: (q) => (m[1] === '>' ? q.pct_change > n : q.pct_change < n) };
}

function layoutFor(quotes: Quote[], view: View, version: number): FrameLayout {
  const sectors = SECTORS.filter((s) => quotes.some((q) => q.sector === s));
  const band = sectors.length > 0 ? view.height / sectors.length : 0;
  const symbols: string[] = [], names: string[] = [], x: number[] = [], y: number[] = [], w: number[] = [], h: number[] = [];
  const groups: GroupBox[] = [];
  sectors.forEach((sector, si) => {
    const members = quotes.filter((q) => q.sector === sector);
    const top = si * band;
    groups.push({ kind: 'sector', name: sector, sector, x: 0, y: top, w: view.width, h: band, header: HEADER });
    const tw = view.width / members.length;
    members.forEach((q, i) => {
      symbols.push(q.symbol);
      names.push(q.name);
      x.push(i * tw);
      y.push(top + HEADER);
      w.push(tw);
      h.push(band - HEADER);
    });
  });
  return {
    version,
    width: view.width,
    height: view.height,
    symbols,
    names,
    x: Float32Array.from(x),
    y: Float32Array.from(y),
    w: Float32Array.from(w),
    h: Float32Array.from(h),
    groups,
  };
}

function statsFor(all: Quote[], shown: Quote[]): ViewStats {
  const sorted = [...shown].sort((a, b) => b.pct_change - a.pct_change);
  const summary = (q: Quote) => ({ symbol: q.symbol, name: q.name, price: q.price, pct_change: q.pct_change });
  return {
    count: shown.length,
    total: all.length,
    advancers: shown.filter((q) => q.pct_change > 0).length,
    decliners: shown.filter((q) => q.pct_change < 0).length,
    unchanged: shown.filter((q) => q.pct_change === 0).length,
    gainers: sorted.slice(0, 5).map(summary),
    losers: [...sorted].reverse().slice(0, 5).map(summary),
  };
}

export function createFakeEngine(initial: Quote[]): FakeEngine {
  const listeners = new Set<(frame: Frame) => void>();
  let view: View | null = null;
  let layout: FrameLayout | null = null;
  let layoutKey = '';
  let seq = 0;

  const frameFor = (v: View): Frame => {
    const c = criteria(v.criteria);
    const needle = v.search.toLowerCase();
    const shown = fake.quotes.filter(
      (q) =>
        (v.sectors.length === 0 || v.sectors.includes(q.sector)) &&
        (v.zoomSector === null || q.sector === v.zoomSector) &&
        (needle === '' || q.symbol.toLowerCase().includes(needle) || q.name.toLowerCase().includes(needle)) &&
        c.test(q),
    );
    const key = JSON.stringify([shown.map((q) => q.symbol), v.width, v.height]);
    const changed = key !== layoutKey || !layout;
    if (changed) {
      layout = layoutFor(shown, v, (layout?.version ?? 0) + 1);
      layoutKey = key;
    }
    const bySymbol = new Map(fake.quotes.map((q) => [q.symbol, q]));
    const rows = layout!.symbols.map((s) => bySymbol.get(s)!);
    return {
      seq: ++seq,
      layout: changed ? layout : null,
      values: Float32Array.from(rows, (q) => q.pct_change),
      prices: Float32Array.from(rows, (q) => q.price),
      stale: Uint8Array.from(rows, (q) => (q.stale ? 1 : 0)),
      status: fake.status,
      stats: statsFor(fake.quotes, shown),
      criteriaError: c.error,
    };
  };

  const fake: FakeEngine = {
    quotes: initial.map((q) => ({ ...q })),
    status: engineStatus(),
    views: [],
    emit() {
      if (!view) return;
      const frame = frameFor(view);
      for (const listener of listeners) listener(frame);
    },
    tick(changes) {
      fake.quotes = fake.quotes.map((q) => (q.symbol in changes ? { ...q, pct_change: changes[q.symbol]! } : q));
      fake.emit();
    },
    subscribers: () => listeners.size,
    async subscribe(v, onFrame) {
      view = v;
      fake.views.push(v);
      listeners.add(onFrame);
      onFrame(frameFor(v));
      return () => listeners.delete(onFrame);
    },
    async setView(v) {
      view = v;
      fake.views.push(v);
      fake.emit();
    },
    async getDetail(symbol) {
      const q = fake.quotes.find((x) => x.symbol === symbol);
      return q ? { quote: q, age: 5000 } : null;
    },
    async getHistory(): Promise<History> {
      const t = Float64Array.from({ length: 30 }, (_, i) => 1_700_000_000_000 + i * 60_000);
      return { t, price: Float64Array.from(t, (_, i) => 100 + Math.sin(i / 4)) };
    },
    async getFilters() {
      return null;
    },
  };
  return fake;
}
