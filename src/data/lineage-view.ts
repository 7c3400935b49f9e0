/**
 * The lineage graph as the pages draw it: papers as nodes (coloured by their first topic, placed by
 * year), typed relations as edges with their notes. Builds on site-data (Astro) and the pure layout
 * and lineage modules.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { layoutGraph, type GraphLayout, type LayoutEdge, type LayoutNode, type LayoutOptions } from '../lib/graph-layout.ts';
import type { Relation } from '../lib/knowledge.ts';
import { adjacency, lineage, type Arc } from '../lib/lineage.ts';
import { RELATION_LABELS, type RelationType } from '../schema/taxonomy.ts';
import { href, paperShort, type PaperEntry, type SiteData } from './site-data.ts';

export interface GraphNode extends LayoutNode {
  href: string;
  title: string;
  short: string;
  /** Palette index (0–11) of the first topic. */
  color: number;
  topics: string[];
  landmark: boolean;
}

export interface GraphEdge extends LayoutEdge {
  type: RelationType;
  note: string;
  /** Where the relation is written: the later paper's "Builds on" section. */
  href: string;
  /** "FlashAttention builds on Transformer: …" */
  text: string;
}

export type LineageLayout = GraphLayout<GraphNode, GraphEdge>;

/**
 * ELK takes a tenth of a second or more per drawing, once per paper and build; a drawing depends only
 * on its input, so finished layouts are kept on disk under a hash of the input (node ids, years,
 * labels, edges, options and the layout code's version) and reused by the next build.
 * ATLAS_LAYOUT_CACHE sets the directory ("off" disables it); the default lives in node_modules/.cache.
 */
const LAYOUT_VERSION = 'elk-0.12.1-layered-3'; // bump when graph-layout.ts changes its output
const cacheDir = process.env['ATLAS_LAYOUT_CACHE'] ?? join(process.cwd(), 'node_modules', '.cache', 'attention-atlas', 'lineage-layout');

async function cachedLayout(nodes: GraphNode[], edges: GraphEdge[], options: LayoutOptions): Promise<LineageLayout> {
  if (cacheDir === 'off') return layoutGraph(nodes, edges, options);
  const key = createHash('sha256')
    .update(JSON.stringify([LAYOUT_VERSION, options, nodes, edges]))
    .digest('hex')
    .slice(0, 32);
  const file = join(cacheDir, `${key}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LineageLayout;
  } catch {
    // not cached yet
  }
  const layout = await layoutGraph(nodes, edges, options);
  try {
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(layout));
    renameSync(tmp, file);
  } catch {
    // a read-only tree still builds, only without the cache
  }
  return layout;
}

const graphs = new WeakMap<SiteData, { relations: Relation[]; adj: Map<string, Arc[]> }>();

/**
 * The relations and their adjacency, built once per site: every paper page asks for its
 * neighbourhood, and rebuilding them per page made the build grow with papers × relations.
 */
function lineageGraph(data: SiteData): { relations: Relation[]; adj: Map<string, Arc[]> } {
  let g = graphs.get(data);
  if (!g) {
    const relations = data.knowledge.relations;
    g = { relations, adj: adjacency(relations) };
    graphs.set(data, g);
  }
  return g;
}

/** Every typed relation between papers, as the lineage functions take them. */
export function lineageRelations(data: SiteData): Relation[] {
  return lineageGraph(data).relations;
}

function node(data: SiteData, p: PaperEntry, center?: string): GraphNode {
  const first = p.data.topics[0]!;
  return {
    id: p.id,
    year: p.data.year,
    label: paperShort(p),
    bold: p.data.depth === 'landmark' || p.id === center,
    href: href('papers', p.id),
    title: p.data.title,
    short: paperShort(p),
    color: data.topicById.get(first)?.data.color ?? 0,
    topics: [...p.data.topics],
    landmark: p.data.depth === 'landmark',
  };
}

function edge(data: SiteData, r: Relation): GraphEdge {
  const type = r.type;
  const from = paperShort(data.paperById.get(r.from)!);
  const to = paperShort(data.paperById.get(r.to)!);
  return {
    from: r.from,
    to: r.to,
    type,
    note: r.note,
    href: `${href('papers', r.from)}#builds-on`,
    text: `${from} ${RELATION_LABELS[type].outgoing.toLowerCase()} ${to}: ${r.note}`,
  };
}

/** The whole lineage, laid out: the overview at /graph/all/. */
export function fullLineage(data: SiteData, options: LayoutOptions = {}): Promise<LineageLayout> {
  const nodes = [...data.papers].sort((a, b) => a.data.year - b.data.year || a.id.localeCompare(b.id)).map((p) => node(data, p));
  const edges = lineageRelations(data).map((r) => edge(data, r));
  return cachedLayout(nodes, edges, options);
}

export interface FocusLineage {
  layout: LineageLayout;
  /** Drawn ancestors and descendants, nearest generation first. */
  ancestors: { id: string; generation: number }[];
  descendants: { id: string; generation: number }[];
  /** How many lie within the generations drawn, before the cap. */
  total: { ancestors: number; descendants: number };
  generations: number;
}

/** Papers a focus view draws at most, the centre included. */
export const FOCUS_LIMIT = 28;
/** Generations a focus view follows each way. */
export const FOCUS_GENERATIONS = 2;

const focusCache = new WeakMap<SiteData, Map<string, Promise<FocusLineage>>>();

/**
 * A paper's lineage as the focus view draws it, on /graph/ and on the paper's own page: its
 * ancestors and descendants up to two generations each way, at most FOCUS_LIMIT papers (landmarks,
 * then the most built-upon, then the nearest years first), laid out left to right by year. Computed
 * once per paper and build.
 */
export function focusLineage(data: SiteData, id: string): Promise<FocusLineage> {
  let cache = focusCache.get(data);
  if (!cache) focusCache.set(data, (cache = new Map()));
  let hit = cache.get(id);
  if (!hit) {
    hit = computeFocus(data, id);
    cache.set(id, hit);
  }
  return hit;
}

async function computeFocus(data: SiteData, id: string): Promise<FocusLineage> {
  const year = data.paperById.get(id)!.data.year;
  const { relations, adj } = lineageGraph(data);
  const builtUpon = (other: string) => (adj.get(other) ?? []).filter((a) => !a.forward).length;
  const found = lineage(relations, id, {
    generations: FOCUS_GENERATIONS,
    limit: FOCUS_LIMIT,
    priority: (other) => {
      const p = data.paperById.get(other)!;
      return (p.data.depth === 'landmark' ? 0 : 1000) - 10 * Math.min(builtUpon(other), 50) + Math.abs(p.data.year - year);
    },
  });
  const nodes = found.nodes
    .map((n) => node(data, data.paperById.get(n.id)!, id))
    .sort((a, b) => a.year - b.year || a.id.localeCompare(b.id));
  const layout = await cachedLayout(
    nodes,
    found.relations.map((r) => edge(data, r)),
    { effort: 'quality' },
  );
  return {
    layout,
    ancestors: found.nodes.filter((n) => n.generation < 0).sort((a, b) => b.generation - a.generation),
    descendants: found.nodes.filter((n) => n.generation > 0).sort((a, b) => a.generation - b.generation),
    total: found.total,
    generations: FOCUS_GENERATIONS,
  };
}
