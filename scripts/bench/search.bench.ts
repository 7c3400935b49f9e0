/**
 * Search latency and bytes in Chromium, on the real site (dist/) and on the full site built over
 * 3,000 synthetic notes (.bench-tmp/site-3000/, left there by build-scaling.bench.ts; built here if
 * missing).
 *
 * Method, per site: /search/ (Pagefind's component UI, as a reader uses it) is opened in Chromium
 * from scripts/lib/serve-dist.ts with the browser cache disabled. Each query of the query set is
 * typed key by key (40 ms apart, a fast typist) into the search input. Latency runs from the last
 * keystroke (its keydown event) to the first animation frame in which the summary names the query and
 * the first result's title is in the DOM (or the summary says there is no result). It includes the
 * input's debounce: the site's <pagefind-input> waits SEARCH_DEBOUNCE_MS (src/lib/search-ranking.ts)
 * after the last keystroke before it searches, so the table also shows latency minus that wait, the
 * time the search and the rendering take.
 * Bytes are the compressed bytes transferred for the query until the network has been quiet for
 * 300 ms after the results rendered (Pagefind loads the fragments of the shown results).
 * - cold: a fresh page per query, counted from focusing the input (which makes Pagefind load), so
 *   the query pays for Pagefind's script, WASM, metadata and filters as a first search does;
 * - warm: one page, the queries one after the other, as a reader refining a search (each query
 *   fetches only the index chunks and fragments not loaded yet).
 *
 * Queries: tests/fixtures/search-relevance.json when it exists (an array of strings, or of objects
 * with a `query` or `q` field, or an object holding such an array under `queries`); otherwise the
 * built-in FALLBACK_QUERIES below. Reported, never asserted.
 *
 * Run: `npm run bench -- search` after `npm run build`. BENCH_SEARCH_SITES picks the sites, a comma list
 * of real, 1000 and 3000 (default real,3000). Writes bench-results/search.json.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { launchChromium } from '../lib/chromium.ts';
import { SEARCH_DEBOUNCE_MS } from '../../src/lib/search-ranking.ts';
import { serveDist } from '../lib/serve-dist.ts';
import { fmt, timed } from './lib/measure.ts';
import { REPO, prepareFullSite, realContent, syntheticNotes } from './lib/synthetic.ts';

/** Used when tests/fixtures/search-relevance.json is absent: titles, authors' keys, arXiv ids, acronyms, topics. */
export const FALLBACK_QUERIES = [
  'attention',
  'rotary',
  'RoPE',
  'ALiBi',
  'flash attention',
  'linear attention',
  'mixture of experts',
  'switch transformer',
  'layer norm',
  'BERT',
  'GPT',
  'T5',
  'Transformer-XL',
  'sparse',
  'vaswani2017attention',
  '1706.03762',
  'positional encoding',
  'Bahdanau',
  'retrieval',
  'chain of thought',
];
const DEBOUNCE_MS = SEARCH_DEBOUNCE_MS;
/** Network quiet time that ends a query's byte count, and the pause between warm queries. */
const QUIET_MS = 300;
const KEY_DELAY_MS = 40;

function loadQueries(): { queries: string[]; source: string } {
  const file = join(REPO, 'tests', 'fixtures', 'search-relevance.json');
  if (!existsSync(file)) return { queries: FALLBACK_QUERIES, source: 'built-in list (tests/fixtures/search-relevance.json absent)' };
  const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  const list = Array.isArray(data) ? data : (data as { queries?: unknown[] })?.queries;
  const queries = (Array.isArray(list) ? list : [])
    .map((x) => (typeof x === 'string' ? x : ((x as { query?: string; q?: string })?.query ?? (x as { q?: string })?.q)))
    .filter((q): q is string => typeof q === 'string' && q.trim().length > 0);
  if (queries.length === 0) throw new Error(`${file}:1: no queries found. Fix: an array of strings, or of objects with a "query" field.`);
  return { queries, source: `tests/fixtures/search-relevance.json (${queries.length} queries)` };
}

interface QueryResult {
  query: string;
  latencyMs: number;
  bytes: number;
  requests: number;
  results: string;
}

interface SearchTab {
  page: Page;
  close(): Promise<void>;
}

/**
 * What the server sent. Counted at the server rather than in the page because Pagefind fetches its
 * WASM and index chunks from a web worker, whose requests the page's DevTools session does not see.
 */
const traffic = { bytes: 0, requests: 0, last: Date.now() };
const counted = () => ({ bytes: traffic.bytes, requests: traffic.requests });
const resetCount = () => {
  traffic.bytes = 0;
  traffic.requests = 0;
};
/** Resolves once nothing has been served for the debounce interval (at most 10 s). */
async function quiet(): Promise<void> {
  for (const t0 = Date.now(); Date.now() - t0 < 10_000 && Date.now() - traffic.last < QUIET_MS;)
    await new Promise((r) => setTimeout(r, 25));
}

async function openSearch(browser: Browser, url: string): Promise<SearchTab> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  // Cache disabled: every fetch reaches the server, as on a first visit.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('pagefind-input input').waitFor({ timeout: 30_000 });
  await page.evaluate(() => {
    const w = window as unknown as { __lastKey: number };
    addEventListener('keydown', () => (w.__lastKey = performance.now()), true);
  });
  return { page, close: () => context.close() };
}

/**
 * Types one query. On a fresh page (`fresh`) the count starts before the input is focused, since
 * focusing it is what makes Pagefind load; on a used page the previous query is cleared first and
 * the count starts once that has settled.
 */
async function runQuery(s: SearchTab, query: string, fresh: boolean): Promise<QueryResult> {
  const { page } = s;
  const input = page.locator('pagefind-input input');
  if (fresh) {
    await quiet();
    resetCount();
    await input.focus();
  } else {
    await input.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Backspace');
    // Let the cleared state settle so it cannot be mistaken for this query's results.
    await page.waitForTimeout(QUIET_MS + 200);
    await quiet();
    resetCount();
  }
  const done = page.evaluate(
    (q) =>
      new Promise<{ t: number; summary: string }>((resolve) => {
        const norm = (x: string) => x.toLowerCase().replace(/\s+/g, ' ').trim();
        const check = () => {
          const summary = document.querySelector('.pf-summary')?.textContent ?? '';
          const list = document.querySelector('ul.pf-results');
          const typed = (document.querySelector('pagefind-input input') as HTMLInputElement | null)?.value ?? '';
          const forQuery = typed === q && norm(summary).includes(norm(q));
          const rendered =
            list?.getAttribute('aria-busy') !== 'true' &&
            (document.querySelector('.pf-result .pf-result-title a') !== null || /^no results/i.test(summary.trim()));
          if (forQuery && rendered) resolve({ t: performance.now(), summary: summary.trim() });
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    query,
  );
  await page.keyboard.type(query, { delay: KEY_DELAY_MS });
  const { t, summary } = await done;
  const lastKey = await page.evaluate(() => (window as unknown as { __lastKey: number }).__lastKey);
  await quiet();
  const { bytes, requests } = counted();
  return { query, latencyMs: t - lastKey, bytes, requests, results: summary };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function benchSite(label: string, dist: string, queries: string[]) {
  const site = await serveDist({
    root: dist,
    onResponse: (r) => {
      traffic.bytes += r.bytes;
      traffic.requests++;
      traffic.last = Date.now();
    },
  });
  const browser = await launchChromium();
  const out: { label: string; mode: string; results: QueryResult[] }[] = [];
  try {
    const cold: QueryResult[] = [];
    for (const q of queries) {
      const s = await openSearch(browser, `${site.url}search/`);
      cold.push(await runQuery(s, q, true));
      await s.close();
    }
    out.push({ label, mode: 'cold (first search of a visit)', results: cold });
    const s = await openSearch(browser, `${site.url}search/`);
    await runQuery(s, queries[0]!, true); // loads Pagefind; not counted
    const warm: QueryResult[] = [];
    for (const q of queries) warm.push(await runQuery(s, q, false));
    await s.close();
    out.push({ label, mode: 'warm (later searches)', results: warm });
  } finally {
    await browser.close();
    await site.close();
  }
  return out;
}

function ensureSynthetic(n: number): string {
  const dir = join(REPO, '.bench-tmp', `site-${n}`);
  const papers = join(dir, 'content', 'papers');
  const built =
    existsSync(join(dir, 'dist', 'pagefind', 'pagefind-entry.json')) &&
    existsSync(papers) &&
    readdirSync(papers).filter((f) => f.includes('synth')).length === n;
  if (built) return join(dir, 'dist');
  console.log(`building the full site over ${n} synthetic notes into ${dir} (a few minutes)…`);
  prepareFullSite(dir, syntheticNotes(n, realContent()));
  const t = timed(
    `'${process.execPath}' '${join(REPO, 'node_modules', 'astro', 'bin', 'astro.mjs')}' build --config astro.bench.config.mjs && '${process.execPath}' scripts/build-search-index.ts`,
    dir,
    join(REPO, '.bench-tmp', `site-${n}.log`),
  );
  if (!t.ok) {
    console.error(`search bench: the ${n}-note build failed; see .bench-tmp/site-${n}.log`);
    process.exit(1);
  }
  console.log(`  built in ${fmt(t.wallS)} s`);
  return join(dir, 'dist');
}

const { queries, source } = loadQueries();
if (!existsSync(join(REPO, 'dist', 'pagefind', 'pagefind-entry.json'))) {
  console.error('search bench: dist/pagefind does not exist. Fix: run `npm run build` first.');
  process.exit(1);
}
const sites = (process.env['BENCH_SEARCH_SITES'] ?? 'real,3000').split(',');
const runs = [];
if (sites.includes('real')) runs.push(...(await benchSite('real site', join(REPO, 'dist'), queries)));
for (const n of [1000, 3000]) {
  if (sites.includes(String(n)))
    runs.push(...(await benchSite(`${n.toLocaleString('en')} synthetic notes + real site`, ensureSynthetic(n), queries)));
}

console.log(`queries: ${source}; typed ${KEY_DELAY_MS} ms per key; latency from the last keydown to results rendered.\n`);
console.log(
  `| site | searches | queries | p50 ms | p95 ms | p50 − ${DEBOUNCE_MS} ms debounce | p95 − debounce | KB per query, median | KB per query, max | requests per query, median |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
);
for (const r of runs) {
  const lat = r.results.map((x) => x.latencyMs);
  const kb = r.results.map((x) => x.bytes / 1024);
  console.log(
    `| ${r.label} | ${r.mode} | ${r.results.length} | ${fmt(pct(lat, 50), 0)} | ${fmt(pct(lat, 95), 0)} | ${fmt(pct(lat, 50) - DEBOUNCE_MS, 0)} | ${fmt(pct(lat, 95) - DEBOUNCE_MS, 0)} | ${fmt(pct(kb, 50))} | ${fmt(Math.max(...kb))} | ${pct(
      r.results.map((x) => x.requests),
      50,
    )} |`,
  );
}
for (const r of runs) {
  const worst = r.results.reduce((a, b) => (b.latencyMs > a.latencyMs ? b : a));
  const heaviest = r.results.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  console.log(
    `\n${r.label}, ${r.mode}: slowest "${worst.query}" ${fmt(worst.latencyMs, 0)} ms; heaviest "${heaviest.query}" ${fmt(heaviest.bytes / 1024)} KB`,
  );
}
mkdirSync(join(REPO, 'bench-results'), { recursive: true });
writeFileSync(
  join(REPO, 'bench-results', 'search.json'),
  JSON.stringify({ date: new Date().toISOString(), source, debounceMs: DEBOUNCE_MS, runs }, null, 1),
);
