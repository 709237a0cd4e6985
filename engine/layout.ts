/**
 * Treemap geometry for a view: sectors, then industries where a sector has room, then stocks,
 * each group with a padded header strip when its box is big enough to label.
 *
 * Stability: d3's `treemapResquarify` remembers each parent's row arrangement, so while the
 * structure (the set of symbols, the viewport and the size metric) stays the same a re-layout only
 * rescales those rows: tiles keep their neighbours and order. The hierarchy is rebuilt, which may
 * move everything, only when the structure changes. Sizes whose shares moved less than the
 * tolerance (layoutShares.ts) do not re-layout at all, so a price tick (which nudges market cap)
 * changes colours, not geometry; a drift inside one sector re-lays out that sector alone.
 */
import { hierarchy, treemap, treemapResquarify, type HierarchyNode, type HierarchyRectangularNode } from 'd3';
import type { Quote, Sector } from '../relay/protocol.ts';
import type { FrameLayout, GroupBox, SizeMetric } from './api.ts';
import { createBaseline, movedSectors, rebase, sectorTotals, type Baseline } from './layoutShares.ts';
import { industryHeader, sectorHeader, hasIndustryRoom, INDUSTRY_GAP, SECTOR_GAP } from './layoutRules.ts';

export { RELAYOUT_TOLERANCE } from './layoutShares.ts';

export interface LayoutInput {
  /** Not mutated afterwards: the same array in a later call is taken to hold the same symbols. */
  quotes: readonly Quote[];
  sizeBy: SizeMetric;
  width: number;
  height: number;
  /** `tileSize` of each quote, when the caller keeps them current (computed here otherwise). */
  sizes?: Float64Array;
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
  leaves: Node[];
  /** Where its tiles go (below the header), and its slices of the tile and group arrays. */
  box: { x: number; y: number; w: number; h: number };
  firstTile: number;
  firstGroup: number;
}

interface Structure {
  /** The input the structure was built from; the same array again means the same symbols. */
  quotes: readonly Quote[];
  symbols: string[];
  sizeBy: SizeMetric;
  width: number;
  height: number;
  baseline: Baseline;
  /** For each input index, the position of its sector in `sectors`. */
  sectorOf: Int32Array;
  root: Node;
  sectors: SectorTree[];
}

/** Size of one tile for a metric; at least 1 so an all-zero metric (no volume yet) still lays out. */
export function tileSize(quote: Quote, sizeBy: SizeMetric): number {
  if (sizeBy === 'equal') return 1;
  return Math.max(sizeBy === 'volume' ? quote.volume : quote.market_cap, 1);
}

/** Lays out `input`, reusing `previous` (same object back when nothing moved enough to matter). */
export function computeLayout(input: LayoutInput, previous: LayoutState | null): LayoutState {
  const sizes = input.sizes ?? Float64Array.from(input.quotes, (q) => tileSize(q, input.sizeBy));
  const old = previous?.structure;
  if (previous && old && isSameStructure(old, input)) {
    const moved = movedSectors(old.baseline, sizes, old.sectorOf);
    if (moved === 'all') return placeAll(old, input.quotes, sizes, previous);
    return moved.length === 0 ? previous : placeSectors(old, sizes, previous, moved);
  }
  return placeAll(buildStructure(input, sizes), input.quotes, sizes, null, previous?.layout.version ?? 0);
}

function isSameStructure(s: Structure, input: LayoutInput): boolean {
  if (s.sizeBy !== input.sizeBy || s.width !== input.width || s.height !== input.height) return false;
  if (s.quotes === input.quotes) return true;
  if (s.symbols.length !== input.quotes.length) return false;
  for (let i = 0; i < s.symbols.length; i++) if (input.quotes[i]!.symbol !== s.symbols[i]) return false;
  s.quotes = input.quotes;
  return true;
}

function buildStructure(input: LayoutInput, sizes: Float64Array): Structure {
  const byName = new Map<string, SectorTree>();
  const industries = new Map<string, Set<string>>();
  input.quotes.forEach((quote, i) => {
    let tree = byName.get(quote.sector);
    if (!tree) byName.set(quote.sector, (tree = emptyTree(quote.sector)));
    tree.memberIndex.push(i);
    industries.set(quote.sector, (industries.get(quote.sector) ?? new Set()).add(quote.industry));
  });
  const sectors = [...byName.values()];
  for (const tree of sectors) tree.industryCount = industries.get(tree.sector)!.size;
  const position = new Map(sectors.map((tree, j) => [tree.sector as string, j]));
  const sectorOf = Int32Array.from(input.quotes, (q) => position.get(q.sector)!);
  // A sector's datum carries its position, so the map level finds its tree without a lookup.
  const root = hierarchy<Datum>({ name: 'root', index: -1, size: 0, children: sectors.map((t, j) => ({ name: t.sector, index: j, size: 0 })) });
  const baseline = createBaseline(sizes, sectorOf, sectors.length);
  const structure = { quotes: input.quotes, symbols: input.quotes.map((q) => q.symbol), sizeBy: input.sizeBy, width: input.width, height: input.height, baseline, sectorOf, root, sectors };
  sumSectors(structure, sizes);
  root.sort((a, b) => b.value! - a.value!);
  return structure;
}

function emptyTree(sector: Sector): SectorTree {
  return { sector, memberIndex: [], industryCount: 0, industries: false, root: null, leaves: [], box: { x: 0, y: 0, w: 0, h: 0 }, firstTile: 0, firstGroup: 0 };
}

function sumSectors(s: Structure, sizes: Float64Array): void {
  const totals = sectorTotals(sizes, s.sectorOf, s.sectors.length);
  s.root.sum((d) => (d.index >= 0 ? totals[d.index]! : 0));
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
function placeAll(s: Structure, quotes: readonly Quote[], sizes: Float64Array, previous: LayoutState | null, lastVersion = previous?.layout.version ?? 0): LayoutState {
  rebase(s.baseline, sizes, s.sectorOf, 'all');
  sumSectors(s, sizes);
  const top = treemap<Datum>().tile(treemapResquarify).size([s.width, s.height]).paddingInner(SECTOR_GAP)(s.root);
  const n = s.symbols.length;
  const out: Output = { x: new Float32Array(n), y: new Float32Array(n), w: new Float32Array(n), h: new Float32Array(n), order: new Int32Array(n), groups: [] };
  let k = 0;
  let reordered = previous === null;
  for (const sectorBox of top.children ?? []) {
    const tree = s.sectors[sectorBox.data.index]!;
    const outer = { x: sectorBox.x0, y: sectorBox.y0, w: sectorBox.x1 - sectorBox.x0, h: sectorBox.y1 - sectorBox.y0 };
    const header = sectorHeader(outer.w, outer.h);
    out.groups.push({ kind: 'sector', name: tree.sector, sector: tree.sector, ...outer, header });
    tree.box = { x: outer.x, y: outer.y + header, w: outer.w, h: outer.h - header };
    tree.firstTile = k;
    tree.firstGroup = out.groups.length;
    const industries = hasIndustryRoom({ w: tree.box.w, h: tree.box.h, industryCount: tree.industryCount, before: tree.root ? tree.industries : null });
    if (!tree.root || industries !== tree.industries) {
      tree.industries = industries;
      tree.root = buildSectorTree(tree, quotes, sizes);
      tree.leaves = tree.root.leaves();
      reordered = true;
    }
    k = writeSector(out, tree, sizes, k);
  }
  // Unless a tree was rebuilt, the order is the previous one: keeping that array tells the caller so.
  const kept = !reordered && previous ? previous : null;
  const names = kept
    ? { symbols: kept.layout.symbols, names: kept.layout.names }
    : { symbols: Array.from(out.order, (i) => quotes[i]!.symbol), names: Array.from(out.order, (i) => quotes[i]!.name) };
  const { order, groups, ...geometry } = out;
  const layout: FrameLayout = { version: lastVersion + 1, width: s.width, height: s.height, ...names, ...geometry, groups };
  return { layout, order: kept?.order ?? order, structure: s };
}

/**
 * Re-lays out only `sectors`, each in the box it already has: the map level did not move, so every
 * other tile keeps its place and the tile order is unchanged.
 */
function placeSectors(s: Structure, sizes: Float64Array, previous: LayoutState, sectors: readonly number[]): LayoutState {
  rebase(s.baseline, sizes, s.sectorOf, sectors);
  const p = previous.layout;
  const out: Output = { x: p.x.slice(), y: p.y.slice(), w: p.w.slice(), h: p.h.slice(), order: previous.order, groups: p.groups.slice() };
  for (const j of sectors) writeSector(out, s.sectors[j]!, sizes, s.sectors[j]!.firstTile);
  const { order, groups, ...geometry } = out;
  return { layout: { ...p, version: p.version + 1, ...geometry, groups }, order, structure: s };
}

interface Output {
  x: Float32Array;
  y: Float32Array;
  w: Float32Array;
  h: Float32Array;
  order: Int32Array;
  groups: GroupBox[];
}

/**
 * Resquarifies one sector's tree (already built) inside its box and writes its tiles from `k` and
 * its industry boxes from `tree.firstGroup` (appending when the groups end there); returns the next k.
 */
function writeSector(out: Output, tree: SectorTree, sizes: Float64Array, k: number): number {
  for (const leaf of tree.leaves) leaf.data.size = sizes[leaf.data.index]!;
  const root = tree.root!.sum((d) => (d.index >= 0 ? d.size : 0));
  const laid = treemap<Datum>()
    .tile(treemapResquarify)
    .size([tree.box.w, tree.box.h])
    .paddingInner((n) => (n.depth === 0 && tree.industries ? INDUSTRY_GAP : 0))
    .paddingTop((n) => (n.depth === 1 ? industryHeader(n.x1 - n.x0, n.y1 - n.y0) : 0))(root);
  const { x, y } = tree.box;
  const add = (b: Box) => {
    out.order[k] = b.data.index;
    out.x[k] = b.x0 + x;
    out.y[k] = b.y0 + y;
    out.w[k] = b.x1 - b.x0;
    out.h[k] = b.y1 - b.y0;
    k++;
  };
  let g = tree.firstGroup;
  for (const node of laid.children ?? []) {
    if (node.data.index >= 0) {
      add(node);
      continue;
    }
    const box = { x: node.x0 + x, y: node.y0 + y, w: node.x1 - node.x0, h: node.y1 - node.y0 };
    out.groups[g++] = { kind: 'industry', name: node.data.name, sector: tree.sector, ...box, header: industryHeader(box.w, box.h) };
    for (const leaf of node.children ?? []) add(leaf);
  }
  return k;
}
