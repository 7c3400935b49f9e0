/**
 * `npm run lint:content` in GitHub Actions: besides the usual lines, each problem becomes a workflow
 * command (`::error` or `::warning` with file, line and the field as title) that GitHub shows on the
 * source line of the pull request. Outside Actions no workflow command is printed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT, fixtures, remove, scratchContent } from './scratch.ts';

const lint = (cwd: string, env: Record<string, string>) =>
  spawnSync(process.execPath, [join(PROJECT, 'scripts/lint-content.ts')], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });

describe('GitHub annotations from lint:content', () => {
  let warned: string;
  let broken: string;
  beforeAll(() => {
    // The first author no longer matches the key: a warning, which annotates but does not fail.
    warned = scratchContent();
    const file = join(warned, 'content/papers/vaswani2017attention.mdx');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('authors: ["Ashish Vaswani", "Noam Shazeer"', 'authors: ["Noam Shazeer", "Ashish Vaswani"'),
    );
    broken = scratchContent(fixtures().find((f) => f.name === 'dangling-relation-target'));
  });
  afterAll(() => [warned, broken].forEach(remove));

  it('annotates a warning on its line and still exits 0', () => {
    const r = lint(warned, { GITHUB_ACTIONS: 'true' });
    expect(r.status).toBe(0);
    const commands = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(commands).toEqual([
      '::warning file=content/papers/vaswani2017attention.mdx,line=4,title=authors.0::the file name starts with "vaswani" but the first author is Noam Shazeer. Fix: name the file after the first author\'s family name, e.g. shazeer2017attention.mdx, or put the authors in paper order.',
    ]);
  });

  it('annotates every error with its file, line and field', () => {
    const r = lint(broken, { GITHUB_ACTIONS: 'true' });
    expect(r.status).toBe(1);
    const plain = r.stdout.split('\n').filter((l) => /^content\/.*: .* Fix: /.test(l));
    const commands = r.stdout.split('\n').filter((l) => l.startsWith('::error '));
    expect(commands.length).toBe(plain.length);
    expect(commands.length).toBeGreaterThan(0);
    for (const c of commands) expect(c).toMatch(/^::error file=content\/[\w/.-]+,line=\d+,title=[\w.%]+::.+ Fix: .+$/);
  });

  it('prints no workflow commands outside Actions', () => {
    const r = lint(broken, { GITHUB_ACTIONS: '' });
    expect(r.stdout).not.toMatch(/^::/m);
  });
});
