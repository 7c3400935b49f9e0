import { describe, expect, it } from 'vitest';
import {
  buildLinkGraph,
  invert,
  mentionsOf,
  nodeKey,
  relationsFrom,
  relationsTo,
  type Edge,
  type NodeKey,
} from '../../src/lib/link-graph.ts';

const sources = [
  { collection: 'papers' as const, id: 'bahdanau2014neural' },
  {
    collection: 'papers' as const,
    id: 'vaswani2017attention',
    relations: [{ type: 'builds-on' as const, target: 'bahdanau2014neural', note: 'keeps attention' }],
    mentions: [nodeKey('papers', 'bahdanau2014neural'), nodeKey('concepts', 'alibi'), nodeKey('papers', 'vaswani2017attention')],
  },
  {
    collection: 'papers' as const,
    id: 'devlin2018bert',
    relations: [
      { type: 'builds-on' as const, target: 'vaswani2017attention', note: 'encoder only' },
      { type: 'alternative-to' as const, target: 'bahdanau2014neural', note: 'x' },
    ],
    mentions: [nodeKey('papers', 'vaswani2017attention'), nodeKey('papers', 'vaswani2017attention')],
  },
  { collection: 'concepts' as const, id: 'alibi', mentions: [nodeKey('papers', 'devlin2018bert')] },
];

describe('buildLinkGraph', () => {
  const g = buildLinkGraph(sources);

  it('keeps typed relations as outgoing edges with their notes', () => {
    expect(relationsFrom(g, 'papers/devlin2018bert').map((e) => [e.type, e.to, e.note])).toEqual([
      ['builds-on', 'papers/vaswani2017attention', 'encoder only'],
      ['alternative-to', 'papers/bahdanau2014neural', 'x'],
    ]);
  });

  it('inverts relations into backlinks', () => {
    expect(relationsTo(g, 'papers/bahdanau2014neural').map((e) => e.from)).toEqual([
      'papers/vaswani2017attention',
      'papers/devlin2018bert',
    ]);
    expect(relationsTo(g, 'papers/devlin2018bert')).toEqual([]);
  });

  it('lists mentions once, without self-links', () => {
    expect(mentionsOf(g, 'papers/vaswani2017attention')).toEqual(['papers/devlin2018bert']);
    expect(mentionsOf(g, 'papers/devlin2018bert')).toEqual(['concepts/alibi']);
    expect((g.outgoing.get('papers/vaswani2017attention') ?? []).some((e) => e.to === 'papers/vaswani2017attention')).toBe(false);
  });

  it('throws on a dangling relation or mention, listing every one', () => {
    expect(() =>
      buildLinkGraph([
        {
          collection: 'papers',
          id: 'a2020b',
          relations: [{ type: 'extends', target: 'missing2020x', note: 'n' }],
          mentions: ['topics/nowhere' as NodeKey],
        },
      ]),
    ).toThrow(
      /2 link\(s\) point at entries that do not exist:\n {2}papers\/a2020b --extends--> papers\/missing2020x\n {2}papers\/a2020b --mentions--> topics\/nowhere/,
    );
  });

  it('inversion preserves every edge exactly once', () => {
    const out = new Map<NodeKey, Edge[]>(g.outgoing);
    const total = [...out.values()].reduce((n, es) => n + es.length, 0);
    const inv = invert(out);
    expect([...inv.values()].reduce((n, es) => n + es.length, 0)).toBe(total);
    expect(total).toBe(7);
  });
});
