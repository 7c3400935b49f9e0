/**
 * Scratch copies for the contributor-tooling tests: a content directory made of the valid fixture set
 * plus one broken fixture, and a scratch project that can run `astro build` on it without touching
 * the real content/ or dist/.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export const PROJECT = join(import.meta.dirname, '..', '..');
export const VALID = join(PROJECT, 'tests', 'fixtures', 'valid', 'content');
export const INVALID = join(PROJECT, 'tests', 'fixtures', 'invalid');

export interface Expectation {
  file: string;
  line?: number;
  field: string;
  message: string;
}
export interface Fixture {
  name: string;
  dir: string;
  description: string;
  expect: Expectation[];
}

/** Every broken fixture: a folder holding `fixture.json` and the files it adds under `content/`. */
export function fixtures(): Fixture[] {
  return readdirSync(INVALID)
    .filter((name) => statSync(join(INVALID, name)).isDirectory())
    .sort()
    .map((name) => {
      const meta = JSON.parse(readFileSync(join(INVALID, name, 'fixture.json'), 'utf8')) as Omit<Fixture, 'name' | 'dir'>;
      return { name, dir: join(INVALID, name), ...meta };
    });
}

/** A temporary folder holding `content/`: the valid set with the fixture's files laid over it. */
export function scratchContent(fixture?: Fixture, into?: string): string {
  const root = into ?? mkdtempSync(join(tmpdir(), 'atlas-fixture-'));
  cpSync(VALID, join(root, 'content'), { recursive: true });
  if (fixture) cpSync(join(fixture.dir, 'content'), join(root, 'content'), { recursive: true });
  return root;
}

/**
 * A scratch project for `astro build`: copies of the config, src/ and public/, node_modules linked
 * package by package (so Astro's cache under node_modules/.astro stays private to the scratch copy),
 * and content/ from `scratchContent`.
 */
export function scratchProject(fixture?: Fixture): string {
  const root = mkdtempSync(join(tmpdir(), 'atlas-build-'));
  for (const name of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public']) {
    if (existsSync(join(PROJECT, name))) cpSync(join(PROJECT, name), join(root, name), { recursive: true });
  }
  mkdirSync(join(root, 'node_modules'));
  for (const name of readdirSync(join(PROJECT, 'node_modules'))) {
    if (name.startsWith('.')) continue;
    symlinkSync(join(PROJECT, 'node_modules', name), join(root, 'node_modules', name));
  }
  scratchContent(fixture, root);
  return root;
}

/** A digest of every file under `dir` (paths and bytes), to prove a tool changed nothing. */
export function digest(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else
        hash
          .update(`${relative(dir, path)}\0`)
          .update(readFileSync(path))
          .update('\0');
    }
  };
  walk(dir);
  return hash.digest('hex');
}

export function remove(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
