/**
 * Page weights per page type: every page of the built site (dist/) visited once, cold, in Chromium,
 * with every request attributed to HTML, CSS, JS, fonts or other (scripts/lib/page-weight.ts, the
 * same measurement `npm run budgets` gates on). Prints the heaviest page of each type, then the
 * median and maximum first-visit weight per type. Reported, never asserted.
 *
 * Run: `npm run bench -- page-weight` after `npm run build`. Writes bench-results/page-weight.json.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstVisit, kb, measurePages, sitePages, weightTable } from '../lib/page-weight.ts';
import { REPO } from './lib/synthetic.ts';

const dist = join(REPO, 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error('page-weight bench: dist/index.html does not exist. Fix: run `npm run build` first.');
  process.exit(1);
}
const started = performance.now();
const pages = await measurePages(sitePages(dist, REPO), { dist });
console.log(
  `${pages.length} pages measured in ${((performance.now() - started) / 1000).toFixed(0)} s; sizes in KB, compressed as a static host serves them (gzip 6; brotli 11 in the br column).\n`,
);
console.log(weightTable(pages));

const byType = new Map<string, number[]>();
for (const p of pages) byType.set(p.type, [...(byType.get(p.type) ?? []), firstVisit(p)]);
console.log('\n| page type | pages | median HTML+CSS+JS gz KB | max KB |\n| --- | ---: | ---: | ---: |');
for (const [type, xs] of [...byType].sort((a, b) => a[0].localeCompare(b[0]))) {
  const s = [...xs].sort((a, b) => a - b);
  console.log(`| ${type} | ${s.length} | ${kb(s[Math.floor((s.length - 1) / 2)]!)} | ${kb(s.at(-1)!)} |`);
}
mkdirSync(join(REPO, 'bench-results'), { recursive: true });
writeFileSync(join(REPO, 'bench-results', 'page-weight.json'), JSON.stringify({ date: new Date().toISOString(), pages }, null, 1));
