/**
 * `npm run budgets`: the page-weight budgets, checked on the built site with Chromium's
 * request log (scripts/lib/page-weight.ts). Every page of dist/ is visited once, cold.
 *
 * Budgets (a page past one fails the run):
 * 1. A paper page without demos runs no JavaScript before the reader interacts: no script is
 *    requested during load, and the only inline script is the head script, at most 1 KB (1,024 bytes).
 * 2. A first visit to a paper page transfers at most 60 KB (61,440 bytes) of HTML, CSS and JS,
 *    gzip-compressed as a static host serves them (brotli is smaller still); fonts are not counted.
 * 3. A concept page with demos loads at most 30 KB (30,720 bytes) of gzip-compressed JavaScript.
 * 4. Every page loads only the fonts its text uses (so a page without math loads no KaTeX font),
 *    only as woff2, each once, and no stylesheet embeds a font as a data: URI.
 * 5. No page requests anything from another host.
 *
 * Prints the per-type weight table and the worst page per budget; writes test-results/budgets.json.
 * Usage: node scripts/check-budgets.ts [site-dir=dist]   (BASE_PATH as at build time)
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { firstVisit, kb, measurePages, sitePages, weightTable, type PageWeight } from './lib/page-weight.ts';

export const BUDGETS = {
  inlineHeadScriptBytes: 1024,
  paperFirstVisitGzip: 60 * 1024,
  conceptDemoJsGzip: 30 * 1024,
} as const;

const dist = resolve(process.argv[2] ?? 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`budgets: ${dist}/index.html does not exist. Fix: run \`npm run build\` first.`);
  process.exit(1);
}

interface Check {
  name: string;
  limit: string;
  /** Pages the budget applies to. */
  applies: (p: PageWeight) => boolean;
  /** The measured value shown in the report, and whether it is within budget. */
  measure: (p: PageWeight) => { value: number; shown: string; ok: boolean; why?: string };
}

const isPaper = (p: PageWeight) => p.type.startsWith('paper (');
const checks: Check[] = [
  {
    name: 'paper without demos: no JS before interaction but the inline head script',
    limit: `0 scripts requested, ≤ 1 inline script of ≤ ${BUDGETS.inlineHeadScriptBytes} B`,
    applies: (p) => isPaper(p) && !p.hasDemos,
    measure: (p) => ({
      value: p.inlineJs.bytes + p.js.raw * 10,
      shown: `${p.js.files.length} scripts requested, ${p.inlineJs.count} inline script(s) of ${p.inlineJs.bytes} B`,
      ok: p.js.files.length === 0 && p.inlineJs.count <= 1 && p.inlineJs.bytes <= BUDGETS.inlineHeadScriptBytes,
      ...(p.js.files.length ? { why: `requested ${p.js.files.join(', ')}` } : {}),
    }),
  },
  {
    name: 'paper first visit: HTML+CSS+JS gzip, fonts excluded',
    limit: `≤ ${kb(BUDGETS.paperFirstVisitGzip)} KB`,
    applies: isPaper,
    measure: (p) => ({
      value: firstVisit(p),
      shown: `${kb(firstVisit(p))} KB (HTML ${kb(p.html.gzip)}, CSS ${kb(p.css.gzip)}, JS ${kb(p.js.gzip)}; brotli ${kb(firstVisit(p, 'br'))})`,
      ok: firstVisit(p) <= BUDGETS.paperFirstVisitGzip,
    }),
  },
  {
    name: 'concept with demos: demo JS gzip',
    limit: `≤ ${kb(BUDGETS.conceptDemoJsGzip)} KB`,
    applies: (p) => p.type === 'concept with demos',
    measure: (p) => ({
      value: p.js.gzip,
      shown: `${kb(p.js.gzip)} KB in ${p.js.files.length} file(s) (brotli ${kb(p.js.br)})`,
      ok: p.js.gzip <= BUDGETS.conceptDemoJsGzip,
    }),
  },
  {
    name: 'fonts: only those the text uses, woff2, once each',
    limit: '0 unused, 0 non-woff2, 0 duplicates',
    applies: () => true,
    measure: (p) => {
      const bad = [
        ...p.fonts.unused.map((f) => `unused ${f}`),
        ...p.fonts.notWoff2.map((f) => `not woff2 ${f}`),
        ...p.fonts.duplicates.map((f) => `twice ${f}`),
      ];
      return {
        value: bad.length * 1e6 + p.fonts.files.length,
        shown: `${p.fonts.files.length} font(s), ${kb(p.fonts.raw)} KB${p.katexElements === 0 ? ', no math' : ''}`,
        ok: bad.length === 0,
        ...(bad.length ? { why: bad.join('; ') } : {}),
      };
    },
  },
  {
    name: 'first-party only',
    limit: '0 requests to other hosts',
    applies: () => true,
    measure: (p) => ({
      value: p.thirdParty.length,
      shown: `${p.thirdParty.length} third-party request(s)`,
      ok: p.thirdParty.length === 0,
      ...(p.thirdParty.length ? { why: p.thirdParty.join(', ') } : {}),
    }),
  },
];

// Static check: no stylesheet in the build inlines a font.
const staticProblems: string[] = [];
for (const e of readdirSync(dist, { withFileTypes: true, recursive: true })) {
  if (!e.isFile() || !e.name.endsWith('.css')) continue;
  const css = readFileSync(join(e.parentPath, e.name), 'utf8');
  if (/url\(\s*["']?data:(font|application\/(x-)?font)/i.test(css))
    staticProblems.push(
      `${join(e.parentPath, e.name).slice(dist.length + 1)} embeds a font as a data: URI, so every page downloads it. Fix: keep fonts as files (vite.build.assetsInlineLimit in astro.config.mjs).`,
    );
}

const specs = sitePages(dist);
const started = performance.now();
let done = 0;
const pages = await measurePages(specs, {
  dist,
  onPage: () => {
    done++;
    if (process.stdout.isTTY) process.stdout.write(`\rbudgets: measured ${done}/${specs.length} pages`);
  },
});
if (process.stdout.isTTY) process.stdout.write('\n');

const failures: string[] = [...staticProblems];
const summary: { budget: string; limit: string; pages: number; worst: string; worstValue: string; failed: number }[] = [];
for (const check of checks) {
  const applicable = pages.filter(check.applies);
  if (applicable.length === 0) {
    failures.push(`${check.name}: no page of this kind was built, so the budget checks nothing. Fix: build the full site.`);
    continue;
  }
  const measured = applicable.map((p) => ({ p, m: check.measure(p) }));
  const worst = measured.reduce((a, b) => (b.m.value > a.m.value ? b : a));
  const failed = measured.filter((x) => !x.m.ok);
  failed.sort((a, b) => b.m.value - a.m.value);
  for (const f of failed.slice(0, 8))
    failures.push(`${check.name} (${check.limit}): ${f.p.path} has ${f.m.shown}${f.m.why ? ` — ${f.m.why}` : ''}`);
  if (failed.length > 8) failures.push(`${check.name}: … and ${failed.length - 8} more pages over budget (test-results/budgets.json)`);
  summary.push({
    budget: check.name,
    limit: check.limit,
    pages: applicable.length,
    worst: worst.p.path,
    worstValue: worst.m.shown,
    failed: failed.length,
  });
}

console.log(
  `\nPage weights, first visit, cold cache (${pages.length} pages, ${((performance.now() - started) / 1000).toFixed(0)} s); sizes in KB, the heaviest page of each type:\n`,
);
console.log(weightTable(pages));
console.log('\n| budget | limit | pages | worst page | worst value | over budget |\n| --- | --- | ---: | --- | --- | ---: |');
for (const s of summary) console.log(`| ${s.budget} | ${s.limit} | ${s.pages} | ${s.worst} | ${s.worstValue} | ${s.failed} |`);

mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/budgets.json', JSON.stringify({ budgets: BUDGETS, summary, failures, pages }, null, 1));

if (failures.length > 0) {
  console.error(`\nbudgets: ${failures.length} problem(s):`);
  for (const f of failures.slice(0, 60)) console.error(`- ${f}`);
  if (failures.length > 60) console.error(`… and ${failures.length - 60} more (test-results/budgets.json)`);
  process.exit(1);
}
console.log('\nbudgets: every page is within budget (details: test-results/budgets.json).');
