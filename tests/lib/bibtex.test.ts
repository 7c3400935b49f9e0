import { describe, expect, it } from 'vitest';
import { splitName, toBibtex, toCsl } from '../../src/lib/bibtex.ts';

describe('BibTeX', () => {
  it('splits names, keeping particles with the family name', () => {
    expect(splitName('Ashish Vaswani')).toEqual({ given: 'Ashish', family: 'Vaswani' });
    expect(splitName('Aäron van den Oord')).toEqual({ given: 'Aäron', family: 'van den Oord' });
    expect(splitName('Aidan N. Gomez')).toEqual({ given: 'Aidan N.', family: 'Gomez' });
    expect(splitName('Plato')).toEqual({ family: 'Plato' });
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
});
