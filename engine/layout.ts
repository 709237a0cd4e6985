/**
 * Treemap geometry for a view: sectors, then industries where a sector has room, then stocks,
 * each group with a padded header strip when its box is big enough to label.
 *
 * Stability: d3's `treemapResquarify` remembers each parent's row arrangement, so while the
 * structure (the set of symbols, the viewport and the size metric) stays the same a re-layout only
 * rescales those rows: tiles keep their neighbours and order. The hierarchy is rebuilt, which may
 * move everything, only when the structure changes. Sizes that moved less than
 * `RELAYOUT_TOLERANCE` since the last layout do not re-layout at all, so a price tick (which nudges
 * market cap) changes colours, not geometry.
 */
import { hierarchy, treemap, treemapResquarify, type HierarchyNode, type HierarchyRectangularNode } from 'd3';
import type { Quote, Sector } from '../relay/protocol.ts';
import type { FrameLayout, GroupBox, SizeMetric } from './api.ts';
import { industryHeader, sectorHeader, hasIndustryRoom, INDUSTRY_GAP, SECTOR_GAP } from './layoutRules.ts';

/**
 * Relative change in a tile's share of its sector (or a sector's share of the map) below which
 * the layout stays as it is. Shares, not sizes: a market-wide move changes every cap but no share.
 * At 0.4 % a tile's area stays within 1 % of its share even through an industry's own drift.
 */
export const RELAYOUT_TOLERANCE = 0.004;

export interface LayoutInput {
  quotes: readonly Quote[];
  sizeBy: SizeMetric;
  width: number;
  height: number;
}

/** A computed layout plus what the next call needs to keep it stable. */
export interface LayoutState {
  layout: FrameLayout;
  /** For each tile in `layout` order, its index in the `quotes` the layout was computed from. */
  order: Int32Array;
  structure: Structure;
}

interface Datum {
  name: string;
  /** Index into the input quotes for a stock; -1 for a group. */
  index: number;
  size: number;
  children?: Datum[];
}

type Node = HierarchyNode<Datum>;
type Box = HierarchyRectangularNode<Datum>;

interface SectorTree {
  sector: Sector;
  /** Indices into the input quotes of this sector's stocks. */
  memberIndex: number[];
  industryCount: number;
  industries: boolean;
  root: Node | null;
}

interface Structure {
  symbols: string[];
  sizeBy: SizeMetric;
  width: number;
  height: number;
  /** The sizes the current geometry was computed from. */
  sizes: Float64Array;
  /** For each input index, the position of its sector in `sectors`. */
  sectorOf: Int32Array;
  root: Node;
  sectors: Map<string, SectorTree>;
}

/** Size of one tile for a metric; at least 1 so an all-zero metric (no volume yet) still lays out. */
export function tileSize(quote: Quote, sizeBy: SizeMetric): number {
  if (sizeBy === 'equal') return 1;
  return Math.max(sizeBy === 'volume' ? quote.volume : quote.market_cap, 1);
}

/** Lays out `input`, reusing `previous` (same object back when nothing moved enough to matter). */
export function computeLayout(input: LayoutInput, previous: LayoutState | null): LayoutState {
  const sizes = new Float64Array(input.quotes.length);
  for (let i = 0; i < sizes.length; i++) sizes[i] = tileSize(input.quotes[i]!, input.sizeBy);
  const old = previous?.structure;
  if (old && isSameStructure(old, input)) {
    if (!haveSharesMoved(old, sizes)) return previous;
    old.sizes = sizes;
    return place(old, input.quotes, previous);
  }
  return place(buildStructure(input, sizes), input.quotes, null, previous?.layout.version ?? 0);
}

function isSameStructure(s: Structure, input: LayoutInput): boolean {
  if (s.sizeBy !== input.sizeBy || s.width !== input.width || s.height !== input.height) return false;
  if (s.symbols.length !== input.quotes.length) return false;
  for (let i = 0; i < s.symbols.length; i++) if (input.quotes[i]!.symbol !== s.symbols[i]) return false;
  return true;
}

function haveSharesMoved(s: Structure, sizes: Float64Array): boolean {
  const before = sectorTotals(s, s.sizes);
  const after = sectorTotals(s, sizes);
  const grandBefore = before.reduce((a, b) => a + b, 0);
  const grandAfter = after.reduce((a, b) => a + b, 0);
  const moved = (ratio: number) => Math.abs(ratio - 1) > RELAYOUT_TOLERANCE;
  for (let j = 0; j < after.length; j++) if (moved((after[j]! / grandAfter) * (grandBefore / before[j]!))) return true;
  for (let i = 0; i < sizes.length; i++) {
    const j = s.sectorOf[i]!;
    if (moved((sizes[i]! / after[j]!) * (before[j]! / s.sizes[i]!))) return true;
  }
  return false;
}

function sectorTotals(s: Structure, sizes: Float64Array): Float64Array {
  const totals = new Float64Array(s.sectors.size);
  for (let i = 0; i < sizes.length; i++) {
    const j = s.sectorOf[i]!;
    totals[j] = totals[j]! + sizes[i]!;
  }
  return totals;
}

function buildStructure(input: LayoutInput, sizes: Float64Array): Structure {
  const sectors = new Map<string, SectorTree>();
  const industries = new Map<string, Set<string>>();
  input.quotes.forEach((quote, i) => {
    let tree = sectors.get(quote.sector);
    if (!tree) sectors.set(quote.sector, (tree = { sector: quote.sector, memberIndex: [], industryCount: 0, industries: false, root: null }));
    tree.memberIndex.push(i);
    industries.set(quote.sector, (industries.get(quote.sector) ?? new Set()).add(quote.industry));
  });
  for (const tree of sectors.values()) tree.industryCount = industries.get(tree.sector)!.size;
  const position = new Map([...sectors.keys()].map((name, j) => [name, j]));
  const sectorOf = Int32Array.from(input.quotes, (q) => position.get(q.sector)!);
  const children = [...sectors.keys()].map((name) => ({ name, index: -1, size: 0 }));
  const root = hierarchy<Datum>({ name: 'root', index: -1, size: 0, children });
  const structure = { symbols: input.quotes.map((q) => q.symbol), sizeBy: input.sizeBy, width: input.width, height: input.height, sizes, sectorOf, root, sectors };
  sumSectors(structure);
  root.sort((a, b) => b.value! - a.value!);
  return structure;
}

function sumSectors(s: Structure): void {
  const totals = sectorTotals(s, s.sizes);
  const position = new Map([...s.sectors.keys()].map((name, j) => [name, j]));
  s.root.sum((d) => (d.index === -1 && d.name !== 'root' ? totals[position.get(d.name)!]! : 0));
}

/** Builds a sector's own tree: industries → stocks when it has room, else stocks directly. */
function buildSectorTree(tree: SectorTree, quotes: readonly Quote[], sizes: Float64Array): Node {
  const stock = (index: number): Datum => ({ name: quotes[index]!.symbol, index, size: sizes[index]! });
  let children: Datum[];
  if (tree.industries) {
    const byIndustry = new Map<string, Datum[]>();
    for (const index of tree.memberIndex) {
      const industry = quotes[index]!.industry;
      const list = byIndustry.get(industry);
      if (list) list.push(stock(index));
      else byIndustry.set(industry, [stock(index)]);
    }
    children = [...byIndustry].map(([name, stocks]) => ({ name, index: -1, size: 0, children: stocks }));
  } else {
    children = tree.memberIndex.map(stock);
  }
  return hierarchy<Datum>({ name: tree.sector, index: -1, size: 0, children })
    .sum((d) => (d.index >= 0 ? d.size : 0))
    .sort((a, b) => b.value! - a.value!);
}

/**
 * Positions every tile. With `previous` (same structure) the d3 trees are re-summed and
 * resquarified in place; tile order, symbols and names carry over unless a sector's industry
 * level switched on or off.
 */
function place(s: Structure, quotes: readonly Quote[], previous: LayoutState | null, lastVersion = previous?.layout.version ?? 0): LayoutState {
  sumSectors(s);
  const top = treemap<Datum>().tile(treemapResquarify).size([s.width, s.height]).paddingInner(SECTOR_GAP)(s.root);
  const out = createCollector(s.symbols.length);
  let reordered = previous === null;
  for (const sectorBox of top.children ?? []) {
    const tree = s.sectors.get(sectorBox.data.name)!;
    const box = { x: sectorBox.x0, y: sectorBox.y0, w: sectorBox.x1 - sectorBox.x0, h: sectorBox.y1 - sectorBox.y0 };
    const header = sectorHeader(box.w, box.h);
    out.groups.push({ kind: 'sector', name: tree.sector, sector: tree.sector, ...box, header });
    const industries = hasIndustryRoom({ w: box.w, h: box.h - header, industryCount: tree.industryCount, before: tree.root ? tree.industries : null });
    if (!tree.root || industries !== tree.industries) {
      tree.industries = industries;
      tree.root = buildSectorTree(tree, quotes, s.sizes);
      reordered = true;
    } else {
      for (const leaf of tree.root.leaves()) leaf.data.size = s.sizes[leaf.data.index]!;
      tree.root.sum((d) => (d.index >= 0 ? d.size : 0));
    }
    const laid = treemap<Datum>()
      .tile(treemapResquarify)
      .size([box.w, box.h - header])
      .paddingInner((n) => (n.depth === 0 && tree.industries ? INDUSTRY_GAP : 0))
      .paddingTop((n) => (n.depth === 1 ? industryHeader(n.x1 - n.x0, n.y1 - n.y0) : 0))(tree.root);
    collectSector(out, tree, laid, { x: box.x, y: box.y + header });
  }
  const names = reordered || !previous
    ? { symbols: Array.from(out.order, (i) => quotes[i]!.symbol), names: Array.from(out.order, (i) => quotes[i]!.name) }
    : { symbols: previous.layout.symbols, names: previous.layout.names };
  const layout: FrameLayout = { version: lastVersion + 1, width: s.width, height: s.height, ...names, ...out.geometry, groups: out.groups };
  return { layout, order: out.order, structure: s };
}

function createCollector(capacity: number) {
  const geometry = { x: new Float32Array(capacity), y: new Float32Array(capacity), w: new Float32Array(capacity), h: new Float32Array(capacity) };
  const order = new Int32Array(capacity);
  const groups: GroupBox[] = [];
  let k = 0;
  return {
    geometry, order, groups,
    add(b: Box, offset: { x: number; y: number }) {
      order[k] = b.data.index;
      geometry.x[k] = b.x0 + offset.x;
      geometry.y[k] = b.y0 + offset.y;
      geometry.w[k] = b.x1 - b.x0;
      geometry.h[k] = b.y1 - b.y0;
      k++;
    },
  };
}

function collectSector(out: ReturnType<typeof createCollector>, tree: SectorTree, root: Box, offset: { x: number; y: number }): void {
  for (const node of root.children ?? []) {
    if (node.data.index >= 0) {
      out.add(node, offset);
      continue;
    }
    const box = { x: node.x0 + offset.x, y: node.y0 + offset.y, w: node.x1 - node.x0, h: node.y1 - node.y0 };
    out.groups.push({ kind: 'industry', name: node.data.name, sector: tree.sector, ...box, header: industryHeader(box.w, box.h) });
    for (const leaf of node.children ?? []) out.add(leaf, offset);
  }
}
