/**
 * `npm run new`: the scaffold writes a note with every required field and the sections of a good
 * note; the linter rejects the scaffold's prompts until they are replaced; a newcomer who fills them
 * in gets a valid note; nothing is ever overwritten; BibTeX is read offline.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lintContent } from '../../scripts/lib/lint.ts';
import { arxivYear, metaFromBibtex, paperKey, parseArxivId, parseAuthors, parseBibtex, venueName } from '../../scripts/lib/scaffold.ts';
import { NOTE_SECTIONS, RESULT_GUIDANCE, TLDR_GUIDANCE } from '../../src/lib/note-template.ts';
import { formatProblem } from '../../src/schema/index.ts';
import { PROJECT, digest, remove, scratchContent } from './scratch.ts';

const scratch: string[] = [];
afterEach(() => scratch.splice(0).forEach(remove));
function project(): string {
  const root = scratchContent();
  scratch.push(root);
  return root;
}
function runNew(root: string, args: string[]) {
  const r = spawnSync(process.execPath, [join(PROJECT, 'scripts/new-note.ts'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const FLASH = [
  '2205.14135',
  '--title',
  'FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness',
  '--authors',
  'Tri Dao; Daniel Y. Fu; Stefano Ermon; Atri Rudra; Christopher Ré',
];
const FILE = 'content/papers/dao2022flashattention.mdx';

describe('npm run new', () => {
  it('scaffolds every required field and the body sections, and prints the next steps', () => {
    const root = project();
    const r = runNew(root, [...FLASH, '--venue', 'NeurIPS 2022']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Created ${FILE}`);
    expect(r.stdout).toContain('npm run lint:content');
    expect(r.stdout).toContain('http://localhost:4321/papers/dao2022flashattention/');
    const text = readFileSync(join(root, FILE), 'utf8');
    for (const field of ['title', 'authors', 'year', 'venue', 'arxiv', 'topics', 'tldr', 'result', 'relations', 'depth', 'added'])
      expect(text).toMatch(new RegExp(`^${field}:( |\n)`, 'm'));
    expect(text).toContain('year: 2022');
    expect(text).toContain('arxiv: "2205.14135"');
    for (const s of NOTE_SECTIONS) expect(text).toContain(`## ${s.heading}\n\n${s.guidance}`);
    expect(text).not.toMatch(/\b(TODO|TBD|FIXME|lorem)\b/i);
  });

  it('leaves a note the linter rejects until every prompt is replaced', () => {
    const root = project();
    runNew(root, FLASH);
    const problems = lintContent(root).problems.map((p) => formatProblem(p).replace(/^content\/papers\/dao2022flashattention\.mdx:/, ''));
    expect(problems).toEqual([
      '7: topics: topics is empty. Fix: list at least 1.',
      "8: tldr: tldr is still the scaffold's guidance. Fix: write one original sentence, at most 200 characters, on what the paper showed.",
      "10: result.claim: result.claim is still the scaffold's guidance. Fix: state the paper's headline result in your own sentence with its numbers, and set source to the table or section that prints them.",
      expect.stringMatching(/^22: body: the body has \d+ words; a note needs at least 150\./),
      ...NOTE_SECTIONS.map(
        (s, i) =>
          `${25 + 4 * i}: body: the scaffold's guidance under "## ${s.heading}" is still here. Fix: replace that line with your own sentences (see "Style guide for notes" in CONTRIBUTING.md).`,
      ),
    ]);
  });

  it('gives a newcomer a valid note once the prompts are filled in', () => {
    const root = project();
    runNew(root, [...FLASH, '--topics', 'attention-mechanisms']);
    const path = join(root, FILE);
    let text = readFileSync(path, 'utf8');
    text = text.replace(
      TLDR_GUIDANCE,
      'An exact attention kernel that tiles the computation to cut memory traffic, making attention faster and linear in memory.',
    );
    text = text.replace(RESULT_GUIDANCE, 'Up to 3 times faster GPT-2 training than the Megatron-LM baseline at sequence length 1K.');
    text = text.replace(
      'relations: []',
      'relations:\n  - type: improves\n    target: vaswani2017attention\n    note: "Computes the same attention with far fewer memory reads and writes."',
    );
    const sentence =
      'The note explains the tiling of queries, keys and values into blocks that fit in fast on-chip memory, the online softmax that rescales partial results, and the recomputation in the backward pass.';
    for (const s of NOTE_SECTIONS) text = text.replace(s.guidance, `${sentence} It links [[vaswani2017attention]] where it matters.`);
    writeFileSync(path, text);
    expect(lintContent(root).problems.map(formatProblem)).toEqual([]);
  });

  it('refuses to overwrite an existing note, and to add a second note for one arXiv id', () => {
    const root = project();
    const before = digest(join(root, 'content'));
    const again = runNew(root, ['1706.03762', '--title', 'Attention Is All You Need', '--authors', 'Ashish Vaswani; Noam Shazeer']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(
      'content/papers/vaswani2017attention.mdx already exists; nothing was written. Fix: edit that note to correct it, or, if it is a different paper, pass --id with the next title word, e.g. --id vaswani2017attentionneed.',
    );
    const dup = runNew(root, [
      '1706.03762',
      '--title',
      'Attention Is All You Need',
      '--authors',
      'Ashish Vaswani',
      '--id',
      'vaswani2017need',
    ]);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain('arXiv 1706.03762 already has a note: content/papers/vaswani2017attention.mdx');
    expect(digest(join(root, 'content'))).toBe(before);
  });

  it('says what it needs when run offline with only an arXiv id', () => {
    const r = runNew(project(), ['2205.14135']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'the scaffold works offline, so it needs --title "Exact Title" and --authors "First Author; Second Author". Fix:',
    );
  });

  it('rejects an unknown topic with a suggestion', () => {
    const r = runNew(project(), [...FLASH, '--topics', 'attention-mechanism']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"attention-mechanism" is not a topic. Fix: did you mean attention-mechanisms?');
  });

  it('fills the fields from a BibTeX file', () => {
    const root = project();
    writeFileSync(
      join(root, 'shaw.bib'),
      `@inproceedings{shaw2018self,
  title={Self-attention with relative position representations},
  author={Shaw, Peter and Uszkoreit, Jakob and Vaswani, Ashish},
  booktitle={Proceedings of the 2018 Conference of the North American Chapter of the Association for Computational Linguistics},
  year={2018},
  eprint={1803.02155},
  archivePrefix={arXiv}
}`,
    );
    const r = runNew(root, ['--bibtex', 'shaw.bib', '--topics', 'attention-mechanisms']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Note: the BibTeX title is all lower case');
    const text = readFileSync(join(root, 'content/papers/shaw2018self.mdx'), 'utf8');
    expect(text).toContain('authors: ["Peter Shaw", "Jakob Uszkoreit", "Ashish Vaswani"]');
    expect(text).toContain('venue: "NAACL 2018"');
    expect(text).toContain('arxiv: "1803.02155"');
    expect(text).toContain('topics: [attention-mechanisms]');
  });
});

describe('scaffold helpers', () => {
  it('reads arXiv ids in their common spellings', () => {
    for (const s of [
      '1706.03762',
      'arXiv:1706.03762',
      'arxiv:1706.03762v7',
      'https://arxiv.org/abs/1706.03762',
      'https://arxiv.org/pdf/1706.03762v2.pdf',
    ])
      expect(parseArxivId(s), s).toMatch(/^1706\.03762(v\d+)?$/);
    for (const s of ['cs/0101001', '1706.376', 'attention']) expect(parseArxivId(s), s).toBeUndefined();
    expect(arxivYear('2205.14135')).toBe(2022);
  });

  it('splits author lists in BibTeX and plain styles', () => {
    expect(parseAuthors('Vaswani, Ashish and Shazeer, Noam')).toEqual(['Ashish Vaswani', 'Noam Shazeer']);
    expect(parseAuthors('Ashish Vaswani; Noam Shazeer')).toEqual(['Ashish Vaswani', 'Noam Shazeer']);
    expect(parseAuthors('Ashish Vaswani, Noam Shazeer')).toEqual(['Ashish Vaswani', 'Noam Shazeer']);
  });

  it('names venues the way notes do', () => {
    expect(venueName('Advances in Neural Information Processing Systems', 2017)).toBe('NeurIPS 2017');
    expect(venueName('International Conference on Learning Representations', 2021)).toBe('ICLR 2021');
    expect(venueName('arXiv preprint arXiv:1706.03762', 2017)).toBeUndefined();
    expect(venueName('Some Workshop', 2020)).toBe('Some Workshop 2020');
  });

  it('derives the key by the id convention', () => {
    expect(paperKey({ title: 'Attention Is All You Need', authors: ['Ashish Vaswani'], year: 2017 })).toBe('vaswani2017attention');
    expect(paperKey({ title: 'WaveNet: A Generative Model for Raw Audio', authors: ['Aäron van den Oord'], year: 2016 })).toBe(
      'vandenoord2016wavenet',
    );
  });

  it('parses BibTeX without touching the network', () => {
    const fetch = vi.fn(() => {
      throw new Error('network used');
    });
    vi.stubGlobal('fetch', fetch);
    try {
      const [entry] = parseBibtex(
        '@misc{dao2022flash, title={{FlashAttention}: Fast and Memory-Efficient Exact Attention with {IO}-Awareness}, author={Tri Dao and Daniel Y. Fu}, year={2022}, eprint={2205.14135}, archivePrefix={arXiv}}',
      );
      expect(metaFromBibtex(entry!).meta).toEqual({
        title: 'FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness',
        authors: ['Tri Dao', 'Daniel Y. Fu'],
        year: 2022,
        arxiv: '2205.14135',
      });
      expect(fetch).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('explains a broken BibTeX entry', () => {
    expect(() => parseBibtex('@article{bad, title={x')).toThrow(/the BibTeX could not be parsed .* Fix: copy the entry again/);
  });
});
