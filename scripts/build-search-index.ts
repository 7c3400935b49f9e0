/**
 * Builds the Pagefind search index over dist/ (the second half of `npm run build`).
 *
 * KaTeX emits each formula twice: HTML for display (glyph soup such as "QK⊤dk") and MathML for
 * screen readers, whose <annotation> holds the TeX source. Both renderings are excluded and only the
 * annotation is indexed, so a formula is found by its TeX ("\sqrt{\dk}") and KaTeX markup never
 * reaches the index or the excerpts. Nothing a demo computes is indexed either: every demo's element
 * (`[data-demo]`, its figure, tables, live summary and step text) is left out, while the page's prose
 * and equations stay in. The list is SEARCH_EXCLUDE_SELECTORS in src/lib/search-ranking.ts. Each page marks what search should see with data-pagefind-body,
 * filters with data-pagefind-filter, sort keys with data-pagefind-sort, and the names readers type
 * with data-pagefind-meta (ranked by src/lib/search-ranking.ts).
 *
 * Usage: node scripts/build-search-index.ts [site-dir]   (default: dist)
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { SEARCH_EXCLUDE_SELECTORS } from '../src/lib/search-ranking.ts';

const site = resolve(process.argv[2] ?? 'dist');
if (!existsSync(site)) {
  console.error(`build-search-index: ${site} does not exist. Fix: run \`astro build\` first.`);
  process.exit(1);
}
const started = performance.now();
const { index, errors } = await pagefind.createIndex({
  excludeSelectors: SEARCH_EXCLUDE_SELECTORS,
  forceLanguage: 'en',
});
if (!index) throw new Error(`pagefind could not start: ${errors.join('; ')}`);
const added = await index.addDirectory({ path: site });
if (added.errors.length > 0) throw new Error(`pagefind failed to index ${site}: ${added.errors.join('; ')}`);
const written = await index.writeFiles({ outputPath: resolve(site, 'pagefind') });
if (written.errors.length > 0) throw new Error(`pagefind failed to write its files: ${written.errors.join('; ')}`);
await pagefind.close();
if (added.page_count === 0) {
  console.error('build-search-index: no pages carry data-pagefind-body. Fix: check the layouts.');
  process.exit(1);
}
console.log(`search index: ${added.page_count} pages in ${((performance.now() - started) / 1000).toFixed(1)} s → ${written.outputPath}`);
