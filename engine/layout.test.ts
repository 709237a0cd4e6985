import { describe, expect, it } from 'vitest';
import type { Quote } from '../relay/protocol.ts';
import type { FrameLayout, GroupBox } from './api.ts';
import { computeLayout, tileSize, type LayoutInput, type LayoutState } from './layout.ts';
import { sp500Quotes, syntheticQuotes } from './test/fixtures.ts';

const EPS = 1e-3;

function input(quotes: readonly Quote[], overrides: Partial<LayoutInput> = {}): LayoutInput {
  return { quotes, sizeBy: 'market_cap', width: 1280, height: 720, ...overrides };
}

/** The innermost group each tile belongs to (industry when the sector shows industries). */
function groupOf(layout: FrameLayout, quotes: readonly Quote[], order: Int32Array, k: number): GroupBox {
  const q = quotes[order[k]!]!;
  const industry = layout.groups.find((g) => g.kind === 'industry' && g.sector === q.sector && g.name === q.industry && contains(g, layout, k));
  return industry ?? layout.groups.find((g) => g.kind === 'sector' && g.name === q.sector)!;
}

function contains(g: GroupBox, l: FrameLayout, k: number): boolean {
  return l.x[k]! >= g.x - EPS && l.y[k]! >= g.y + g.header - EPS && l.x[k]! + l.w[k]! <= g.x + g.w + EPS && l.y[k]! + l.h[k]! <= g.y + g.h + EPS;
}

function expectInvariants(
  quotes: readonly Quote[],
  sizeBy: LayoutInput['sizeBy'] = 'market_cap',
  size = { width: 1280, height: 720 },
  { layout, order }: LayoutState = computeLayout(input(quotes, { sizeBy, ...size }), null),
) {
  const n = layout.symbols.length;
  expect(n).toBe(quotes.length);
  expect(new Set(layout.symbols).size).toBe(n);
  // Every tile sits inside its sector (below the header) and, where shown, its industry.
  const members = new Map<GroupBox, number[]>();
  for (let k = 0; k < n; k++) {
    const sector = layout.groups.find((g) => g.kind === 'sector' && g.name === quotes[order[k]!]!.sector)!;
    expect(contains(sector, layout, k), `${layout.symbols[k]} inside ${sector.name}`).toBe(true);
    const group = groupOf(layout, quotes, order, k);
    expect(contains(group, layout, k)).toBe(true);
    members.set(group, [...(members.get(group) ?? []), k]);
  }
  // Within a group, each tile's share of the area equals its share of the size within 1 %.
  for (const tiles of members.values()) {
    const area = (k: number) => layout.w[k]! * layout.h[k]!;
    const totalArea = tiles.reduce((s, k) => s + area(k), 0);
    const totalSize = tiles.reduce((s, k) => s + tileSize(quotes[order[k]!]!, sizeBy), 0);
    for (const k of tiles) {
      const expected = tileSize(quotes[order[k]!]!, sizeBy) / totalSize;
      expect(Math.abs(area(k) / totalArea - expected)).toBeLessThanOrEqual(0.01 * expected + 1e-9);
    }
  }
  // No two tiles overlap (sweep over x to keep this quadratic only in neighbours).
  const byX = [...Array(n).keys()].sort((a, b) => layout.x[a]! - layout.x[b]!);
  for (let i = 0; i < n; i++) {
    const a = byX[i]!;
    for (let j = i + 1; j < n && layout.x[byX[j]!]! < layout.x[a]! + layout.w[a]! - EPS; j++) {
      const b = byX[j]!;
      const dx = Math.min(layout.x[a]! + layout.w[a]!, layout.x[b]! + layout.w[b]!) - Math.max(layout.x[a]!, layout.x[b]!);
      const dy = Math.min(layout.y[a]! + layout.h[a]!, layout.y[b]! + layout.h[b]!) - Math.max(layout.y[a]!, layout.y[b]!);
      expect(dx > EPS && dy > EPS, `${layout.symbols[a]} overlaps ${layout.symbols[b]}`).toBe(false);
    }
  }
  return layout;
}

function rounded(layout: FrameLayout) {
  const r = (v: number) => Math.round(v * 10) / 10;
  return {
    tiles: layout.symbols.map((s, k) => `${s} ${r(layout.x[k]!)} ${r(layout.y[k]!)} ${r(layout.w[k]!)} ${r(layout.h[k]!)}`),
    groups: layout.groups.map((g) => `${g.kind} ${g.name} ${r(g.x)} ${r(g.y)} ${r(g.w)} ${r(g.h)} header=${g.header}`),
  };
}

describe('computeLayout(input, previous)', () => {
  it('keeps tiles in their group, areas proportional and no overlaps (S&P 500, market cap)', () => {
    const layout = expectInvariants(sp500Quotes());
    expect(layout.groups.some((g) => g.kind === 'industry')).toBe(true);
  });

  it('keeps the invariants when sized by volume, equally, in a small viewport and for 2,000 stocks', () => {
    expectInvariants(sp500Quotes(), 'volume');
    expectInvariants(sp500Quotes(), 'equal', { width: 400, height: 300 });
    expectInvariants(syntheticQuotes(2000), 'market_cap', { width: 1920, height: 1080 });
  });

  it('shows industries only when a sector has room', () => {
    const small = computeLayout(input(sp500Quotes(), { width: 320, height: 240 }), null).layout;
    expect(small.groups.filter((g) => g.kind === 'industry')).toEqual([]);
    const large = computeLayout(input(sp500Quotes(), { width: 2560, height: 1440 }), null).layout;
    expect(large.groups.filter((g) => g.kind === 'industry').length).toBeGreaterThan(20);
  });

  it('fills the viewport with one sector when zoomed (only its tiles are given)', () => {
    const energy = sp500Quotes().filter((q) => q.sector === 'Energy');
    const { layout } = computeLayout(input(energy), null);
    expect(layout.groups[0]).toMatchObject({ kind: 'sector', name: 'Energy', x: 0, y: 0, w: 1280, h: 720, header: 16 });
  });

  it('returns the same layout for a price-only update', () => {
    const quotes = sp500Quotes();
    const first = computeLayout(input(quotes), null);
    const ticked = quotes.map((q, i) => ({ ...q, price: q.price * (1 + (i % 7) / 100), pct_change: q.pct_change + 1 }));
    const second = computeLayout(input(ticked), first);
    expect(second).toBe(first);
    expect(second.layout.version).toBe(1);
  });

  it('ignores market-cap wobble below the tolerance', () => {
    const quotes = sp500Quotes();
    const first = computeLayout(input(quotes), null);
    const wobble = quotes.map((q, i) => ({ ...q, market_cap: q.market_cap * (1 + (i % 2 ? 0.002 : -0.002)) }));
    expect(computeLayout(input(wobble), first).layout.version).toBe(1);
  });

  it('keeps the layout through a market-wide move: shares, not sizes, decide', () => {
    const quotes = sp500Quotes();
    const first = computeLayout(input(quotes), null);
    const rally = quotes.map((q) => ({ ...q, market_cap: q.market_cap * 1.03 }));
    expect(computeLayout(input(rally), first)).toBe(first);
  });

  it('re-lays out when one tile\'s share moves beyond the tolerance', () => {
    const quotes = sp500Quotes();
    const first = computeLayout(input(quotes), null);
    const one = quotes.map((q, i) => (i === 7 ? { ...q, market_cap: q.market_cap * 1.01 } : q));
    expect(computeLayout(input(one), first).layout.version).toBe(2);
  });

  it('produces a stable update: sizes change, tiles keep their order and stay near', () => {
    const quotes = sp500Quotes();
    const first = computeLayout(input(quotes), null);
    const before = { x: first.layout.x.slice(), y: first.layout.y.slice(), symbols: first.layout.symbols };
    const grown = quotes.map((q, i) => ({ ...q, market_cap: q.market_cap * (1 + ((i % 5) - 2) / 100) }));
    const second = computeLayout(input(grown), first);
    expect(second.layout.version).toBe(2);
    expect(second.layout.symbols).toEqual(before.symbols);
    let moved = 0;
    for (let k = 0; k < before.symbols.length; k++) moved = Math.max(moved, Math.hypot(second.layout.x[k]! - before.x[k]!, second.layout.y[k]! - before.y[k]!));
    expect(moved).toBeGreaterThan(0);
    expect(moved).toBeLessThan(40);
    expectInvariants(grown);
  });

  it('re-lays out only the sector of a drifting tile, once, and keeps the invariants', () => {
    const quotes = sp500Quotes();
    const first = computeLayout(input(quotes), null);
    const before = { x: first.layout.x.slice(), y: first.layout.y.slice(), w: first.layout.w.slice(), groups: first.layout.groups };
    const sector = quotes[7]!.sector;
    const drifted = quotes.map((q, i) => (i === 7 ? { ...q, market_cap: q.market_cap * 1.02 } : q));
    const second = computeLayout(input(drifted), first);
    expect(second.layout.version).toBe(2);
    expect(second.order).toBe(first.order);
    const moved = new Set<string>();
    for (let k = 0; k < second.order.length; k++) {
      const same = second.layout.x[k] === before.x[k] && second.layout.y[k] === before.y[k] && second.layout.w[k] === before.w[k];
      if (!same) moved.add(drifted[second.order[k]!]!.sector);
    }
    expect([...moved]).toEqual([sector]);
    expect(second.layout.groups.filter((g) => g.sector !== sector)).toEqual(before.groups.filter((g) => g.sector !== sector));
    expectInvariants(drifted, 'market_cap', { width: 1280, height: 720 }, second);
    expect(computeLayout(input(drifted), second)).toBe(second);
  });

  it('re-lays out every sector when a sector\'s share of the map moves', () => {
    const quotes = sp500Quotes();
    const first = computeLayout(input(quotes), null);
    const grown = quotes.map((q) => (q.sector === 'Energy' ? { ...q, market_cap: q.market_cap * 1.05 } : q));
    const second = computeLayout(input(grown), first);
    const sectors = second.layout.groups.filter((g) => g.kind === 'sector');
    const firstSectors = first.layout.groups.filter((g) => g.kind === 'sector');
    expect(sectors.filter((g, j) => g.w * g.h !== firstSectors[j]!.w * firstSectors[j]!.h)).toHaveLength(sectors.length);
    expectInvariants(grown, 'market_cap', { width: 1280, height: 720 }, second);
  });

  it('rebuilds with a new version when the set of tiles or the viewport changes', () => {
    const quotes = sp500Quotes();
    const first = computeLayout(input(quotes), null);
    const fewer = computeLayout(input(quotes.slice(10)), first);
    expect([fewer.layout.version, fewer.layout.symbols.length]).toEqual([2, quotes.length - 10]);
    const wider = computeLayout(input(quotes.slice(10), { width: 1600 }), fewer);
    expect(wider.layout.version).toBe(3);
    expect(Math.max(...[...wider.layout.x].map((x, k) => x + wider.layout.w[k]!))).toBeCloseTo(1600, 0);
  });

  it('maps each tile back to its input quote through order', () => {
    const quotes = sp500Quotes();
    const { layout, order } = computeLayout(input(quotes), null);
    expect(layout.symbols.every((s, k) => quotes[order[k]!]!.symbol === s)).toBe(true);
  });

  it('lays out nothing for an empty view', () => {
    const { layout } = computeLayout(input([]), null);
    expect([layout.symbols, layout.groups, layout.x.length]).toEqual([[], [], 0]);
  });

  it('matches the golden S&P 500 layout at 1280x720', async () => {
    const { layout } = computeLayout(input(sp500Quotes()), null);
    await expect(JSON.stringify(rounded(layout), null, 1) + '\n').toMatchFileSnapshot('./test/golden/sp500-1280x720.json');
  });
});
