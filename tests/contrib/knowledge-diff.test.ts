/**
 * `npm run diff:knowledge` on a temporary git repository made from the valid fixture set: a branch adds
 * a note, edits another, drops a relation, extends a path and breaks a wikilink, while main moves on
 * with a change of its own. The diff names exactly the branch's changes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffKnowledge, renderMarkdown, type KnowledgeDiff } from '../../scripts/lib/knowledge-diff.ts';
import { PROJECT, remove, scratchContent } from './scratch.ts';

const FLASH = `---
title: "FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness"
short: "FlashAttention"
authors: ["Tri Dao", "Daniel Y. Fu", "Stefano Ermon", "Atri Rudra", "Christopher Ré"]
year: 2022
venue: "NeurIPS 2022"
arxiv: "2205.14135"
topics: [attention-mechanisms]
tldr: "An exact attention kernel that tiles the computation to cut memory traffic, making attention faster and linear in memory."
result: { claim: "Up to 3 times faster GPT-2 training than Megatron-LM at sequence length 1K.", source: "Table 2" }
relations:
  - type: improves
    target: vaswani2017attention
    note: "Computes the same attention with far fewer reads and writes of slow GPU memory."
depth: note
added: 2026-12-01
---

## The problem

Attention in the [[vaswani2017attention]] Transformer writes an n by n score matrix to slow GPU memory and reads it back, so long sequences are limited by memory traffic rather than arithmetic. ${'Tiling the queries, keys and values into blocks that fit in fast on-chip memory, with an online softmax that rescales partial sums, removes that traffic. '.repeat(6)}

## See also

The same problem is studied in [[flash-attention-two]], which does not exist yet.
`;

let repo: string;
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
const edit = (path: string, from: string | RegExp, to: string) => {
  const file = join(repo, path);
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  expect(next, `${path}: ${String(from)} not found`).not.toBe(text);
  writeFileSync(file, next);
};

beforeAll(() => {
  repo = scratchContent();
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.org');
  git('config', 'user.name', 'Test');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  git('checkout', '-q', '-b', 'contrib');
  writeFileSync(join(repo, 'content/papers/dao2022flashattention.mdx'), FLASH);
  edit(
    'content/papers/vaswani2017attention.mdx',
    /^tldr: .*$/m,
    'tldr: "Attention and feed-forward layers alone, trained in parallel, set new translation records."',
  );
  edit('content/papers/vaswani2017attention.mdx', /^relations:\n( {2}.*\n)+/m, '');
  edit(
    'content/paths/attention-first-steps.md',
    /---\s*$/,
    '  - paper: dao2022flashattention\n    why: "The same attention, computed without the memory traffic."\n---\n',
  );
  git('add', '-A');
  git('commit', '-q', '-m', 'contrib');
  // main moves on after the branch point: the diff must not show this change (it is not the branch's).
  git('checkout', '-q', 'main');
  edit('content/resources/illustrated-transformer.md', /^title: .*$/m, 'title: "The Illustrated Transformer, revised"');
  git('commit', '-q', '-am', 'main moves on');
  git('checkout', '-q', 'contrib');
});
afterAll(() => remove(repo));

describe('diffKnowledge', () => {
  let diff: KnowledgeDiff;
  beforeAll(() => {
    diff = diffKnowledge({ root: repo, base: 'main' });
  });

  it('compares with the merge base, so only the branch changes show', () => {
    expect(diff.viaMergeBase).toBe(true);
    expect(diff.baseCommit).toBe(git('rev-parse', 'main~1').trim());
    expect(diff.entries.map((e) => `${e.kind} ${e.collection}/${e.id}`)).toEqual([
      'added papers/dao2022flashattention',
      'changed papers/vaswani2017attention',
      'changed paths/attention-first-steps',
    ]);
  });

  it('names the frontmatter fields that changed', () => {
    const vaswani = diff.entries.find((e) => e.id === 'vaswani2017attention')!;
    expect(vaswani.fields).toEqual(['relations', 'tldr']);
    expect(vaswani.words).toBeUndefined();
    expect(diff.entries.find((e) => e.id === 'attention-first-steps')!.fields).toEqual(['steps']);
  });

  it('lists relations added and removed', () => {
    expect(diff.relationsAdded).toEqual([
      {
        from: 'dao2022flashattention',
        type: 'improves',
        target: 'vaswani2017attention',
        note: 'Computes the same attention with far fewer reads and writes of slow GPU memory.',
      },
    ]);
    expect(diff.relationsRemoved.map((r) => `${r.from} ${r.type} ${r.target}`)).toEqual([
      'vaswani2017attention builds-on bahdanau2014neural',
    ]);
  });

  it('lists the backlinks each entry gains and loses', () => {
    const byTarget = Object.fromEntries(diff.backlinks.map((b) => [b.target, { gained: b.gained, lost: b.lost }]));
    expect(byTarget['papers/vaswani2017attention']).toEqual({
      gained: ['papers/dao2022flashattention (improves)', 'papers/dao2022flashattention (mention)'],
      lost: [],
    });
    expect(byTarget['papers/bahdanau2014neural']).toEqual({ gained: [], lost: ['papers/vaswani2017attention (builds-on)'] });
    expect(Object.keys(byTarget)).not.toContain('resources/illustrated-transformer');
  });

  it('lists the topics and paths touched', () => {
    expect(diff.topics).toEqual([
      { id: 'attention-mechanisms', title: 'Attention mechanisms', added: ['dao2022flashattention'], removed: [] },
    ]);
    expect(diff.paths).toEqual([
      { id: 'attention-first-steps', title: 'Attention, first steps', entry: 'changed', added: ['dao2022flashattention'], removed: [] },
    ]);
  });

  it('reports the lint problems the branch introduces', () => {
    expect(diff.newProblems.map((p) => `${p.file}:${p.line}: ${p.message.split('. Fix:')[0]}`)).toEqual([
      'content/papers/dao2022flashattention.mdx:25: wikilink [[flash-attention-two]] points to no note',
    ]);
    expect(diff.fixedProblems).toEqual([]);
  });

  it('renders Markdown for the job summary', () => {
    const md = renderMarkdown(diff);
    expect(md).toContain('## Knowledge diff');
    expect(md).toContain('**1 entry added, 2 changed, 0 removed** · 1 relation added, 1 removed');
    expect(md).toContain(
      '| added | paper `dao2022flashattention` | FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness |',
    );
    expect(md).toContain('| changed | paper `vaswani2017attention` | Attention Is All You Need | fields: `relations`, `tldr` |');
    expect(md).toContain('- ➕ `dao2022flashattention` **improves** `vaswani2017attention` — Computes the same attention');
    expect(md).toContain('- ➖ `vaswani2017attention` **builds-on** `bahdanau2014neural`');
    expect(md).toContain(
      '| `papers/bahdanau2014neural` Neural Machine Translation by Jointly Learning to Align and Translate |  | papers/vaswani2017attention (builds-on) |',
    );
    expect(md).toContain('| `attention-mechanisms` Attention mechanisms |  | dao2022flashattention |  |');
    expect(md).toMatch(/- ❌ `content\/papers\/dao2022flashattention\.mdx:\d+: .*flash-attention-two/);
    expect(md).not.toContain('illustrated-transformer');
  });

  it('compares with the base itself when asked, and then sees main’s own change reversed', () => {
    const exact = diffKnowledge({ root: repo, base: 'main', exact: true });
    expect(exact.viaMergeBase).toBe(false);
    expect(exact.entries.find((e) => e.id === 'illustrated-transformer')).toMatchObject({ kind: 'changed', fields: ['title'] });
  });

  it('sees uncommitted edits and removals in the working tree', () => {
    const file = join(repo, 'content/resources/illustrated-transformer.md');
    const text = readFileSync(file, 'utf8');
    rmSync(file);
    try {
      const d = diffKnowledge({ root: repo, base: 'main' });
      expect(d.entries.find((e) => e.id === 'illustrated-transformer')?.kind).toBe('removed');
    } finally {
      writeFileSync(file, text);
    }
  });

  it('says there is nothing to report on an unchanged tree', () => {
    const md = renderMarkdown(diffKnowledge({ root: repo, base: 'HEAD' }));
    expect(md).toContain('No changes to the knowledge base.');
  });
});

describe('the diff:knowledge command', () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, [join(PROJECT, 'scripts/diff-knowledge.ts'), ...args], { cwd: repo, encoding: 'utf8' });

  it('prints the Markdown summary', () => {
    const r = cli(['--base', 'main']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('**1 entry added, 2 changed, 0 removed**');
  });

  it('explains an unknown base', () => {
    const r = cli(['--base', 'origin/no-such-branch']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('diff:knowledge: "origin/no-such-branch" is not a commit in this repository. Fix: fetch it first');
  });

  it('asks for --base', () => {
    const r = cli([]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--base is required');
  });
});
