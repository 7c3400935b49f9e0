import { describe, expect, it } from 'vitest';
import { yearPeriod } from '../../src/lib/search-facets.ts';
import { buildKnowledge } from '../../src/lib/knowledge.ts';
import { SEARCH_RANKING, entryNameMeta, exactName, nameMeta } from '../../src/lib/search-ranking.ts';

describe('search names and facets', () => {
  it('folds a short name to one lowercase word, so Pagefind cannot split it', () => {
    expect(exactName('GPT-2')).toBe('gpt2');
    expect(exactName('LinkBERT')).toBe('linkbert');
    expect(exactName('Sparsely-Gated MoE')).toBe('sparselygatedmoe');
    expect(exactName('Kosmos-1')).toBe('kosmos1');
    expect(exactName('DALL·E 2')).toBe('dalle2');
    expect(exactName('∞-former')).toBe('former');
  });

  it('tags the short name, its folded form and every name once', () => {
    expect(nameMeta('BERT', ['BERT', 'MLM', undefined, 'devlin2018bert', '1810.04805'])).toEqual({
      names: 'BERT · MLM · devlin2018bert · 1810.04805',
      short: 'BERT',
      exact: 'bert',
    });
    expect(nameMeta(undefined, ['efficient training survey', ' '])).toEqual({ names: 'efficient training survey' });
    // Every field a page tags is weighted, and an exact short name outweighs everything else.
    const w = SEARCH_RANKING.metaWeights;
    expect(w.exact).toBeGreaterThan(Math.max(w.short, w.names, w.title));
  });

  it('puts a year in its five-year period', () => {
    expect(yearPeriod(1991)).toBe('1990–1994');
    expect(yearPeriod(2015)).toBe('2015–2019');
    expect(yearPeriod(2019)).toBe('2015–2019');
    expect(yearPeriod(2020)).toBe('2020–2024');
  });
});

describe('entryNameMeta', () => {
  it('takes the names search matches from the knowledge: paper key and arXiv id, concept title', () => {
    const k = buildKnowledge([
      {
        collection: 'papers',
        id: 'devlin2018bert',
        title: 'BERT: Pre-training…',
        short: 'BERT',
        aliases: ['MLM'],
        arxiv: '1810.04805',
        year: 2018,
      },
      { collection: 'concepts', id: 'rotary-embedding', title: 'Rotary position embedding', short: 'RoPE', aliases: ['rotary'] },
    ]);
    expect(entryNameMeta(k.entries.get('papers/devlin2018bert')!)).toEqual(nameMeta('BERT', ['MLM', 'devlin2018bert', '1810.04805']));
    expect(entryNameMeta(k.entries.get('papers/devlin2018bert')!)['names']).toBe('BERT · MLM · devlin2018bert · 1810.04805');
    expect(entryNameMeta(k.entries.get('concepts/rotary-embedding')!)['names']).toBe('RoPE · Rotary position embedding · rotary');
  });
});
