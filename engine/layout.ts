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

/** Relative size change below which a tile's size counts as unchanged. */
export const RELAYOUT_TOLERANCE = 0.0025;

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
  members: Quote[];
  memberIndex: number[];
  industries: boolean;
  root: Node | null;
}

interface Structure {
  symbols: string[];
  sizeBy: SizeMetric;
  width: number;
  height: number;
  sizes: Float64Array;
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
  const sizes = Float64Array.from(input.quotes, (q) => tileSize(q, input.sizeBy));
  const old = previous?.structure;
  if (old && isSameStructure(old, input)) {
    if (!haveSizesMoved(old.sizes, sizes)) return previous;
    old.sizes = sizes;
    for (const tree of old.sectors.values()) tree.members = tree.memberIndex.map((i) => input.quotes[i]!);
    return place(old, sizes, previous.layout.version + 1);
  }
  return place(buildStructure(input, sizes), sizes, (previous?.layout.version ?? 0) + 1);
}

function isSameStructure(s: Structure, input: LayoutInput): boolean {
  if (s.sizeBy !== input.sizeBy || s.width !== input.width || s.height !== input.height) return false;
  if (s.symbols.length !== input.quotes.length) return false;
  return input.quotes.every((q, i) => q.symbol === s.symbols[i]);
}

function haveSizesMoved(before: Float64Array, after: Float64Array): boolean {
  for (let i = 0; i < after.length; i++) {
    if (Math.abs(after[i]! - before[i]!) > RELAYOUT_TOLERANCE * before[i]!) return true;
  }
  return false;
}

function buildStructure(input: LayoutInput, sizes: Float64Array): Structure {
  const sectors = new Map<string, SectorTree>();
  input.quotes.forEach((quote, i) => {
    let tree = sectors.get(quote.sector);
    if (!tree) sectors.set(quote.sector, (tree = { sector: quote.sector, members: [], memberIndex: [], industries: false, root: null }));
    tree.members.push(quote);
    tree.memberIndex.push(i);
  });
  const children = [...sectors.keys()].map((name) => ({ name, index: -1, size: 0 }));
  const root = hierarchy<Datum>({ name: 'root', index: -1, size: 0, children });
  const structure = { symbols: input.quotes.map((q) => q.symbol), sizeBy: input.sizeBy, width: input.width, height: input.height, sizes, root, sectors };
  sumSectors(structure);
  root.sort((a, b) => b.value! - a.value!);
  return structure;
}

function sumSectors(s: Structure): void {
  const totals = new Map<string, number>();
  for (const tree of s.sectors.values()) totals.set(tree.sector, tree.memberIndex.reduce((sum, i) => sum + s.sizes[i]!, 0));
  s.root.sum((d) => (d.index === -1 && d.name !== 'root' ? totals.get(d.name) ?? 0 : 0));
}

/** Builds a sector's own tree: industries → stocks when it has room, else stocks directly. */
function buildSectorTree(tree: SectorTree, sizes: Float64Array): Node {
  const stock = (q: Quote, k: number): Datum => ({ name: q.symbol, index: tree.memberIndex[k]!, size: sizes[tree.memberIndex[k]!]! });
  let children: Datum[];
  if (tree.industries) {
    const byIndustry = new Map<string, Datum[]>();
    tree.members.forEach((q, k) => {
      const list = byIndustry.get(q.industry) ?? [];
      list.push(stock(q, k));
      byIndustry.set(q.industry, list);
    });
    children = [...byIndustry].map(([name, stocks]) => ({ name, index: -1, size: 0, children: stocks }));
  } else {
    children = tree.members.map(stock);
  }
  return hierarchy<Datum>({ name: tree.sector, index: -1, size: 0, children })
    .sum((d) => (d.index >= 0 ? d.size : 0))
    .sort((a, b) => b.value! - a.value!);
}

function place(s: Structure, sizes: Float64Array, version: number): LayoutState {
  sumSectors(s);
  const top = treemap<Datum>().tile(treemapResquarify).size([s.width, s.height]).paddingInner(SECTOR_GAP)(s.root);
  const out = createCollector(s.symbols.length);
  for (const sectorBox of top.children ?? []) {
    const tree = s.sectors.get(sectorBox.data.name)!;
    const box = { x: sectorBox.x0, y: sectorBox.y0, w: sectorBox.x1 - sectorBox.x0, h: sectorBox.y1 - sectorBox.y0 };
    const header = sectorHeader(box.w, box.h);
    out.groups.push({ kind: 'sector', name: tree.sector, sector: tree.sector, ...box, header });
    const industryCount = new Set(tree.members.map((q) => q.industry)).size;
    const industries = hasIndustryRoom({ w: box.w, h: box.h - header, industryCount, before: tree.root ? tree.industries : null });
    if (!tree.root || industries !== tree.industries) {
      tree.industries = industries;
      tree.root = buildSectorTree(tree, sizes);
    } else {
      for (const leaf of tree.root.leaves()) leaf.data.size = sizes[leaf.data.index]!;
      tree.root.sum((d) => (d.index >= 0 ? d.size : 0));
    }
    const laid = treemap<Datum>()
      .tile(treemapResquarify)
      .size([box.w, box.h - header])
      .paddingInner((n) => (n.depth === 0 && tree.industries ? INDUSTRY_GAP : 0))
      .paddingTop((n) => (n.depth === 1 ? industryHeader(n.x1 - n.x0, n.y1 - n.y0) : 0))(tree.root);
    collectSector(out, tree, laid, { x: box.x, y: box.y + header });
  }
  const layout: FrameLayout = { version, width: s.width, height: s.height, ...out.finish() };
  return { layout, order: out.order, structure: s };
}

function createCollector(capacity: number) {
  const x = new Float32Array(capacity), y = new Float32Array(capacity), w = new Float32Array(capacity), h = new Float32Array(capacity);
  const order = new Int32Array(capacity);
  const symbols: string[] = [], names: string[] = [], groups: GroupBox[] = [];
  return {
    groups, order,
    add(index: number, quote: Quote, b: Box, offset: { x: number; y: number }) {
      const k = symbols.length;
      symbols.push(quote.symbol);
      names.push(quote.name);
      order[k] = index;
      x[k] = b.x0 + offset.x;
      y[k] = b.y0 + offset.y;
      w[k] = b.x1 - b.x0;
      h[k] = b.y1 - b.y0;
    },
    finish: () => ({ symbols, names, x, y, w, h, groups }),
  };
}

function collectSector(out: ReturnType<typeof createCollector>, tree: SectorTree, root: Box, offset: { x: number; y: number }): void {
  const quoteAt = new Map(tree.memberIndex.map((index, k) => [index, tree.members[k]!]));
  for (const node of root.children ?? []) {
    if (node.data.index >= 0) {
      out.add(node.data.index, quoteAt.get(node.data.index)!, node, offset);
      continue;
    }
    const box = { x: node.x0 + offset.x, y: node.y0 + offset.y, w: node.x1 - node.x0, h: node.y1 - node.y0 };
    out.groups.push({ kind: 'industry', name: node.data.name, sector: tree.sector, ...box, header: industryHeader(box.w, box.h) });
    for (const leaf of node.children ?? []) out.add(leaf.data.index, quoteAt.get(leaf.data.index)!, leaf, offset);
  }
}
