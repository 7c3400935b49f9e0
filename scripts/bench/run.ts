/**
 * `npm run bench`: runs every scripts/bench/*.bench.ts in name order, each printing its own table.
 *
 * Usage: npm run bench [-- <name-filter>]   e.g. `npm run bench -- compute` runs compute.bench.ts only.
 * The benchmarks that measure the built site (demos, page-weight, search) need dist/: when it has no
 * search index, `npm run build` runs first. Benchmarks report numbers; they never assert on timing.
 */
import { existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const all = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const files = all.filter((f) => f.includes(filter));
if (files.length === 0) {
  console.error(
    `bench: no scripts/bench/*.bench.ts matches "${filter}". Fix: use one of ${all.map((f) => f.replace('.bench.ts', '')).join(', ')}.`,
  );
  process.exit(1);
}
const NEEDS_BUILD = ['demos.bench.ts', 'page-weight.bench.ts', 'search.bench.ts'];
const repo = join(here, '..', '..');
if (files.some((f) => NEEDS_BUILD.includes(f)) && !existsSync(join(repo, 'dist', 'pagefind', 'pagefind-entry.json'))) {
  console.log('bench: dist/ has no search index; running `npm run build` first');
  const build = spawnSync('npm', ['run', 'build'], { cwd: repo, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}
let failed = 0;
for (const file of files) {
  console.log(`\n## ${file}\n`);
  const run = spawnSync(process.execPath, [join(here, file)], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
