import { describe, expect, it } from 'vitest';
import {
  boxesOverlap,
  fitLabel,
  layoutGraph,
  textWidth,
  type GraphLayout,
  type LayoutEdge,
  type LayoutNode,
} from '../../src/lib/graph-layout.ts';

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
    nodes.push({ id: `p${i}`, year, label: `Paper ${i} ${'x'.repeat(Math.floor(rand() * 30))}`, bold: rand() < 0.1 });
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

function overlaps(nodes: GraphLayout['nodes']): string[] {
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

async function checkInvariants(input: { nodes: LayoutNode[]; edges: LayoutEdge[] }) {
  const layout = await layoutGraph(input.nodes, input.edges);
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  // Every node is placed once, inside the drawing, below the year axis.
  expect(layout.nodes).toHaveLength(input.nodes.length);
  for (const n of layout.nodes) {
    expect(Number.isFinite(n.x) && Number.isFinite(n.y)).toBe(true);
    expect(n.x).toBeGreaterThanOrEqual(0);
    expect(n.y).toBeGreaterThanOrEqual(20);
    expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
    expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
    // The label fits its box: it starts after the dot and its estimated width ends inside.
    expect(n.tx).toBeGreaterThan(n.cx);
    expect(n.tx + textWidth(n.text, 11, n.bold)).toBeLessThanOrEqual(n.x + n.width);
  }
  // No two node boxes (which hold the labels) overlap.
  expect(overlaps(layout.nodes)).toEqual([]);
  // Every edge runs from the earlier paper's right side to the later paper's left side.
  expect(layout.edges).toHaveLength(input.edges.length);
  for (const e of layout.edges) {
    const a = byId.get(e.from)!;
    const b = byId.get(e.to)!;
    const [early, late] = e.x1 === a.x + a.width && e.x2 === b.x ? [a, b] : [b, a];
    expect(e.x1).toBe(early.x + early.width);
    expect(e.x2).toBe(late.x);
    expect(early.year).toBeLessThanOrEqual(late.year);
    expect(e.y1).toBeGreaterThanOrEqual(early.y);
    expect(e.y1).toBeLessThanOrEqual(early.y + early.height);
    expect(e.d.startsWith(`M${e.x1},${e.y1}`)).toBe(true);
    expect(e.d.endsWith(`${e.x2},${e.y2}`)).toBe(true);
  }
  // Layers follow the year: every box of a year lies right of every box of an earlier year.
  const bands = layout.columns;
  for (let i = 1; i < bands.length; i++) expect(bands[i]!.x).toBeGreaterThan(bands[i - 1]!.right);
  for (const n of layout.nodes) {
    const band = bands.find((c) => c.year === n.year)!;
    expect(n.x).toBeGreaterThanOrEqual(band.x);
    expect(n.x + n.width).toBeLessThanOrEqual(band.right);
  }
  return layout;
}

describe('graph layout', () => {
  it('places a small lineage in layers by year without overlaps', async () => {
    const nodes: LayoutNode[] = [
      { id: 'bahdanau2014neural', year: 2014, label: 'RNNsearch' },
      { id: 'vaswani2017attention', year: 2017, label: 'Transformer', bold: true },
      { id: 'devlin2018bert', year: 2018, label: 'BERT' },
      { id: 'radford2018improving', year: 2018, label: 'GPT' },
      { id: 'dao2022flashattention', year: 2022, label: 'FlashAttention' },
      { id: 'jacobs1991adaptive', year: 1991, label: 'Adaptive Mixtures of Local Experts Trained by Gradient Descent' },
    ];
    const edges: LayoutEdge[] = [
      { from: 'vaswani2017attention', to: 'bahdanau2014neural' },
      { from: 'devlin2018bert', to: 'vaswani2017attention' },
      { from: 'devlin2018bert', to: 'radford2018improving' },
      { from: 'radford2018improving', to: 'vaswani2017attention' },
      { from: 'dao2022flashattention', to: 'vaswani2017attention' },
    ];
    const layout = await checkInvariants({ nodes, edges });
    // 1992–2013 is empty: it becomes one break, not 22 columns.
    expect(layout.breaks.map((b) => [b.from, b.to])).toEqual([
      [1992, 2013],
      [2015, 2016],
      [2019, 2021],
    ]);
    expect(layout.columns.map((c) => c.year)).toEqual([1991, 2014, 2017, 2018, 2022]);
    // BERT builds on GPT, so the two 2018 papers sit in consecutive layers of the 2018 band.
    const bert = layout.nodes.find((n) => n.id === 'devlin2018bert')!;
    const gpt = layout.nodes.find((n) => n.id === 'radford2018improving')!;
    expect(bert.x).toBeGreaterThan(gpt.x + gpt.width);
    // Long labels are cut at a word.
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

  it('is deterministic', async () => {
    const g = syntheticGraph(60, 7);
    expect(await layoutGraph(g.nodes, g.edges)).toEqual(await layoutGraph(g.nodes, g.edges));
  }, 60_000);

  it('keeps its invariants on a synthetic 150-node graph, with splines and with the fast settings', async () => {
    const g = syntheticGraph(150, 42);
    expect(g.edges.length).toBeGreaterThan(150);
    await checkInvariants(g);
    const fast = await layoutGraph(g.nodes, g.edges, { effort: 'fast' });
    expect(overlaps(fast.nodes)).toEqual([]);
    expect(fast.edges.every((e) => !e.d.includes('C') || e.d.split('C').length === 2)).toBe(true);
  }, 60_000);

  it('gives a graph above maxLayered year columns, still without overlaps', async () => {
    const g = syntheticGraph(1000, 42);
    const t0 = performance.now();
    const layout = await layoutGraph(g.nodes, g.edges);
    // Fast: no ELK run at this size.
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(layout.nodes).toHaveLength(1000);
    expect(overlaps(layout.nodes)).toEqual([]);
    for (const n of layout.nodes) {
      const band = layout.columns.find((c) => c.year === n.year)!;
      expect(n.x).toBe(band.x);
      expect(n.tx + textWidth(n.text, 11, n.bold)).toBeLessThanOrEqual(n.x + n.width);
      expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
      expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
    }
    for (let i = 1; i < layout.columns.length; i++) expect(layout.columns[i]!.x).toBeGreaterThan(layout.columns[i - 1]!.right);
    expect(layout.edges).toHaveLength(g.edges.length);
    expect(layout.edges.every((e) => e.d.startsWith(`M${e.x1},${e.y1}`) && e.d.endsWith(`${e.x2},${e.y2}`))).toBe(true);
  });

  it('rejects an edge to a node that does not exist, and a repeated id', async () => {
    await expect(layoutGraph([{ id: 'a', year: 2020, label: 'A' }], [{ from: 'a', to: 'b' }])).rejects.toThrow(/not in the graph: a→b/);
    await expect(
      layoutGraph(
        [
          { id: 'a', year: 2020, label: 'A' },
          { id: 'a', year: 2021, label: 'A' },
        ],
        [],
      ),
    ).rejects.toThrow(/appears twice/);
  });

  it('handles an empty graph and a same-year edge', async () => {
    expect((await layoutGraph([], [])).nodes).toEqual([]);
    await checkInvariants({
      nodes: [
        { id: 'a', year: 2020, label: 'A' },
        { id: 'b', year: 2020, label: 'B' },
      ],
      edges: [{ from: 'b', to: 'a' }],
    });
  });
});
