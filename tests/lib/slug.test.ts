import { describe, expect, it } from 'vitest';
import { arxivLinks, entryPath, slugify, suggestPaperId, withBase } from '../../src/lib/slug.ts';

describe('slug helpers', () => {
  it('slugifies headings with accents and punctuation', () => {
    expect(slugify('Multi-head attention!')).toBe('multi-head-attention');
    expect(slugify('  Schmidhuber’s fast weights (1992) ')).toBe('schmidhuber-s-fast-weights-1992');
    expect(slugify('Réseau à mémoire')).toBe('reseau-a-memoire');
  });
  it('builds entry paths and joins the base path', () => {
    expect(entryPath('papers', 'devlin2018bert')).toBe('/papers/devlin2018bert/');
    expect(entryPath('resources', 'nanogpt')).toBe('/resources/#nanogpt');
    expect(withBase('/papers/', '/atlas')).toBe('/atlas/papers/');
    expect(withBase('papers/', '/')).toBe('/papers/');
  });
  it('derives BibTeX keys by the convention', () => {
    expect(suggestPaperId('Vaswani', 2017, 'Attention Is All You Need')).toBe('vaswani2017attention');
    expect(suggestPaperId('Devlin', 2018, 'BERT: Pre-training of Deep Bidirectional Transformers')).toBe('devlin2018bert');
    expect(suggestPaperId('Lewis', 2019, 'BART: Denoising Sequence-to-Sequence Pre-training')).toBe('lewis2019bart');
    expect(suggestPaperId('van den Oord', 2016, 'On the Benefits of Depth')).toBe('vandenoord2016benefits');
    expect(suggestPaperId('Müller', 2020, 'A Study')).toBe('muller2020study');
  });
  it('links arXiv abstract and PDF', () => {
    expect(arxivLinks('1706.03762')).toEqual({ abs: 'https://arxiv.org/abs/1706.03762', pdf: 'https://arxiv.org/pdf/1706.03762' });
  });
});
