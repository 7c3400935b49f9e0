import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/integrations/content-loader.ts';
import { ancestors, descendants, findPath, lineage, neighbourhood, type Relation } from '../../src/lib/lineage.ts';
import type { RelationType } from '../../src/schema/taxonomy.ts';

const R = (from: string, type: RelationType, to: string): Relation => ({ from, to, type, note: `${from} ${type} ${to}` });

/** A small lineage: relations live on the later paper and point back. */
const toy: Relation[] = [
  R('transformer', 'builds-on', 'rnnsearch'),
  R('bert', 'builds-on', 'transformer'),
  R('gpt', 'builds-on', 'transformer'),
  R('bert', 'alternative-to', 'gpt'),
  R('flash', 'builds-on', 'transformer'),
  R('flash', 'alternative-to', 'linformer'),
  R('linformer', 'improves', 'transformer'),
  R('moe', 'builds-on', 'jacobs'),
];

describe('path finder', () => {
  it('finds the shortest chain and says which way each step walks', () => {
    const path = findPath(toy, 'rnnsearch', 'flash')!;
    expect(path.map((s) => [s.at, s.relation.type, s.next, s.forward])).toEqual([
      ['rnnsearch', 'builds-on', 'transformer', false],
      ['transformer', 'builds-on', 'flash', false],
    ]);
    expect(path[1]!.relation.note).toBe('flash builds-on transformer');
  });

  it('walks through a common ancestor when needed, and breaks ties the same way every time', () => {
    expect(findPath(toy, 'bert', 'flash')!.map((s) => s.next)).toEqual(['transformer', 'flash']);
    expect(findPath(toy, 'gpt', 'linformer')!.map((s) => s.next)).toEqual(['transformer', 'linformer']);
    expect(findPath(toy, 'gpt', 'linformer')).toEqual(findPath([...toy].reverse(), 'gpt', 'linformer'));
  });

  it('returns [] from a paper to itself and undefined without a chain', () => {
    expect(findPath(toy, 'bert', 'bert')).toEqual([]);
    expect(findPath(toy, 'bert', 'jacobs')).toBeUndefined();
    expect(findPath(toy, 'bert', 'nosuch')).toBeUndefined();
  });

  it('collects ancestors and descendants', () => {
    expect([...ancestors(toy, 'flash')].sort()).toEqual(['linformer', 'rnnsearch', 'transformer']);
    expect([...descendants(toy, 'transformer')].sort()).toEqual(['bert', 'flash', 'gpt', 'linformer']);
    expect(ancestors(toy, 'rnnsearch').size).toBe(0);
  });

  it('keeps a capped neighbourhood connected to its centre', () => {
    const hood = neighbourhood(toy, 'bert', { hops: 2, limit: 4 });
    expect(hood.nodes[0]).toEqual({ id: 'bert', hop: 0 });
    expect(hood.nodes.length).toBeLessThanOrEqual(4);
    expect(hood.total).toBe(6);
    const ids = new Set(hood.nodes.map((n) => n.id));
    for (const r of hood.relations) expect(ids.has(r.from) && ids.has(r.to)).toBe(true);
    expect(neighbourhood(toy, 'bert', { hops: 1 }).nodes.map((n) => n.id)).toEqual(['bert', 'gpt', 'transformer']);
  });
});

describe('focus lineage', () => {
  it("draws a paper's ancestors and descendants by generation, capped and connected", () => {
    const t = lineage(toy, 'transformer', { generations: 2 });
    expect(t.nodes[0]).toEqual({ id: 'transformer', generation: 0 });
    expect(t.nodes.filter((n) => n.generation === -1).map((n) => n.id)).toEqual(['rnnsearch']);
    expect(
      t.nodes
        .filter((n) => n.generation === 1)
        .map((n) => n.id)
        .sort(),
    ).toEqual(['bert', 'flash', 'gpt', 'linformer']);
    // Flash builds on Linformer too, but it is a child already: no paper appears twice.
    expect(new Set(t.nodes.map((n) => n.id)).size).toBe(t.nodes.length);
    expect(t.total).toEqual({ ancestors: 1, descendants: 4 });
    // Relations among the drawn papers, siblings included (BERT is an alternative to GPT).
    expect(t.relations).toContainEqual(R('bert', 'alternative-to', 'gpt'));
    // Two generations back from Flash reach RNNsearch through the Transformer.
    expect(lineage(toy, 'flash', { generations: 2 }).nodes.find((n) => n.id === 'rnnsearch')?.generation).toBe(-2);
    expect(lineage(toy, 'flash', { generations: 1 }).nodes.some((n) => n.id === 'rnnsearch')).toBe(false);
    // A cap keeps the nearest generation first, by priority, and a grandparent only through a kept parent.
    const capped = lineage(toy, 'flash', { generations: 2, limit: 2, priority: (id) => (id === 'linformer' ? 0 : 1) });
    expect(capped.nodes.map((n) => n.id)).toEqual(['flash', 'linformer']);
    expect(capped.relations).toEqual([R('flash', 'alternative-to', 'linformer')]);
    expect(lineage(toy, 'jacobs').nodes.map((n) => n.id)).toEqual(['jacobs', 'moe']);
  });
});

describe('path finder on the atlas', () => {
  const { relations } = loadContent().knowledge;

  it('links Bahdanau attention to FlashAttention through the Transformer', () => {
    const path = findPath(relations, 'bahdanau2014neural', 'dao2022flashattention')!;
    expect(path).toBeDefined();
    expect(path[0]!.at).toBe('bahdanau2014neural');
    expect(path.at(-1)!.next).toBe('dao2022flashattention');
    expect(path.map((s) => s.next)).toContain('vaswani2017attention');
    for (const s of path) expect(s.relation.note.length).toBeGreaterThan(10);
    // Every consecutive pair of papers is joined by a relation that exists in the notes.
    for (const s of path) expect(relations).toContainEqual(s.relation);
  });
});
