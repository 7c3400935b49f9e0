import { describe, expect, it } from 'vitest';
import { assertComplete, buildKnowledge, nodeKey, parseNodeKey, type KnowledgeSource } from '../../src/lib/knowledge.ts';

const sources: KnowledgeSource[] = [
  {
    collection: 'papers',
    id: 'bahdanau2014neural',
    title: 'Neural Machine Translation by Jointly Learning to Align and Translate',
    year: 2014,
  },
  {
    collection: 'papers',
    id: 'vaswani2017attention',
    title: 'Attention Is All You Need',
    short: 'Transformer',
    year: 2017,
    relations: [{ type: 'builds-on', target: 'bahdanau2014neural', note: 'keeps attention' }],
    body: 'Drops recurrence from [[bahdanau2014neural]]; see [[concept:alibi|ALiBi]] and itself, [[vaswani2017attention]].',
  },
  {
    collection: 'papers',
    id: 'devlin2018bert',
    title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
    year: 2018,
    relations: [
      { type: 'builds-on', target: 'vaswani2017attention', note: 'encoder only' },
      { type: 'alternative-to', target: 'bahdanau2014neural', note: 'x' },
    ],
    body: 'The encoder of [[vaswani2017attention]], twice: [[vaswani2017attention|the Transformer]]. Not code: `[[nothing]]`, $[[1]]$.',
  },
  { collection: 'concepts', id: 'alibi', title: 'ALiBi', body: 'Used after [[devlin2018bert]].' },
  { collection: 'resources', id: 'cs224n-rnn-slides', title: 'CS224n: recurrent networks', body: 'Before [[bahdanau2014neural]].' },
];

describe('buildKnowledge', () => {
  const k = buildKnowledge(sources);

  it('indexes every entry of every collection with its kind, title and page', () => {
    expect([...k.entries.keys()]).toEqual([
      'papers/bahdanau2014neural',
      'papers/vaswani2017attention',
      'papers/devlin2018bert',
      'concepts/alibi',
      'resources/cs224n-rnn-slides',
    ]);
    expect(k.entries.get('resources/cs224n-rnn-slides')).toEqual({
      key: 'resources/cs224n-rnn-slides',
      collection: 'resources',
      id: 'cs224n-rnn-slides',
      title: 'CS224n: recurrent networks',
      path: '/resources/#cs224n-rnn-slides',
    });
    expect(k.entries.get('papers/vaswani2017attention')).toMatchObject({
      short: 'Transformer',
      year: 2017,
      path: '/papers/vaswani2017attention/',
    });
    expect(k.index.get('alibi')!.map((e) => e.collection)).toEqual(['concepts']);
  });

  it('keeps typed relations, one edge type, with their notes', () => {
    expect(k.relationsFrom('devlin2018bert')).toEqual([
      { from: 'devlin2018bert', to: 'vaswani2017attention', type: 'builds-on', note: 'encoder only' },
      { from: 'devlin2018bert', to: 'bahdanau2014neural', type: 'alternative-to', note: 'x' },
    ]);
    expect(k.relations).toHaveLength(3);
  });

  it('inverts relations into backlinks, in source order', () => {
    expect(k.relationsTo('bahdanau2014neural').map((r) => r.from)).toEqual(['vaswani2017attention', 'devlin2018bert']);
    expect(k.relationsTo('devlin2018bert')).toEqual([]);
    expect(k.relationsFrom('nobody2020x')).toEqual([]);
  });

  it('lists mentions once per source and target, without self-links or links in code and math', () => {
    expect(k.mentionsOf(nodeKey('papers', 'vaswani2017attention'))).toEqual(['papers/devlin2018bert']);
    expect(k.mentionsOf(nodeKey('papers', 'bahdanau2014neural'))).toEqual(['papers/vaswani2017attention', 'resources/cs224n-rnn-slides']);
    expect(k.mentionsFrom(nodeKey('papers', 'vaswani2017attention'))).toEqual(['papers/bahdanau2014neural', 'concepts/alibi']);
    expect(k.mentions).toHaveLength(5);
    expect(k.brokenLinks).toEqual([]);
    expect(k.danglingRelations).toEqual([]);
  });

  it('collects dangling relations and broken wikilinks instead of throwing, and assertComplete lists each', () => {
    const broken = buildKnowledge([
      {
        collection: 'papers',
        id: 'a2020b',
        title: 'A',
        year: 2020,
        relations: [{ type: 'extends', target: 'missing2020x', note: 'n' }],
        body: 'See [[topic:nowhere]].',
      },
    ]);
    expect(broken.relations).toEqual([]);
    expect(broken.danglingRelations).toEqual([{ from: 'a2020b', to: 'missing2020x', type: 'extends', note: 'n' }]);
    expect(broken.brokenLinks.map((b) => [b.from, b.link.raw, b.link.line])).toEqual([['papers/a2020b', '[[topic:nowhere]]', 1]]);
    expect(broken.brokenLinks[0]!.message).toMatch(/^wikilink \[\[topic:nowhere\]\] points to no topic\. Fix:/);
    expect(() => assertComplete(broken)).toThrow(
      /2 link\(s\) point at entries that do not exist:\n {2}papers\/a2020b --extends--> papers\/missing2020x\n {2}papers\/a2020b: wikilink \[\[topic:nowhere\]\]/,
    );
    expect(assertComplete(k)).toBe(k);
  });

  it('round-trips node keys', () => {
    expect(parseNodeKey(nodeKey('resources', 'cs224n-rnn-slides'))).toEqual({ collection: 'resources', id: 'cs224n-rnn-slides' });
  });
});
