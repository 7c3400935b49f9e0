import { describe, expect, it } from 'vitest';
import { ContentError, SCHEMAS, formatProblem, parseWithFriendlyErrors } from '../../src/schema/index.ts';

const valid = {
  title: 'Attention Is All You Need',
  authors: ['Ashish Vaswani', 'Noam Shazeer'],
  year: 2017,
  venue: 'NeurIPS 2017',
  arxiv: '1706.03762',
  topics: ['attention-mechanisms'],
  tldr: 'Attention alone, without recurrence, is enough for translation.',
  relations: [{ type: 'builds-on', target: 'bahdanau2014neural', note: 'Keeps attention, drops the RNN.' }],
  depth: 'landmark',
  added: '2026-11-22',
};

/** The messages a broken frontmatter produces, one per problem. */
function messages(data: unknown): string[] {
  try {
    parseWithFriendlyErrors(SCHEMAS.papers, data, 'content/papers/x.mdx');
  } catch (e) {
    expect(e).toBeInstanceOf(ContentError);
    // The current year appears in "year in the future" messages; keep snapshots stable across years.
    const thisYear = String(new Date().getFullYear());
    return (e as ContentError).problems.map((p) => formatProblem(p).replaceAll(thisYear, 'THIS_YEAR').replaceAll(String(Number(thisYear) + 1), 'NEXT_YEAR'));
  }
  throw new Error('expected the frontmatter to be rejected');
}

describe('paper schema', () => {
  it('accepts a complete note and fills defaults', () => {
    const p = parseWithFriendlyErrors(SCHEMAS.papers, { ...valid, depth: undefined, relations: undefined }, 'f');
    expect(p.depth).toBe('note');
    expect(p.relations).toEqual([]);
    expect(p.concepts).toEqual([]);
    expect(p.added.toISOString().slice(0, 10)).toBe('2026-11-22');
  });

  it('accepts a headline result that names its table, figure, section, appendix or the abstract', () => {
    for (const source of ['Table 2', 'Tables 3 and 4', 'Figure 1', 'Section 4.1', 'Appendix B', 'Abstract']) {
      const p = parseWithFriendlyErrors(SCHEMAS.papers, { ...valid, result: { claim: '28.4 BLEU on WMT14 En-De.', source } }, 'f');
      expect(p.result).toEqual({ kind: 'measured', claim: '28.4 BLEU on WMT14 En-De.', source });
    }
  });

  it('accepts a result with no number only when its kind says the paper reports none', () => {
    const survey = { kind: 'survey', claim: 'Sorts efficient Transformers by how they sparsify or approximate attention.', source: 'Section 3' };
    expect(parseWithFriendlyErrors(SCHEMAS.papers, { ...valid, result: survey }, 'f').result).toEqual(survey);
    expect(messages({ ...valid, result: { ...survey, kind: 'measured' } })).toEqual([
      'content/papers/x.mdx: result.claim: result.claim "Sorts efficient Transformers by how they sparsify or approximate attention." has no number. Fix: state the headline result with the paper\'s own figures (a score, a speed-up, a size); if the paper reports no benchmark number, set result.kind to survey, formal or demonstration.',
    ]);
  });

  it('accepts a versioned arXiv id', () => {
    expect(parseWithFriendlyErrors(SCHEMAS.papers, { ...valid, arxiv: '1706.03762v7' }, 'f').arxiv).toBe('1706.03762v7');
  });

  it('accepts a January arXiv number for a paper first submitted the December before', () => {
    // The Pile: submitted 31 December 2020, announced as 2101.00027.
    expect(parseWithFriendlyErrors(SCHEMAS.papers, { ...valid, year: 2020, arxiv: '2101.00027' }, 'f').year).toBe(2020);
    expect(messages({ ...valid, year: 2020, arxiv: '2102.00027' })).toHaveLength(1);
    expect(messages({ ...valid, year: 2019, arxiv: '2101.00027' })).toHaveLength(1);
  });

  it.each([
    ['missing title', { ...valid, title: undefined }],
    ['year as a string', { ...valid, year: '2017' }],
    ['year in the future', { ...valid, year: new Date().getFullYear() + 1, arxiv: undefined }],
    ['unknown relation type', { ...valid, relations: [{ type: 'inspired-by', target: 'bahdanau2014neural', note: 'x' }] }],
    ['malformed arXiv id', { ...valid, arxiv: 'arXiv:1706.03762' }],
    ['arXiv prefix disagrees with year', { ...valid, year: 2016 }],
    ['tldr too long', { ...valid, tldr: 'x'.repeat(201) }],
    ['empty author list', { ...valid, authors: [] }],
    ['unknown key close to a known one', { ...valid, autors: ['A'] }],
    ['unknown key far from any', { ...valid, rating: 5 }],
    ['bad relation target', { ...valid, relations: [{ type: 'builds-on', target: 'Vaswani 2017', note: 'x' }] }],
    ['duplicate relation', { ...valid, relations: [valid.relations[0], valid.relations[0]] }],
    ['unknown family', { ...valid, family: 'transformer' }],
    ['no topics', { ...valid, topics: [] }],
    ['multi-line tldr', { ...valid, tldr: 'one\ntwo' }],
    ['result without a number', { ...valid, result: { claim: 'Better than the baseline.', source: 'Table 2' } }],
    ['result source that names no place', { ...valid, result: { claim: '28.4 BLEU on WMT14 En-De.', source: 'the paper' } }],
    ['result source that is the abstract and more', { ...valid, result: { claim: '28.4 BLEU on WMT14 En-De.', source: 'Abstract and blog' } }],
    ['result with an unknown kind', { ...valid, result: { kind: 'review', claim: 'A review.', source: 'Section 2' } }],
    ['result with an unknown key', { ...valid, result: { claim: '28.4 BLEU on WMT14 En-De.', source: 'Table 2', table: 2 } }],
  ])('rejects %s with a message that says how to fix it', (_name, data) => {
    const out = messages(data);
    expect(out.length).toBeGreaterThan(0);
    for (const m of out) {
      expect(m).toMatch(/^content\/papers\/x\.mdx: /);
      expect(m).toMatch(/Fix: /);
    }
    expect(out).toMatchSnapshot();
  });
});

describe('other schemas', () => {
  it('path steps need exactly one of paper or concept', () => {
    const base = { title: 'P', description: 'd', steps: [{ paper: 'vaswani2017attention', why: 'w' }, { paper: 'devlin2018bert', concept: 'alibi', why: 'w' }] };
    expect(() => parseWithFriendlyErrors(SCHEMAS.paths, base, 'p.md')).toThrow(/exactly one of paper or concept/);
  });
  it('resources need a known kind and an http url', () => {
    const r = { title: 'T', author: 'A', url: 'ftp://x', kind: 'podcast', note: 'n', topics: ['moe'] };
    const err = (() => {
      try {
        parseWithFriendlyErrors(SCHEMAS.resources, r, 'r.md');
      } catch (e) {
        return e as ContentError;
      }
      return undefined;
    })();
    expect(err?.problems.map((p) => p.field).sort()).toEqual(['kind', 'url']);
  });
  it('concept pages require papers and topics', () => {
    expect(() => parseWithFriendlyErrors(SCHEMAS.concepts, { title: 'C', summary: 's', topics: [], papers: [], added: '2026-01-01' }, 'c.mdx')).toThrow(/topics is empty[\s\S]*papers is empty/);
  });
});
