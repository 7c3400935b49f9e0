/**
 * Walking the lineage graph of typed relations: the shortest chain between two papers (the path
 * finder), a paper's ancestors and descendants (graph highlighting) and its local neighbourhood
 * (the small graph on every paper page).
 *
 * Pure: plain records in, plain records out. The build, the browser modules and the tests share it.
 * A relation lives on the later paper (`from`) and points at the earlier one it relates to (`to`).
 */

/** Example chains the path-finder page precomputes, so they are readable without JavaScript. */
export const PATH_FINDER_EXAMPLES: readonly (readonly [from: string, to: string])[] = [
  ['bahdanau2014neural', 'dao2022flashattention'],
  ['jacobs1991adaptive', 'fedus2021switch'],
  ['sennrich2015neural', 'yu2023megabyte'],
  ['peters2018deep', 'radford2021learning'],
  ['schmidhuber1991learning', 'choromanski2020rethinking'],
];

import type { Relation } from './knowledge.ts';

export type { Relation };

/** One step of a chain: walking from `at` to `next` over `relation`, along it or against it. */
export interface ChainStep {
  at: string;
  next: string;
  relation: Relation;
  /** True when the step walks from the relation's `from` to its `to` (back in time). */
  forward: boolean;
}

export interface Arc {
  next: string;
  relation: Relation;
  forward: boolean;
}

/** Adjacency in both directions, each list sorted so every walk is deterministic. */
export function adjacency(relations: readonly Relation[]): Map<string, Arc[]> {
  const adj = new Map<string, Arc[]>();
  const push = (k: string, a: Arc) => {
    const list = adj.get(k);
    if (list) list.push(a);
    else adj.set(k, [a]);
  };
  for (const r of relations) {
    push(r.from, { next: r.to, relation: r, forward: true });
    push(r.to, { next: r.from, relation: r, forward: false });
  }
  for (const list of adj.values()) {
    list.sort((a, b) => cmp(a.next, b.next) || Number(b.forward) - Number(a.forward) || cmp(a.relation.type, b.relation.type));
  }
  return adj;
}

/**
 * The shortest chain of relations from `start` to `goal`, ignoring direction (a chain may go back to
 * a common ancestor and forward again). Ties go to the alphabetically first neighbour, so the answer
 * is stable. Returns [] when start is goal and undefined when no chain exists.
 */
export function findPath(relations: readonly Relation[] | Map<string, Arc[]>, start: string, goal: string): ChainStep[] | undefined {
  if (start === goal) return [];
  const adj = relations instanceof Map ? relations : adjacency(relations);
  if (!adj.has(start) || !adj.has(goal)) return undefined;
  const via = new Map<string, { prev: string; arc: Arc }>();
  const seen = new Set([start]);
  let frontier = [start];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const at of frontier) {
      for (const arc of adj.get(at) ?? []) {
        if (seen.has(arc.next)) continue;
        seen.add(arc.next);
        via.set(arc.next, { prev: at, arc });
        if (arc.next === goal) return unwind(via, start, goal);
        next.push(arc.next);
      }
    }
    frontier = next;
  }
  return undefined;
}

function unwind(via: Map<string, { prev: string; arc: Arc }>, start: string, goal: string): ChainStep[] {
  const steps: ChainStep[] = [];
  let at = goal;
  while (at !== start) {
    const v = via.get(at)!;
    steps.push({ at: v.prev, next: at, relation: v.arc.relation, forward: v.arc.forward });
    at = v.prev;
  }
  return steps.reverse();
}

/** Every paper reachable by following relations forward: what `id` builds on, directly or not. */
export function ancestors(relations: readonly Relation[], id: string): Set<string> {
  return reach(relations, id, (r) => [r.from, r.to]);
}

/** Every paper that reaches `id` by following relations forward: work built on it, directly or not. */
export function descendants(relations: readonly Relation[], id: string): Set<string> {
  return reach(relations, id, (r) => [r.to, r.from]);
}

function reach(relations: readonly Relation[], id: string, dir: (r: Relation) => [string, string]): Set<string> {
  const out = new Map<string, string[]>();
  for (const r of relations) {
    const [a, b] = dir(r);
    const list = out.get(a);
    if (list) list.push(b);
    else out.set(a, [b]);
  }
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    for (const n of out.get(stack.pop()!) ?? []) {
      if (n !== id && !seen.has(n)) {
        seen.add(n);
        stack.push(n);
      }
    }
  }
  return seen;
}

export interface Neighbourhood {
  /** The centre first, then the neighbours by hop and priority. */
  nodes: { id: string; hop: number }[];
  /** Every relation between two chosen nodes. */
  relations: Relation[];
  /** How many papers lie within the hops in total (more than `nodes` when capped). */
  total: number;
}

/**
 * The papers within `hops` relations of `center` (either direction), at most `limit` of them: nearer
 * hops first, then by `priority` (lower first), then by id.
 */
export function neighbourhood(
  relations: readonly Relation[],
  center: string,
  {
    hops = 2,
    limit = 24,
    priority = () => 0,
    adj = adjacency(relations),
  }: {
    hops?: number;
    limit?: number;
    priority?: (id: string, hop: number) => number;
    /** adjacency(relations), when the caller asks for many neighbourhoods of one graph. */
    adj?: Map<string, Arc[]>;
  } = {},
): Neighbourhood {
  const hopOf = new Map([[center, 0]]);
  let frontier = [center];
  for (let h = 1; h <= hops; h++) {
    const next: string[] = [];
    for (const at of frontier) {
      for (const arc of adj.get(at) ?? []) {
        if (hopOf.has(arc.next)) continue;
        hopOf.set(arc.next, h);
        next.push(arc.next);
      }
    }
    frontier = next;
  }
  const ranked = [...hopOf.entries()]
    .filter(([id]) => id !== center)
    .sort(([a, ha], [b, hb]) => ha - hb || priority(a, ha) - priority(b, hb) || cmp(a, b));
  const chosen = [{ id: center, hop: 0 }, ...ranked.slice(0, Math.max(0, limit - 1)).map(([id, hop]) => ({ id, hop }))];
  // A second-hop paper is kept only when the first-hop paper that leads to it was kept too.
  const keep = new Set(chosen.filter((n) => n.hop <= 1).map((n) => n.id));
  for (const n of chosen) {
    if (n.hop > 1 && (adj.get(n.id) ?? []).some((a) => keep.has(a.next) && (hopOf.get(a.next) ?? 99) < n.hop)) keep.add(n.id);
  }
  const nodes = chosen.filter((n) => keep.has(n.id));
  return {
    nodes,
    relations: relations.filter((r) => keep.has(r.from) && keep.has(r.to)),
    total: hopOf.size,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface Lineage {
  /** The centre first, then its ancestors and descendants, each with its generation (−1 parent, +1 child). */
  nodes: { id: string; generation: number }[];
  /** Every relation between two chosen papers. */
  relations: Relation[];
  /** How many ancestors and descendants lie within the generations in total (before the cap). */
  total: { ancestors: number; descendants: number };
}

/**
 * A paper's lineage for the focus view: its ancestors (what it builds on, following relations
 * forward) and descendants (work built on it) up to `generations` steps each way, at most `limit`
 * papers with the centre. Nearer generations come first, then by `priority` (lower first), then by
 * id; a paper two generations away is kept only when a kept paper one generation nearer leads to it,
 * so every drawn paper is joined to the centre by a drawn chain.
 */
export function lineage(
  relations: readonly Relation[],
  center: string,
  {
    generations = 2,
    limit = 30,
    priority = () => 0,
  }: { generations?: number; limit?: number; priority?: (id: string, generation: number) => number } = {},
): Lineage {
  const up = new Map<string, string[]>();
  const down = new Map<string, string[]>();
  for (const r of relations) {
    if (r.from === r.to) continue;
    (up.get(r.from) ?? up.set(r.from, []).get(r.from)!).push(r.to);
    (down.get(r.to) ?? down.set(r.to, []).get(r.to)!).push(r.from);
  }
  const walk = (dir: Map<string, string[]>, sign: number) => {
    const gen = new Map<string, number>();
    const via = new Map<string, string[]>();
    let frontier = [center];
    for (let g = 1; g <= generations; g++) {
      const next: string[] = [];
      for (const at of frontier) {
        for (const n of dir.get(at) ?? []) {
          if (n === center) continue;
          if (!gen.has(n)) {
            gen.set(n, sign * g);
            next.push(n);
          }
          if (gen.get(n) === sign * g) (via.get(n) ?? via.set(n, []).get(n)!).push(at);
        }
      }
      frontier = next;
    }
    return { gen, via };
  };
  const a = walk(up, -1);
  const d = walk(down, 1);
  // A paper that is both (a cycle of relations) counts as an ancestor.
  for (const id of a.gen.keys()) d.gen.delete(id);
  const candidates = [...a.gen.entries(), ...d.gen.entries()].sort(
    ([x, gx], [y, gy]) => Math.abs(gx) - Math.abs(gy) || priority(x, gx) - priority(y, gy) || cmp(x, y),
  );
  const kept = new Set([center]);
  const nodes: Lineage['nodes'] = [{ id: center, generation: 0 }];
  for (const [id, g] of candidates) {
    if (nodes.length >= limit) break;
    const via = (g < 0 ? a.via : d.via).get(id) ?? [];
    if (Math.abs(g) > 1 && !via.some((v) => kept.has(v))) continue;
    kept.add(id);
    nodes.push({ id, generation: g });
  }
  return {
    nodes,
    relations: relations.filter((r) => kept.has(r.from) && kept.has(r.to) && r.from !== r.to),
    total: { ancestors: a.gen.size, descendants: d.gen.size },
  };
}
