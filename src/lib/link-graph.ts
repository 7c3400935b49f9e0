/**
 * The link graph of the knowledge base, built once: outgoing links per entry from typed relations
 * and body wikilinks; incoming links (backlinks) by inverting it.
 *
 * Pure: it takes plain records and returns maps, so pages, scripts and tests share it.
 */
import type { CollectionName, RelationType } from '../schema/taxonomy.ts';

/** A node key: `papers/vaswani2017attention`. */
export type NodeKey = `${CollectionName}/${string}`;

export function nodeKey(collection: CollectionName, id: string): NodeKey {
  return `${collection}/${id}`;
}

export function parseNodeKey(key: NodeKey): { collection: CollectionName; id: string } {
  const slash = key.indexOf('/');
  return { collection: key.slice(0, slash) as CollectionName, id: key.slice(slash + 1) };
}

/** A typed relation between two papers (from the `relations` frontmatter). */
export interface RelationEdge {
  kind: 'relation';
  from: NodeKey;
  to: NodeKey;
  type: RelationType;
  note: string;
}

/** A mention: a wikilink in one body pointing at another entry. */
export interface MentionEdge {
  kind: 'mention';
  from: NodeKey;
  to: NodeKey;
}

export type Edge = RelationEdge | MentionEdge;

/** What the graph needs from each entry. */
export interface GraphSource {
  collection: CollectionName;
  id: string;
  relations?: readonly { type: RelationType; target: string; note: string }[];
  /** Resolved wikilink targets found in the body. */
  mentions?: readonly NodeKey[];
}

export interface LinkGraph {
  nodes: Set<NodeKey>;
  outgoing: Map<NodeKey, Edge[]>;
  incoming: Map<NodeKey, Edge[]>;
}

/**
 * Builds the graph. Relation targets name papers. A target that is not a node is an error: the build
 * must never render a dangling edge, so this throws with every dangling edge listed.
 */
export function buildLinkGraph(sources: readonly GraphSource[]): LinkGraph {
  const nodes = new Set<NodeKey>(sources.map((s) => nodeKey(s.collection, s.id)));
  const outgoing = new Map<NodeKey, Edge[]>();
  const dangling: string[] = [];
  for (const s of sources) {
    const from = nodeKey(s.collection, s.id);
    const edges: Edge[] = [];
    for (const r of s.relations ?? []) {
      const to = nodeKey('papers', r.target);
      if (!nodes.has(to)) dangling.push(`${from} --${r.type}--> ${to}`);
      else edges.push({ kind: 'relation', from, to, type: r.type, note: r.note });
    }
    const seenMentions = new Set<NodeKey>();
    for (const to of s.mentions ?? []) {
      if (to === from || seenMentions.has(to)) continue;
      seenMentions.add(to);
      if (!nodes.has(to)) dangling.push(`${from} --mentions--> ${to}`);
      else edges.push({ kind: 'mention', from, to });
    }
    outgoing.set(from, edges);
  }
  if (dangling.length > 0) {
    throw new Error(
      `link graph: ${dangling.length} link(s) point at entries that do not exist:\n  ${dangling.join('\n  ')}\nFix: correct the ids, or add the missing notes.`,
    );
  }
  return { nodes, outgoing, incoming: invert(outgoing) };
}

/** Backlinks: for every edge a→b, b gets the same edge in its incoming list. Order follows the sources. */
export function invert(outgoing: Map<NodeKey, Edge[]>): Map<NodeKey, Edge[]> {
  const incoming = new Map<NodeKey, Edge[]>();
  for (const key of outgoing.keys()) incoming.set(key, []);
  for (const edges of outgoing.values()) {
    for (const e of edges) {
      const list = incoming.get(e.to);
      if (list) list.push(e);
      else incoming.set(e.to, [e]);
    }
  }
  return incoming;
}

/** Typed relations leaving a node ("Builds on"). */
export function relationsFrom(graph: LinkGraph, key: NodeKey): RelationEdge[] {
  return (graph.outgoing.get(key) ?? []).filter((e): e is RelationEdge => e.kind === 'relation');
}

/** Typed relations arriving at a node ("Built upon by"). */
export function relationsTo(graph: LinkGraph, key: NodeKey): RelationEdge[] {
  return (graph.incoming.get(key) ?? []).filter((e): e is RelationEdge => e.kind === 'relation');
}

/** Entries whose bodies mention this node ("Mentioned in"), each listed once. */
export function mentionsOf(graph: LinkGraph, key: NodeKey): NodeKey[] {
  return [...new Set((graph.incoming.get(key) ?? []).filter((e) => e.kind === 'mention').map((e) => e.from))];
}
