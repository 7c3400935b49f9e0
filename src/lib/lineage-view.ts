/**
 * The lineage graph as the pages draw it: papers as nodes (coloured by their first topic, placed by
 * year), typed relations as edges with their notes. Builds on site-data (Astro) and the pure layout
 * and lineage modules.
 */
import { RELATION_LABELS, type RelationType } from '../schema/taxonomy.ts';
import { layoutGraph, type GraphLayout, type LayoutEdge, type LayoutNode, type LayoutOptions } from './graph-layout.ts';
import { adjacency, neighbourhood, type Arc, type Relation } from './lineage.ts';
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

const graphs = new WeakMap<SiteData, { relations: Relation[]; adj: Map<string, Arc[]> }>();

/**
 * The relations and their adjacency, built once per site: every paper page asks for its
 * neighbourhood, and rebuilding them per page made the build grow with papers × relations.
 */
function lineageGraph(data: SiteData): { relations: Relation[]; adj: Map<string, Arc[]> } {
  let g = graphs.get(data);
  if (!g) {
    const relations = data.papers.flatMap((p) => p.data.relations.map((r) => ({ from: p.id, to: r.target, type: r.type, note: r.note })));
    g = { relations, adj: adjacency(relations) };
    graphs.set(data, g);
  }
  return g;
}

/** Every typed relation between papers, as the lineage functions take them. */
export function lineageRelations(data: SiteData): Relation[] {
  return lineageGraph(data).relations;
}

function node(data: SiteData, p: PaperEntry, topicOrder: Map<string, number>): GraphNode {
  const first = p.data.topics[0]!;
  return {
    id: p.id,
    year: p.data.year,
    label: paperShort(p),
    lane: topicOrder.get(first) ?? 0,
    href: href('papers', p.id),
    title: p.data.title,
    short: paperShort(p),
    color: data.topicById.get(first)?.data.color ?? 0,
    topics: [...p.data.topics],
    landmark: p.data.depth === 'landmark',
  };
}

function edge(data: SiteData, r: Relation): GraphEdge {
  const type = r.type as RelationType;
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

function topicOrder(data: SiteData): Map<string, number> {
  return new Map(data.topics.map((t, i) => [t.id, i]));
}

/** The whole lineage, laid out. */
export function fullLineage(data: SiteData, options: LayoutOptions = {}): LineageLayout {
  const order = topicOrder(data);
  const nodes = [...data.papers].sort((a, b) => a.data.year - b.data.year || a.id.localeCompare(b.id)).map((p) => node(data, p, order));
  const edges = lineageRelations(data).map((r) => edge(data, r));
  return layoutGraph(nodes, edges, options);
}

/** The papers within two relations of `id`, at most `limit` of them (landmarks and close years first). */
export function localLineage(data: SiteData, id: string, limit = 18): { layout: LineageLayout; total: number; shown: number } {
  const order = topicOrder(data);
  const year = data.paperById.get(id)!.data.year;
  const { relations, adj } = lineageGraph(data);
  const hood = neighbourhood(relations, id, {
    adj,
    hops: 2,
    limit,
    priority: (other) => {
      const p = data.paperById.get(other)!;
      return (p.data.depth === 'landmark' ? 0 : 100) + Math.abs(p.data.year - year);
    },
  });
  const nodes = hood.nodes
    .map((n) => node(data, data.paperById.get(n.id)!, order))
    .sort((a, b) => a.year - b.year || a.id.localeCompare(b.id));
  const layout = layoutGraph(
    nodes,
    hood.relations.map((r) => edge(data, r)),
    { columnWidth: 132, gapWidth: 20, nodeHeight: 18, gap: 6, ticks: 120 },
  );
  return { layout, total: hood.total, shown: hood.nodes.length };
}
