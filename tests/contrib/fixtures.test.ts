/**
 * Bad input, nothing lost: every broken note under tests/fixtures/invalid/ meets its own message, from
 * `npm run lint:content` and from `astro build` alike, naming the file and the field or line and
 * saying how to fix it. The valid notes beside each broken one stay valid, and no tool changes a file.
 *
 * Each fixture is a folder with `fixture.json` (what is wrong, and the problems expected) and the
 * files it adds to the valid set in tests/fixtures/valid/content/.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintContent } from '../../scripts/lib/lint.ts';
import { formatProblem, type Problem } from '../../src/schema/index.ts';
import { PROJECT, digest, fixtures, remove, scratchContent, scratchProject, type Expectation, type Fixture } from './scratch.ts';

const ALL = fixtures();
const thisYear = new Date().getFullYear();
/** Snapshots must not change on New Year's Day. */
const stable = (s: string) => s.replaceAll(String(thisYear), 'THIS_YEAR');
const shown = (e: Expectation) => `${e.file}${e.line ? `:${e.line}` : ''}: ${e.field ? `${e.field}: ` : ''}${e.message}`;
const matches = (p: Problem, e: Expectation) =>
  p.file === e.file && p.field === e.field && p.message.startsWith(e.message) && (e.line === undefined || p.line === e.line);
/** The files a fixture breaks: the only ones allowed to have problems. */
const brokenFiles = (f: Fixture) => new Set(f.expect.map((e) => e.file));

interface Run {
  code: number | null;
  output: string;
}
function run(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

it('has at least 25 broken fixtures, each with expectations', () => {
  expect(ALL.length).toBeGreaterThanOrEqual(25);
  for (const f of ALL) {
    expect(f.description, f.name).toBeTruthy();
    expect(f.expect.length, f.name).toBeGreaterThan(0);
  }
});

describe('the valid fixture set', () => {
  it('has no problems at all', () => {
    const root = scratchContent();
    try {
      expect(lintContent(root).problems.map(formatProblem)).toEqual([]);
    } finally {
      remove(root);
    }
  });
});

describe('lint:content on each broken fixture', () => {
  for (const f of ALL) {
    it(`${f.name}: ${f.description}`, () => {
      const root = scratchContent(f);
      try {
        const before = digest(join(root, 'content'));
        const { problems } = lintContent(root);
        expect(digest(join(root, 'content')), 'the linter changed a file').toBe(before);

        for (const e of f.expect)
          expect(
            problems.some((p) => matches(p, e)),
            `expected ${shown(e)}\ngot:\n${problems.map(formatProblem).join('\n')}`,
          ).toBe(true);
        const broken = brokenFiles(f);
        for (const p of problems) {
          // The valid notes beside the broken one are reported valid.
          expect(broken.has(p.file), `unexpected problem in a valid note: ${formatProblem(p)}`).toBe(true);
          expect(p.message, formatProblem(p)).toMatch(/ Fix: /);
          expect(p.line ?? p.field, formatProblem(p)).toBeTruthy();
        }
        expect(problems.map((p) => stable(formatProblem(p)) + (p.severity === 'warning' ? ' (warning)' : ''))).toMatchSnapshot();
      } finally {
        remove(root);
      }
    });
  }
});

describe('the lint:content command', () => {
  const f = ALL.find((x) => x.name === 'unknown-topic')!;
  let root: string;
  beforeAll(() => {
    root = scratchContent(f);
  });
  afterAll(() => remove(root));

  it('prints path:line: field: problem. Fix: … and exits 1', async () => {
    const r = await run([join(PROJECT, 'scripts/lint-content.ts'), '--content', 'content'], root, { GITHUB_ACTIONS: '' });
    expect(r.code).toBe(1);
    expect(r.output).toContain(
      'content/papers/zhou2020sparse.mdx:6: topics.0: "attention-mechanism" is not a known topic. Fix: did you mean "attention-mechanisms"?',
    );
    expect(r.output).toMatch(/lint:content: 1 problem\(s\) in 1 file\(s\)/);
  });

  it('emits GitHub annotations in Actions', async () => {
    const r = await run([join(PROJECT, 'scripts/lint-content.ts'), '--content', 'content'], root, { GITHUB_ACTIONS: 'true' });
    expect(r.output).toContain(
      '::error file=content/papers/zhou2020sparse.mdx,line=6,title=topics.0::"attention-mechanism" is not a known topic.',
    );
  });

  it('gives machine-readable output with --json', async () => {
    const r = await run([join(PROJECT, 'scripts/lint-content.ts'), '--content', 'content', '--json'], root);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.output) as { ok: boolean; errors: number; problems: Problem[]; counts: Record<string, number> };
    expect(json.ok).toBe(false);
    expect(json.errors).toBe(1);
    expect(json.problems[0]).toMatchObject({ file: 'content/papers/zhou2020sparse.mdx', line: 6, field: 'topics.0', severity: 'error' });
    expect(json.counts).toEqual({ papers: 3, concepts: 1, topics: 1, paths: 1, resources: 1 });
  });

  it('exits 0 on the valid set', async () => {
    const valid = scratchContent();
    try {
      const r = await run([join(PROJECT, 'scripts/lint-content.ts'), '--content', 'content'], valid);
      expect(r.code).toBe(0);
      expect(r.output).toContain('no problems');
    } finally {
      remove(valid);
    }
  });
});

/**
 * The build half. A broken fixture stops `astro build` in the content guard (src/integrations/
 * content-guard.ts) before any page is rendered, but each run still pays Astro's start-up (2 to 8 s
 * depending on the machine's load). So by default a representative fixture of each checker is built
 * (schema, YAML, references, wikilinks, KaTeX, MDX, file names, duplicates, scaffold leftovers);
 * FIXTURE_BUILD=all builds every fixture. The valid set is built in full once, as the control, and
 * must produce the pages of its notes.
 */
const REPRESENTATIVE = [
  'missing-title',
  'broken-yaml',
  'unknown-topic',
  'wikilink-missing',
  'katex-error',
  'mdx-syntax-error',
  'bad-file-name',
  'duplicate-arxiv',
  'scaffold-guidance-left',
];
const BUILT = process.env['FIXTURE_BUILD'] === 'all' ? ALL : ALL.filter((f) => REPRESENTATIVE.includes(f.name));

describe('astro build on broken fixtures', () => {
  const results = new Map<string, Run & { changed: boolean }>();
  let control: (Run & { pages: boolean }) | undefined;
  const ASTRO = ['node_modules/astro/bin/astro.mjs', 'build'];
  const projects: string[] = [];

  beforeAll(async () => {
    type Job = (root: string) => Promise<void>;
    const jobs: Job[] = [
      async (root) => {
        const r = await run(ASTRO, root);
        control = {
          ...r,
          pages:
            existsSync(join(root, 'dist/papers/vaswani2017attention/index.html')) &&
            existsSync(join(root, 'dist/papers/bahdanau2014neural/index.html')),
        };
      },
      ...BUILT.map((f): Job => async (root) => {
        remove(join(root, 'content'));
        scratchContent(f, root);
        const before = digest(join(root, 'content'));
        const r = await run(ASTRO, root);
        results.set(f.name, { ...r, changed: digest(join(root, 'content')) !== before });
      }),
    ];
    // Four scratch projects, each building its share of the fixtures one after another.
    const workers = Array.from({ length: Math.min(4, jobs.length) }, async () => {
      const root = scratchProject();
      projects.push(root);
      for (let job = jobs.shift(); job; job = jobs.shift()) await job(root);
    });
    await Promise.all(workers);
  }, 600_000);
  afterAll(() => projects.forEach(remove));

  it('builds the valid set (the control)', () => {
    expect(control?.code, control?.output.slice(-2000)).toBe(0);
    expect(control?.pages).toBe(true);
  });

  it('covers a fixture of every checker', () => {
    expect(BUILT.map((f) => f.name)).toEqual(expect.arrayContaining(REPRESENTATIVE));
  });

  for (const f of BUILT) {
    it(`${f.name}: fails with the fixture's messages`, () => {
      const r = results.get(f.name)!;
      expect(r.code, r.output.slice(-2000)).not.toBe(0);
      expect(r.changed, 'the build changed a content file').toBe(false);
      for (const e of f.expect) expect(r.output, `expected ${shown(e)}`).toContain(shown(e));
      expect(r.output).toContain('Run `npm run lint:content` to see them without building.');
      for (const valid of [
        'bahdanau2014neural.mdx:',
        'vaswani2017attention.mdx:',
        'scaled-dot-product-attention.mdx:',
        'attention-first-steps.md:',
      ]) {
        expect(r.output, `a valid note was reported: ${valid}`).not.toContain(valid);
      }
    });
  }
});
