import { describe, expect, it } from 'vitest';
import { readEntry, type ContentSet, type SourceEntry } from '../../src/lib/content-entry.ts';
import { checkContent, extractMath, wordCount } from '../../src/lib/content-rules/index.ts';
import { formatProblem, type Problem } from '../../src/schema/index.ts';

const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
function paper(id: string, fm: string, body = words(200)): string {
  // The key's family name and year agree with the first author and year, as checkKeys requires.
  const [, family, year] = /^([a-z]+)(\d{4})/.exec(id) ?? [undefined, 'a', '2020'];
  return `---\ntitle: "${id} title"\nauthors: ["Ann ${family}"]\nyear: ${year}\ntopics: [t]\ntldr: "x"\nadded: 2026-01-01\n${fm}---\n\n${body}\n`;
}
function set(files: Partial<Record<keyof ContentSet, Record<string, string>>>): { content: ContentSet; problems: Problem[] } {
  const problems: Problem[] = [];
  const ext = { papers: 'mdx', concepts: 'mdx', topics: 'md', paths: 'md', resources: 'md' } as const;
  const content = {} as ContentSet;
  for (const c of ['papers', 'concepts', 'topics', 'paths', 'resources'] as const) {
    (content as Record<string, SourceEntry[]>)[c] = Object.entries(files[c] ?? {}).map(([id, src]) =>
      readEntry(c, id, `content/${c}/${id}.${ext[c]}`, src, problems),
    );
  }
  return { content, problems };
}
const topic = { t: `---\ntitle: "T"\ndescription: "d"\n---\n\n${words(50)}\n` };

describe('content rules', () => {
  it('accepts a consistent set', () => {
    const { content, problems } = set({
      topics: topic,
      papers: {
        a2020x: paper('a2020x', ''),
        b2021y: paper('b2021y', 'relations:\n  - type: builds-on\n    target: a2020x\n    note: "n"\n', `See [[a2020x]]. ${words(200)}`),
      },
    });
    expect([...problems, ...checkContent(content)]).toEqual([]);
  });

  it('reports a dangling relation with its line and a suggestion', () => {
    const { content } = set({
      topics: topic,
      papers: {
        a2020x: paper('a2020x', ''),
        b2021y: paper('b2021y', 'relations:\n  - type: builds-on\n    target: a2020z\n    note: "n"\n'),
      },
    });
    expect(checkContent(content).map(formatProblem)).toEqual([
      'content/papers/b2021y.mdx:10: relations.0.target: "a2020z" is not a known paper. Fix: did you mean "a2020x"? use an id from content/papers/.',
    ]);
  });

  it('reports an unknown wikilink at its file line', () => {
    const { content } = set({ topics: topic, papers: { a2020x: paper('a2020x', '', `line one\n\nsee [[nothere]] ${words(200)}`) } });
    const [p] = checkContent(content);
    expect(p?.line).toBe(12);
    expect(p?.message).toMatch(/^wikilink \[\[nothere\]\] points to no note/);
  });

  it('reports duplicate titles and arXiv ids, and ids differing only in case', () => {
    const { content } = set({
      topics: topic,
      papers: {
        a2020x: paper('a2020x', 'arxiv: "2001.00001"\n'),
        c2020z: paper('c2020z', 'arxiv: "2001.00001v2"\n').replace('c2020z title', 'a2020x title'),
      },
    });
    const messages = checkContent(content).map((p) => p.message);
    expect(messages).toContain(
      'title "a2020x title" is already used by content/papers/a2020x.mdx. Fix: two papers cannot share a title; check which note is the duplicate.',
    );
    expect(messages.some((m) => m.startsWith('arxiv "2001.00001v2" is already used by content/papers/a2020x.mdx'))).toBe(true);
  });

  it('enforces body minimums and the landmark display equation', () => {
    const { content } = set({
      topics: topic,
      papers: { a2020x: paper('a2020x', 'depth: landmark\n', words(720)), b2020y: paper('b2020y', '', words(100)) },
    });
    expect(checkContent(content).map((p) => `${p.file}: ${p.message.split('.')[0]}`)).toEqual([
      'content/papers/a2020x.mdx: a landmark note has no display equation',
      'content/papers/b2020y.mdx: the body has 100 words; a note needs at least 150',
    ]);
  });

  it('reports KaTeX errors with the line of the formula', () => {
    const { content } = set({
      topics: topic,
      papers: { a2020x: paper('a2020x', '', `${words(160)}\n\nbad $\\frac{a}{$ here\n\nok $\\softmax(x)$`) },
    });
    const problems = checkContent(content);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(12);
    expect(problems[0]!.message).toMatch(/^KaTeX cannot render \$\\frac\{a\}\{\$/);
  });

  it('requires a result, or a reason for its absence, on every short note, when asked to', () => {
    const result = 'result:\n  claim: "28.4 BLEU on WMT14 En-De."\n  source: "Table 2"\n';
    const why = 'resultMissing: "The tables were not reachable when the note was checked."\n';
    const { content } = set({
      topics: topic,
      papers: {
        a2020x: paper('a2020x', ''),
        b2021y: paper('b2021y', result),
        c2021z: paper('c2021z', why),
        d2022w: paper('d2022w', result + why),
        e2022v: paper('e2022v', 'depth: landmark\n'),
      },
    });
    const shown = (ps: Problem[]) => ps.filter((p) => p.field.startsWith('result')).map(formatProblem);
    expect(shown(checkContent(content))).toEqual([]);
    expect(shown(checkContent(content, { requireResults: true }))).toEqual([
      "content/papers/a2020x.mdx:6: result: this short note has no result. Fix: add, after the tldr, result: { claim, source } with the paper's headline number in your own sentence and the table or section that prints it (for a survey, formal paper or qualitative demonstration, add kind: survey, formal or demonstration and say what it delivers).",
      'content/papers/d2022w.mdx:11: resultMissing: the note has a result and still says why it has none. Fix: delete the resultMissing line.',
    ]);
  });

  it('reports YAML errors and invalid file names with lines', () => {
    const { problems } = set({ papers: { Bad_Name: paper('x', ''), a2020x: '---\ntitle: "unclosed\nyear: 2020\n---\nbody' } });
    expect(problems.map((p) => `${p.file}:${p.line}`)).toEqual(['content/papers/Bad_Name.mdx:1', 'content/papers/a2020x.mdx:3']);
    expect(problems[1]!.message).toMatch(/not valid YAML/);
  });
});

describe('text helpers', () => {
  it('counts words without math, code or link syntax', () => {
    expect(wordCount('One [[a2020x|two three]] $x+y$ `code` four\n$$\nz\n$$\nfive.')).toBe(5);
  });
  it('extracts inline and display math with lines', () => {
    expect(extractMath('a $x$ b\n$$\ny\n$$\n`$no$`')).toEqual([
      { tex: 'x', display: false, line: 1 },
      { tex: '\ny\n', display: true, line: 2 },
    ]);
  });

  describe('demos', () => {
    const concept = (fm: string, body: string) =>
      `---\ntitle: "C"\nsummary: "s"\ntopics: [t]\npapers: [a2020x]\n${fm}added: 2026-01-01\n---\n\n${body} ${words(320)}\n`;
    const demos = [
      { name: 'alibi', component: 'src/demos/alibi/Alibi.astro' },
      { name: 'rotary-embedding', component: 'src/demos/rotary-embedding/RotaryEmbedding.astro' },
    ];
    const withConcept = (fm: string, body: string) =>
      set({ topics: topic, papers: { a2020x: paper('a2020x', '') }, concepts: { c: concept(fm, body) } }).content;

    it('passes when every demo folder is listed by a concept that embeds it', () => {
      const content = withConcept(
        'demos: [alibi, rotary-embedding]\n',
        '<Demo name="alibi" show="x" />\n\n<Demo name="rotary-embedding" />\n\n',
      );
      expect(checkContent(content, { demos }).map(formatProblem)).toEqual([]);
    });

    it('reports a demo folder that no concept lists, at its component', () => {
      const content = withConcept('demos: [alibi]\n', '<Demo name="alibi" />\n\n');
      expect(checkContent(content, { demos }).map(formatProblem)).toEqual([
        'src/demos/rotary-embedding/RotaryEmbedding.astro:1: the demo "rotary-embedding" is listed in no concept\'s demos:, so no page is known to embed it and the browser gates never check it. Fix: embed it in its concept page with <Demo name="rotary-embedding" /> and add "rotary-embedding" to that page\'s demos: list.',
      ]);
      // Without the folders (another content set than the project's), the folder rule does not run.
      expect(checkContent(content)).toEqual([]);
    });

    it('reports a listed name that is no demo folder, with a suggestion, and a listed demo the body does not embed', () => {
      const content = withConcept('demos: [alibi, rotary-embeding]\n', '<Demo name="alibi" />\n\n');
      expect(checkContent(content, { demos: [...demos, { name: 'x', component: 'src/demos/x/X.astro' }] }).map(formatProblem)).toEqual([
        'content/concepts/c.mdx:6: demos.1: "rotary-embeding" is not a demo. Fix: did you mean "rotary-embedding"? use the name of a folder under src/demos/.',
        expect.stringMatching(
          /^src\/demos\/rotary-embedding\/RotaryEmbedding\.astro:1: the demo "rotary-embedding" is listed in no concept's demos:/,
        ),
        expect.stringMatching(/^src\/demos\/x\/X\.astro:1: the demo "x" is listed in no concept's demos:/),
      ]);
      const unembedded = withConcept('demos: [alibi]\n', 'No demo here.\n\n');
      expect(checkContent(unembedded).map(formatProblem)).toEqual([
        'content/concepts/c.mdx:6: demos.0: the page lists the demo "alibi" but its body does not embed it. Fix: add <Demo name="alibi" /> where the text explains it, or remove "alibi" from demos:.',
      ]);
    });
  });
});
