import { describe, expect, it } from 'vitest';
import { isCollectiveAuthor, splitName, toBibtex, toCsl } from '../../src/lib/bibtex.ts';

describe('BibTeX', () => {
  it('splits names, keeping particles with the family name', () => {
    expect(splitName('Ashish Vaswani')).toEqual({ given: 'Ashish', family: 'Vaswani' });
    expect(splitName('Aäron van den Oord')).toEqual({ given: 'Aäron', family: 'van den Oord' });
    expect(splitName('Aidan N. Gomez')).toEqual({ given: 'Aidan N.', family: 'Gomez' });
    expect(splitName('Plato')).toEqual({ family: 'Plato' });
  });

  it('keeps a collective author whole, in the key check and in BibTeX', () => {
    expect(splitName('BigScience Workshop')).toEqual({ family: 'BigScience Workshop' });
    expect(splitName('DeepSeek-AI')).toEqual({ family: 'DeepSeek-AI' });
    expect(isCollectiveAuthor('BigScience Workshop')).toBe(true);
    expect(isCollectiveAuthor('Teven Le Scao')).toBe(false);
    const bib = toBibtex([
      toCsl('bigscience2022bloom', { title: 'BLOOM', authors: ['BigScience Workshop'], year: 2022, arxiv: '2211.05100' }),
    ]);
    expect(bib).toContain('author = {{BigScience Workshop}}');
  });

  it('writes a conference paper keyed by its id', () => {
    const bib = toBibtex([
      toCsl('vaswani2017attention', {
        title: 'Attention Is All You Need',
        authors: ['Ashish Vaswani', 'Łukasz Kaiser'],
        year: 2017,
        venue: 'NeurIPS 2017',
        arxiv: '1706.03762',
      }),
    ]);
    expect(bib).toMatch(/^@inproceedings\{vaswani2017attention,/);
    expect(bib).toContain('author = {Vaswani, Ashish and Kaiser, \\L{}ukasz}');
    expect(bib).toContain('booktitle = {NeurIPS}');
    expect(bib).toContain('year = {2017}');
  });

  it('escapes LaTeX specials: accents, braces, ampersands, percent and math', () => {
    const bib = toBibtex([toCsl('x2020y', { title: 'Q & A {x} 100% $x_1$', authors: ['Jürgen Schmidhuber'], year: 2020 })]);
    expect(bib).toContain('Schmidhuber, J{\\" u}rgen');
    expect(bib).toContain('\\&');
    expect(bib).toContain('\\%');
    expect(bib).toContain('\\textbraceleft{}x\\textbraceright{}');
    expect(bib).toContain('\\textdollar{}x\\textunderscore{}1\\textdollar{}');
  });

  it('marks preprints as arXiv articles and journals as articles', () => {
    expect(toBibtex([toCsl('a2021b', { title: 'T', authors: ['A B'], year: 2021, arxiv: '2101.00001' })])).toMatch(
      /@article\{a2021b,[\s\S]*journal = \{arXiv preprint arXiv:2101.00001\}/,
    );
    expect(toCsl('j1991a', { title: 'T', authors: ['A B'], year: 1991, venue: 'Neural Computation 1991' }).type).toBe('article-journal');
  });

  it('chooses the entry type from the venue: conference, report, journal, or arXiv preprint', () => {
    const type = (venue?: string) => toCsl('a2020b', { title: 'T', authors: ['A B'], year: 2020, ...(venue ? { venue } : {}) }).type;
    expect(type('ICLR 2021')).toBe('paper-conference');
    expect(type('Findings of EMNLP 2023')).toBe('paper-conference');
    expect(type('Technical report FKI-147-91 1991')).toBe('report');
    expect(type('Neurocomputing 2024')).toBe('article-journal');
    expect(type(undefined)).toBe('article');
    const bib = (venue: string) => toBibtex([toCsl('a2020b', { title: 'T', authors: ['A B'], year: 2020, venue })]);
    expect(bib('ICLR 2021')).toMatch(/^@inproceedings\{a2020b,/);
    expect(bib('Neurocomputing 2024')).toMatch(/^@article\{a2020b,[\s\S]*journal = \{Neurocomputing\}/);
  });

  it('links the arXiv page when there is one, else the landing page, and keeps the DOI either way', () => {
    const both = toCsl('a2020b', {
      title: 'T',
      authors: ['A B'],
      year: 2020,
      arxiv: '2001.00001v2',
      url: 'https://example.org/p',
      doi: '10.1/x',
    });
    expect(both.URL).toBe('https://arxiv.org/abs/2001.00001v2');
    expect(both.DOI).toBe('10.1/x');
    expect(both['container-title']).toBe('arXiv preprint arXiv:2001.00001');
    const landing = toCsl('a1997b', {
      title: 'T',
      authors: ['A B'],
      year: 1997,
      venue: 'Neural Computation 1997',
      url: 'https://example.org/p',
      doi: '10.1162/x',
    });
    expect(landing.URL).toBe('https://example.org/p');
    expect(landing.DOI).toBe('10.1162/x');
    expect(landing['container-title']).toBe('Neural Computation');
    expect(toCsl('a1997b', { title: 'T', authors: ['A B'], year: 1997 }).URL).toBeUndefined();
    const bib = toBibtex([landing]);
    expect(bib).toContain('doi = {10.1162/x}');
    expect(bib).toContain('url = {https://example.org/p}');
  });
});
