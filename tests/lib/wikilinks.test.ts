import { describe, expect, it } from 'vitest';
import { buildIdIndex, defaultLabel, findWikilinks, resolveWikilink, shortTitle, type EntryRef } from '../../src/lib/wikilinks.ts';

const entries: EntryRef[] = [
  { collection: 'papers', id: 'vaswani2017attention', title: 'Attention Is All You Need', short: 'Transformer', year: 2017 },
  { collection: 'papers', id: 'devlin2018bert', title: 'BERT: Pre-training of Deep Bidirectional Transformers', year: 2018 },
  { collection: 'concepts', id: 'alibi', title: 'ALiBi' },
  { collection: 'topics', id: 'moe', title: 'Mixture of experts' },
  { collection: 'concepts', id: 'moe', title: 'Routing' },
];
const index = buildIdIndex(entries);

describe('findWikilinks', () => {
  it('finds bare, labelled and prefixed links with their lines', () => {
    const src = 'Intro [[vaswani2017attention]].\nSee [[devlin2018bert|the BERT paper]] and [[topic:moe]].';
    expect(findWikilinks(src).map(({ id, label, collection, line, raw }) => ({ id, label, collection, line, raw }))).toEqual([
      { id: 'vaswani2017attention', label: undefined, collection: undefined, line: 1, raw: '[[vaswani2017attention]]' },
      { id: 'devlin2018bert', label: 'the BERT paper', collection: undefined, line: 2, raw: '[[devlin2018bert|the BERT paper]]' },
      { id: 'moe', label: undefined, collection: 'topics', line: 2, raw: '[[topic:moe]]' },
    ]);
  });

  it('ignores links inside code and math', () => {
    const src = '`[[notalink]]` and $[[x]]_{i}$ and\n```\n[[alsonot]]\n```\n$$\n[[nope]]\n$$\nbut [[alibi]]';
    expect(findWikilinks(src).map((l) => l.id)).toEqual(['alibi']);
  });
});

describe('resolveWikilink', () => {
  it('resolves a unique id', () => {
    const r = resolveWikilink({ id: 'alibi' }, index);
    expect(r.ok && r.entry.collection).toBe('concepts');
  });
  it('suggests the closest ids for a typo', () => {
    const r = resolveWikilink({ id: 'vaswani2017atention' }, index);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.suggestions[0]).toBe('vaswani2017attention');
      expect(r.message).toBe(
        'wikilink [[vaswani2017atention]] points to no note. Fix: did you mean [[vaswani2017attention]]? use the file name (without extension) of an entry in content/.',
      );
    }
  });
  it('reports an id shared by two collections as ambiguous and names the prefixes', () => {
    const r = resolveWikilink({ id: 'moe' }, index);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('Fix: write [[topic:moe]] or [[concept:moe]]');
    const t = resolveWikilink({ id: 'moe', collection: 'topics' }, index);
    expect(t.ok && t.entry.title).toBe('Mixture of experts');
  });
});

describe('labels', () => {
  it('shows papers as short title and year', () => {
    expect(defaultLabel(entries[0]!)).toBe('Transformer (2017)');
    expect(defaultLabel(entries[1]!)).toBe('BERT (2018)');
    expect(defaultLabel(entries[2]!)).toBe('ALiBi');
    expect(shortTitle('No colon here')).toBe('No colon here');
  });
});
