/**
 * One notation across the site: every concept page and landmark note uses the reserved symbols of
 * src/lib/notation.ts with their reserved meaning, the macro table matches the KaTeX macros, and the
 * concept pages and CONTRIBUTING point readers to the notation page.
 */
import { readFileSync } from 'node:fs';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/integrations/content-loader.ts';
import { KATEX_MACROS, KATEX_OPTIONS } from '../../src/lib/katex-macros.ts';
import { CONVENTIONS, MACRO_MEANINGS, RESERVED_SYMBOLS, checkNotation, macroTableProblems } from '../../src/lib/notation.ts';

const { content } = loadContent();


describe('reserved symbols in the content', () => {
  const entries = [...content.concepts, ...content.papers.filter((p) => p.data?.depth === 'landmark')];

  it('covers every concept page and the landmark notes', () => {
    expect(content.concepts.length).toBeGreaterThanOrEqual(12);
    expect(entries.length - content.concepts.length).toBeGreaterThanOrEqual(30);
  });

  it('no concept page or landmark note defines a reserved symbol differently', () => {
    const clashes = entries.flatMap((e) =>
      checkNotation(e.body).map((c) => `${e.file}:${c.line + e.bodyLine - 1}: $${c.symbol}$ is used for "${c.definition}", reserved for ${c.reserved}`),
    );
    expect(clashes).toEqual([]);
  });
});

describe('checkNotation', () => {
  it('catches a deliberately wrong definition in each form a page can write one', () => {
    const wrong = [
      'Each head adds a penalty, where $m$ is the slope of the head.',
      'The running statistics keep the maximum $m$ of each row.',
      'The feature map uses $m$ random features.',
      'Here $E$ denotes the projection of the sequence axis.',
      'The weights $W$ are the softmax of the scores, where $W$ is the attention matrix.',
      'A block of size $M$ holds the mask, with $M$ the padding pattern.',
      'The span length $\\ell$ follows a Poisson law, where $\\ell$ is the span length.',
      'The model has $L$ heads.',
    ];
    const found = wrong.map((text) => checkNotation(text).map((c) => c.symbol));
    expect(found).toEqual([['m'], ['m'], ['m'], ['E'], ['W'], ['M'], ['\\ell'], ['L']]);
    const [one] = checkNotation('Each head adds a penalty, where $m$ is the slope of the head.');
    expect(one).toMatchObject({ symbol: 'm', line: 1, definition: 'the slope of the head' });
  });

  it('accepts the reserved meanings and reports the line of a clash', () => {
    const right = [
      'There are $n$ queries and $m$ keys, where $m$ is the number of keys.',
      'With $h$ heads and $L$ layers, a layer of $E$ experts routes each token.',
      'The running sum $\\ell$ of exponentials, and the SRAM size $M$ counted in numbers.',
      'where $W$ is a learned projection, and $A$ denotes the attention weights.',
    ].join('\n');
    expect(checkNotation(right)).toEqual([]);
    expect(checkNotation(`${right}\n\nA head with slope $m$ looks back.`)).toMatchObject([{ symbol: 'm', line: 6 }]);
  });

  it('ignores symbols inside code', () => {
    expect(checkNotation('`where $m$ is the slope`\n\n```\nthe slope $m$\n```')).toEqual([]);
  });
});

describe('the notation tables', () => {
  it('document every KaTeX macro and nothing else', () => {
    expect(macroTableProblems()).toEqual([]);
    expect(Object.keys(MACRO_MEANINGS)).toEqual(Object.keys(KATEX_MACROS));
  });

  it('reserve each symbol once, and every symbol renders in KaTeX', () => {
    const tex = RESERVED_SYMBOLS.map((s) => s.tex);
    expect(new Set(tex).size).toBe(tex.length);
    for (const s of RESERVED_SYMBOLS) {
      expect(() => katex.renderToString(s.tex, KATEX_OPTIONS), s.tex).not.toThrow();
      expect(s.meaning.length, s.tex).toBeGreaterThan(10);
      expect(s.accept.test(s.meaning), `${s.tex}: its own meaning must satisfy its accept pattern`).toBe(true);
    }
    expect(CONVENTIONS.length).toBeGreaterThanOrEqual(4);
  });

  it('are linked from every concept page layout and from CONTRIBUTING', () => {
    expect(readFileSync('src/pages/concepts/[id].astro', 'utf8')).toMatch(/url\('\/notation\/'\)/);
    const contributing = readFileSync('CONTRIBUTING.md', 'utf8');
    const section = contributing.slice(contributing.indexOf('## Notation and macros'));
    expect(section).toMatch(/\/notation\//);
    expect(section).toMatch(/src\/lib\/notation\.ts/);
    for (const macro of Object.keys(KATEX_MACROS)) expect(section, macro).toContain('`' + macro);
  });
});
