/**
 * What a search result shows, in the browser: the title line is the paper's title with its first
 * author and year, the snippet is the TL;DR or the matching words of the note (never the header's
 * metadata, topic chips or a section heading), and nothing a demo computes is in the index.
 */
import { expect, test, type Page } from '@playwright/test';
import { SEARCH_RANKING } from '../../src/lib/search-ranking.ts';

interface PagefindApi {
  options(o: object): Promise<void>;
  init(): Promise<void>;
  search(
    q: string,
  ): Promise<{ results: { data(): Promise<{ url: string; excerpt: string; content: string; meta: Record<string, string> }> }[] }>;
}

/** Text the header of a paper note shows that search must not repeat in snippets. */
const METADATA = /Landmark paper ·|Paper note ·|arXiv preprint|Add to citation cart|Open the cart|TL;DR\.|Builds on|Built upon by|Cite\b/;
/** The five section headings of a paper note. */
const HEADINGS = /\b(The problem|The key idea|Why it matters|Limitations)\b/;

async function results(page: Page, q: string) {
  await page.goto(`/search/?q=${encodeURIComponent(q)}`);
  const first = page.locator('pagefind-results .pf-result').first();
  await expect(first).toBeVisible();
  return page.locator('pagefind-results .pf-result');
}

test.describe('search results', () => {
  test('nothing a demo computes is indexed, while the prose and the TeX are', async ({ page }) => {
    await page.goto('/search/');
    const found = await page.evaluate(async (ranking) => {
      const pf = (await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`)) as PagefindApi;
      await pf.options({ ranking });
      await pf.init();
      const all = async (q: string) => Promise.all((await pf.search(q)).results.map((r) => r.data()));
      const flash = await all('flash');
      return {
        flash: flash.map((d) => ({ url: d.url, excerpt: d.excerpt, demoText: /Step \d+ of \d+/.test(d.content) })),
        tex: (await all('\\frac{Q K^\\top }{\\sqrt{\\dk } }')).slice(0, 3).map((d) => d.url),
      };
    }, SEARCH_RANKING);
    const urls = found.flash.map((r) => r.url);
    expect(urls).toContain('/concepts/flash-attention/');
    expect(urls).toContain('/papers/dao2022flashattention/');
    for (const r of found.flash) {
      expect(r.excerpt, r.url).not.toMatch(/Step \d+ of \d+/);
      expect(r.demoText, `${r.url} has demo text in its indexed content`).toBe(false);
    }
    // The equations' TeX stays in.
    expect(found.tex).toContain('/concepts/scaled-dot-product-attention/');
  });

  test('searching "flash" in the page shows no demo text in any snippet', async ({ page }) => {
    const items = await results(page, 'flash');
    const n = await items.count();
    expect(n).toBeGreaterThan(2);
    for (let i = 0; i < n; i++) await expect(items.nth(i).locator('.pf-result-excerpt')).not.toHaveText(/Step \d+ of \d+/);
  });

  test("a paper's title line has its first author and year, and its snippet is the TL;DR or the note's words", async ({ page }) => {
    const tldr = (await (await page.request.get('/previews.json')).json())['papers/vaswani2017attention'].s as string;
    let items = await results(page, 'Vaswani');
    const first = items.first();
    await expect(first.locator('.pf-result-link')).toHaveText('Attention Is All You Need');
    await expect(first.locator('.pf-result-title')).toHaveText(/^\s*Attention Is All You Need Ashish Vaswani et al\., 2017\s*$/);
    await expect(first.locator('.pf-result-byline')).toHaveText('Ashish Vaswani et al., 2017');
    // The name matched only the authors: the snippet is the TL;DR, not the author list or the header.
    const snippet = ((await first.locator('.pf-result-excerpt').textContent()) ?? '').trim();
    expect(snippet.length).toBeGreaterThan(40);
    expect(tldr.startsWith(snippet.replace(/…$/, '').trim().slice(0, 40))).toBe(true);
    expect(snippet).not.toMatch(METADATA);

    // A word of the note's text: the snippet is the matching words, marked, with no heading fragment.
    items = await results(page, 'tiling');
    const n = await items.count();
    for (let i = 0; i < n; i++) {
      const excerpt = items.nth(i).locator('.pf-result-excerpt');
      await expect(excerpt).not.toHaveText(METADATA);
      await expect(excerpt).not.toHaveText(HEADINGS);
    }
    await expect(items.first().locator('.pf-result-excerpt mark').first()).toHaveText(/^til/i);

    // An arXiv id is a name too: BERT's line names Devlin and 2018, its snippet is its TL;DR.
    items = await results(page, '1810.04805');
    await expect(items.first().locator('.pf-result-byline')).toHaveText('Jacob Devlin et al., 2018');
    await expect(items.first().locator('.pf-result-excerpt')).not.toHaveText(METADATA);
  });
});

test.describe('search while typing', () => {
  /** Count the searches the page's Pagefind instance starts, by wrapping its search method. */
  async function countSearches(page: Page) {
    await page.goto('/search/');
    const input = page.locator('pagefind-input input');
    await expect(input).toBeVisible();
    await page.waitForFunction(() => 'PagefindComponents' in window);
    await page.evaluate(() => {
      const w = window as unknown as {
        PagefindComponents: { getInstanceManager(): { getInstance(n: string): { __search__(...a: unknown[]): Promise<void> } } };
        searched: string[];
      };
      const instance = w.PagefindComponents.getInstanceManager().getInstance('default');
      const original = instance.__search__.bind(instance);
      w.searched = [];
      instance.__search__ = (term: unknown, ...rest: unknown[]) => {
        w.searched.push(String(term));
        return original(term, ...rest);
      };
    });
    return input;
  }

  test('while a search runs only the newest query waits, and one-letter prefixes wait for a pause', async ({ page }) => {
    await countSearches(page);
    // Every prefix of "performer" asks for a search within one task, as a very fast typist would.
    await page.evaluate(() => {
      const w = window as unknown as {
        PagefindComponents: { getInstanceManager(): { getInstance(n: string): { triggerSearch(t: string): void } } };
      };
      const instance = w.PagefindComponents.getInstanceManager().getInstance('default');
      const word = 'performer';
      for (let i = 1; i <= word.length; i++) instance.triggerSearch(word.slice(0, i));
    });
    await expect(page.locator('pagefind-results .pf-result-link').first()).toContainText('Performer', { timeout: 15_000 });
    const searched = await page.evaluate(() => (window as unknown as { searched: string[] }).searched);
    // Pagefind's own triggerSearch would start nine searches. The scheduler starts the first query of
    // two letters at once, drops the one-letter one, and runs only the newest of the rest.
    expect(searched).toEqual(['pe', 'performer']);
    await expect(page.locator('pagefind-summary')).toContainText('performer');
  });

  test('typing a query shows its results', async ({ page }) => {
    const input = await countSearches(page);
    await input.pressSequentially('performer', { delay: 5 });
    await expect(page.locator('pagefind-summary')).toContainText('performer');
    await expect(page.locator('pagefind-results .pf-result-link').first()).toContainText('Performer');
    expect((await page.evaluate(() => (window as unknown as { searched: string[] }).searched)).at(-1)).toBe('performer');
  });

  test('a one-letter query is searched once the reader pauses on it', async ({ page }) => {
    const input = await countSearches(page);
    await input.pressSequentially('T');
    await expect(page.locator('pagefind-results .pf-result').first()).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { searched: string[] }).searched)).toEqual(['T']);
  });
});
