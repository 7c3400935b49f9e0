/**
 * `npm run bench`: runs every scripts/bench/*.bench.ts in name order, each printing its own table.
 *
 * Usage: npm run bench [-- <name-filter>]   e.g. `npm run bench -- compute` runs compute.bench.ts only.
 * Benchmarks report numbers; they never assert on timing.
 */
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
if (files.length === 0) {
  console.error(`bench: no scripts/bench/*.bench.ts matches "${filter}". Fix: run without a filter to list them.`);
  process.exit(1);
}
let failed = 0;
for (const file of files) {
  console.log(`\n## ${file}\n`);
  const run = spawnSync(process.execPath, [join(here, file)], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
