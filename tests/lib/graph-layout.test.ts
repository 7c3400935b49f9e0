import { describe, expect, it } from 'vitest';
import { boxesOverlap, fitLabel, layoutGraph, type LayoutEdge, type LayoutNode } from '../../src/lib/graph-layout.ts';

/** A deterministic synthetic lineage: `n` papers from 1991 to 2024, each relating to up to 3 earlier ones. */
export function syntheticGraph(n: number, seed = 1): { nodes: LayoutNode[]; edges: LayoutEdge[] } {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const nodes: LayoutNode[] = [];
  for (let i = 0; i < n; i++) {
    // Skewed towards recent years, like the literature.
    const year = 1991 + Math.floor(33 * Math.sqrt(rand()));
    nodes.push({ id: `p${i}`, year, label: `Paper ${i} ${'x'.repeat(Math.floor(rand() * 30))}`, lane: Math.floor(rand() * 12) });
  }
  nodes.sort((p, q) => p.year - q.year);
  const edges: LayoutEdge[] = [];
  nodes.forEach((node, i) => {
    const k = Math.floor(rand() * 4);
    for (let j = 0; j < k && i > 0; j++) {
      const target = nodes[Math.floor(rand() * i)]!;
      if (target.id !== node.id) edges.push({ from: node.id, to: target.id });
    }
  });
  return { nodes, edges };
}

function overlaps(nodes: ReturnType<typeof layoutGraph>['nodes']): string[] {
  // Sweep by x so a 1,000-node check stays fast.
  const sorted = [...nodes].sort((p, q) => p.x - q.x);
  const found: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j]!.x < sorted[i]!.x + sorted[i]!.width; j++) {
      if (boxesOverlap(sorted[i]!, sorted[j]!)) found.push(`${sorted[i]!.id}/${sorted[j]!.id}`);
    }
  }
  return found;
}

function checkInvariants(input: { nodes: LayoutNode[]; edges: LayoutEdge[] }) {
  const layout = layoutGraph(input.nodes, input.edges);
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  // Every node is placed once, inside the drawing.
  expect(layout.nodes).toHaveLength(input.nodes.length);
  for (const n of layout.nodes) {
    expect(Number.isFinite(n.x) && Number.isFinite(n.y)).toBe(true);
    expect(n.x).toBeGreaterThanOrEqual(0);
    expect(n.y).toBeGreaterThanOrEqual(0);
    expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
    expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
  }
  // No two node boxes overlap.
  expect(overlaps(layout.nodes)).toEqual([]);
  // Every edge is drawn between two existing nodes, from the earlier one's box to the later one's.
  expect(layout.edges).toHaveLength(input.edges.length);
  for (const e of layout.edges) {
    const a = byId.get(e.from);
    const b = byId.get(e.to);
    expect(a && b).toBeTruthy();
    const ends = [a!, b!];
    const touches = (x: number, y: number) => ends.some((n) => (x === n.x || x === n.x + n.width) && y === n.cy);
    expect(touches(e.x1, e.y1)).toBe(true);
    expect(touches(e.x2, e.y2)).toBe(true);
    expect(e.d.startsWith(`M${e.x1},${e.y1}`)).toBe(true);
  }
  // x follows the year: an earlier year is always further left.
  const sorted = [...layout.nodes].sort((p, q) => p.year - q.year);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.year > sorted[i - 1]!.year) expect(sorted[i]!.x).toBeGreaterThan(sorted[i - 1]!.x);
    else expect(sorted[i]!.x).toBe(sorted[i - 1]!.x);
  }
  return layout;
}

describe('graph layout', () => {
  it('places a small lineage by year without overlaps', () => {
    const nodes: LayoutNode[] = [
      { id: 'bahdanau2014neural', year: 2014, label: 'RNNsearch', lane: 0 },
      { id: 'vaswani2017attention', year: 2017, label: 'Transformer', lane: 0 },
      { id: 'devlin2018bert', year: 2018, label: 'BERT', lane: 1 },
      { id: 'radford2018improving', year: 2018, label: 'GPT', lane: 1 },
      { id: 'dao2022flashattention', year: 2022, label: 'FlashAttention', lane: 2 },
      { id: 'jacobs1991adaptive', year: 1991, label: 'Adaptive Mixtures of Local Experts', lane: 3 },
    ];
    const edges: LayoutEdge[] = [
      { from: 'vaswani2017attention', to: 'bahdanau2014neural' },
      { from: 'devlin2018bert', to: 'vaswani2017attention' },
      { from: 'devlin2018bert', to: 'radford2018improving' },
      { from: 'radford2018improving', to: 'vaswani2017attention' },
      { from: 'dao2022flashattention', to: 'vaswani2017attention' },
    ];
    const layout = checkInvariants({ nodes, edges });
    // 1992–2013 is empty: it becomes one break, not 22 columns.
    expect(layout.breaks.map((b) => [b.from, b.to])).toEqual([
      [1992, 2013],
      [2015, 2016],
      [2019, 2021],
    ]);
    expect(layout.columns.map((c) => c.year)).toEqual([1991, 2014, 2017, 2018, 2022]);
    // Long labels are cut to fit the column.
    expect(layout.nodes.find((n) => n.id === 'jacobs1991adaptive')!.text).toMatch(/…$/);
  });

  it('cuts labels only between words, so the drawn text is whole words of the name', () => {
    expect(fitLabel('Sparse Transformer', 12)).toBe('Sparse…');
    expect(fitLabel('Sparsely-Gated MoE', 16)).toBe('Sparsely-Gated…');
    expect(fitLabel('Attention Augmented Conv', 16)).toBe('Attention…');
    expect(fitLabel('Attention Augmented Conv', 22)).toBe('Attention Augmented…');
    expect(fitLabel('Transformer', 16)).toBe('Transformer');
    // One word longer than the box is kept whole (the renderer squeezes it).
    expect(fitLabel('Reformer-Efficient', 6)).toBe('Reformer…');
    expect(fitLabel('Supercalifragilistic', 6)).toBe('Supercalifragilistic');
    for (const [label, max] of [
      ['Adaptive Mixtures of Local Experts', 14],
      ['GPT-3: few-shot', 9],
    ] as const) {
      const cut = fitLabel(label, max).replace(/…$/, '');
      expect(label.startsWith(cut)).toBe(true);
      expect(/[\s\-/:]/.test(label.charAt(cut.length)) || cut.length === label.length).toBe(true);
    }
  });

  it('is deterministic', () => {
    const g = syntheticGraph(120, 7);
    expect(layoutGraph(g.nodes, g.edges)).toEqual(layoutGraph(g.nodes, g.edges));
  });

  it('keeps its invariants on a synthetic 1,000-node graph', () => {
    const g = syntheticGraph(1000, 42);
    expect(g.edges.length).toBeGreaterThan(1000);
    checkInvariants(g);
  });

  it('rejects an edge to a node that does not exist, and a repeated id', () => {
    expect(() => layoutGraph([{ id: 'a', year: 2020, label: 'A' }], [{ from: 'a', to: 'b' }])).toThrow(/not in the graph: a→b/);
    expect(() =>
      layoutGraph(
        [
          { id: 'a', year: 2020, label: 'A' },
          { id: 'a', year: 2021, label: 'A' },
        ],
        [],
      ),
    ).toThrow(/appears twice/);
  });

  it('handles an empty graph and a same-year edge', () => {
    expect(layoutGraph([], []).nodes).toEqual([]);
    checkInvariants({
      nodes: [
        { id: 'a', year: 2020, label: 'A' },
        { id: 'b', year: 2020, label: 'B' },
      ],
      edges: [{ from: 'b', to: 'a' }],
    });
  });
});
