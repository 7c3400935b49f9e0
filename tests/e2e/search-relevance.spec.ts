/**
 * Search relevance: every query in tests/fixtures/search-relevance.json runs against the built
 * Pagefind index through Pagefind's JS API, with the ranking the site's search clients use
 * (src/lib/search-ranking.ts). A note that falls out of its top 3 (or out of first place, for exact
 * arXiv ids, BibTeX keys and acronyms) fails the test, which prints the whole score.
 *
 * The filters and the year sort of /search/ are checked here too, through the same API and the UI.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SEARCH_RANKING } from '../../src/lib/search-ranking.ts';
import { countNotes } from './support.ts';

interface RelevanceQuery {
  query: string;
  /** collection/id of the note that must rank high, e.g. papers/vaswani2017attention. */
  expect: string;
  why: string;
  first?: boolean;
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/search-relevance.json', import.meta.url), 'utf8')) as {
  topN: number;
  queries: RelevanceQuery[];
};

interface PagefindResult {
  score: number;
  data(): Promise<{ url: string; meta: Record<string, string> }>;
}
interface PagefindApi {
  options(o: object): Promise<void>;
  init(): Promise<void>;
  search(q: string | null, o?: object): Promise<{ results: PagefindResult[]; filters: Record<string, Record<string, number>> }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}
declare global {
  interface Window {
    pf?: PagefindApi;
  }
}

test.describe('search relevance', () => {
  test(`all ${fixture.queries.length} relevance queries rank their note`, async ({ page }) => {
    expect(fixture.queries.length).toBeGreaterThanOrEqual(40);
    await page.goto('/search/');
    const ranked = await page.evaluate(
      async ({ queries, ranking, depth }) => {
        const pf = (await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`)) as PagefindApi;
        await pf.options({ ranking });
        await pf.init();
        const out: { query: string; urls: string[] }[] = [];
        for (const q of queries) {
          const { results } = await pf.search(q.query);
          out.push({ query: q.query, urls: await Promise.all(results.slice(0, depth).map(async (r) => (await r.data()).url)) });
        }
        return out;
      },
      { queries: fixture.queries, ranking: SEARCH_RANKING, depth: 5 },
    );
    const report: string[] = [];
    let passed = 0;
    fixture.queries.forEach((q, i) => {
      const urls = ranked[i]!.urls;
      const rank = urls.indexOf(`/${q.expect}/`) + 1;
      const ok = rank > 0 && rank <= (q.first ? 1 : fixture.topN);
      if (ok) passed++;
      else
        report.push(
          `MISS "${q.query}" (${q.why}): wanted ${q.expect} ${q.first ? 'first' : `in the top ${fixture.topN}`}, got ${rank > 0 ? `rank ${rank}` : 'not in the top 5'}: ${urls.join(' ')}`,
        );
    });
    const score = `search relevance: ${passed}/${fixture.queries.length} queries rank their note`;
    console.log(score);
    expect(report, `${score}\n${report.join('\n')}`).toEqual([]);
  });

  test('filters for topic, year, family, kind and demo narrow the results, and year sorts them', async ({ page }) => {
    await page.goto('/search/');
    const facts = await page.evaluate(async (ranking) => {
      const pf = (await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`)) as PagefindApi;
      await pf.options({ ranking });
      await pf.init();
      const filters = await pf.filters();
      const urls = async (q: string | null, o: object) =>
        Promise.all((await pf.search(q, o)).results.map(async (r) => (await r.data()).url));
      const metas = async (q: string | null, o: object) =>
        Promise.all((await pf.search(q, o)).results.map(async (r) => (await r.data()).meta));
      return {
        filterNames: Object.keys(filters).sort(),
        kinds: filters['kind'],
        moeTopic: await urls('routing', { filters: { topic: 'Mixture of experts' } }),
        demos: await urls(null, { filters: { demo: 'has demo' } }),
        encoderOnly: await urls(null, { filters: { family: 'encoder-only' } }),
        concepts: await urls('attention', { filters: { kind: 'concept' } }),
        range: await metas(null, { filters: { kind: 'paper', year: { any: ['2014', '2015', '2016', '2017'] } }, sort: { year: 'asc' } }),
        period: await metas(null, { filters: { kind: 'paper', period: '2015–2019' }, sort: { year: 'desc' } }),
        periods: Object.keys(filters['period'] ?? {}).sort(),
        newest: await metas(null, { filters: { kind: 'paper' }, sort: { year: 'desc' } }),
      };
    }, SEARCH_RANKING);
    expect(facts.filterNames).toEqual(expect.arrayContaining(['demo', 'family', 'kind', 'period', 'topic', 'year']));
    // A five-year period is a ready-made year range.
    expect(facts.periods).toEqual(['1990–1994', '1995–1999', '2010–2014', '2015–2019', '2020–2024', '2025–2029']);
    const periodYears = facts.period.map((m) => Number(m['year']));
    expect(periodYears[0]).toBe(2019);
    expect(periodYears.at(-1)).toBe(2015);
    expect(periodYears.every((y) => y >= 2015 && y <= 2019)).toBe(true);
    expect(facts.kinds).toMatchObject({ paper: countNotes('papers'), concept: countNotes('concepts') });
    expect(facts.moeTopic).toContain('/papers/fedus2021switch/');
    expect(facts.moeTopic).not.toContain('/papers/vaswani2017attention/');
    expect(facts.demos.length).toBeGreaterThan(0);
    expect(facts.demos.every((u) => u.startsWith('/concepts/'))).toBe(true);
    expect(facts.encoderOnly).toContain('/papers/devlin2018bert/');
    expect(facts.encoderOnly).not.toContain('/papers/radford2019language/');
    expect(facts.concepts.length).toBeGreaterThan(3);
    expect(facts.concepts.every((u) => u.startsWith('/concepts/'))).toBe(true);
    // A year range is a set of year filter values; sorted oldest first it starts with Bahdanau (2014).
    const years = facts.range.map((m) => Number(m['year']));
    expect(years.length).toBeGreaterThan(3);
    expect(years.every((y) => y >= 2014 && y <= 2017)).toBe(true);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(years[0]).toBe(2014);
    const newest = facts.newest.map((m) => Number(m['year']));
    expect(newest).toEqual([...newest].sort((a, b) => b - a));
    expect(newest.at(-1)).toBe(1991);
  });

  test('the search page applies the site ranking and sorts by year', async ({ page }) => {
    await page.goto('/search/?q=MoE');
    await expect(page.locator('pagefind-results a').first()).toHaveText('Mixture of experts');
    await page.goto('/search/?q=BERT');
    await expect(page.locator('pagefind-results a').first()).toHaveText(
      'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
    );
    await page.getByLabel('Sort results').selectOption('asc');
    // Oldest first: the 2012 WordPiece paper, whose note explains BERT's vocabulary, moves ahead of BERT (2018).
    await expect(page.locator('pagefind-results a').first()).toHaveText('Japanese and Korean voice search');
    await page.getByLabel('Sort results').selectOption('desc');
    await expect(page.locator('pagefind-results a').first()).not.toHaveText(/^(BERT|Semi-supervised)/);
  });
});
