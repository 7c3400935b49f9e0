import { expect, test } from '@playwright/test';
import { watchErrors } from './support.ts';

test('home → search → paper', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Attention Atlas' })).toBeVisible();
  await page.getByLabel('Search papers, authors, arXiv ids and topics').fill('Chinchilla');
  await page.getByLabel('Search papers, authors, arXiv ids and topics').press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=Chinchilla/);
  const first = page.locator('pagefind-results a').first();
  await expect(first).toContainText('Training Compute-Optimal Large Language Models');
  await first.click();
  await expect(page).toHaveURL(/\/papers\/hoffmann2022training\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Training Compute-Optimal Large Language Models');
  expect(errors).toEqual([]);
});

test('an arXiv id and a BibTeX key each find their paper first', async ({ page }) => {
  for (const [q, title] of [
    ['1706.03762', 'Attention Is All You Need'],
    ['devlin2018bert', 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding'],
  ] as const) {
    await page.goto(`/search/?q=${encodeURIComponent(q)}`);
    await expect(page.locator('pagefind-results a').first()).toHaveText(title);
  }
});

test('the header search opens Pagefind on first use', async ({ page }) => {
  await page.goto('/papers/');
  const box = page.getByRole('searchbox', { name: 'Search papers, concepts and topics' });
  await box.click();
  await page.keyboard.type('Switch Transformer');
  const modal = page.locator('pagefind-modal');
  await expect(modal.locator('pagefind-results a').first()).toContainText('Switch Transformers', { timeout: 10_000 });
});

test('math renders with KaTeX and never ships an error', async ({ page }) => {
  await page.goto('/papers/vaswani2017attention/');
  expect(await page.locator('.katex').count()).toBeGreaterThan(5);
  await expect(page.locator('.katex-display').first()).toBeVisible();
  expect(await page.locator('.katex-error').count()).toBe(0);
});

test("a note's headline result shows under its TL;DR with the place in the paper that prints it", async ({ page }) => {
  await page.goto('/papers/zhou2022least/');
  const result = page.locator('.headline-result');
  await expect(result).toContainText('Headline result.');
  await expect(result).toContainText('99.7%');
  await expect(result).toContainText('(Table 8)');
  // A survey says what it covers instead of a number.
  await page.goto('/papers/tay2020efficient/');
  await expect(page.locator('.headline-result')).toContainText('What the survey covers.');
  await expect(page.locator('.headline-result')).toContainText('(Section 3.1 and Table 1)');
  // A note whose result could not be checked, and a landmark, show no empty box.
  for (const id of ['wang2022simple', 'vaswani2017attention']) {
    await page.goto(`/papers/${id}/`);
    await expect(page.locator('.headline-result')).toHaveCount(0);
  }
});

test('a wikilink navigates, and both relation directions are shown', async ({ page }) => {
  await page.goto('/papers/vaswani2017attention/');
  const builtUpon = page.locator('section[aria-labelledby="built-upon-by"]');
  await expect(builtUpon.getByRole('link', { name: 'BERT (2018)' })).toBeVisible();
  const buildsOn = page.locator('section[aria-labelledby="builds-on"]');
  await expect(buildsOn.getByRole('link', { name: /RNNsearch \(2014\)/ })).toBeVisible();
  await page.locator('.prose a.wikilink[href$="/papers/bahdanau2014neural/"]').first().click();
  await expect(page).toHaveURL(/\/papers\/bahdanau2014neural\/$/);
  await expect(
    page.locator('section[aria-labelledby="mentioned-in"]').getByRole('link', { name: 'Attention Is All You Need' }),
  ).toBeVisible();
});

test('"Mentioned in" names every kind of entry by its title, and "Report a correction" opens the real issue form', async ({ page }) => {
  await page.goto('/papers/bahdanau2014neural/');
  const mentions = page.locator('section[aria-labelledby="mentioned-in"] a');
  await expect(mentions.filter({ hasText: 'CS224N Winter 2022, Lecture 6 slides: vanishing gradients and fancy RNNs' })).toHaveCount(1);
  const links = await mentions.evaluateAll((as) =>
    as.map((a) => ({ text: a.textContent?.trim() ?? '', href: a.getAttribute('href') ?? '' })),
  );
  expect(links.length).toBeGreaterThan(3);
  // A title, never the raw id that ends the address.
  for (const { text, href } of links) expect(text, href).not.toBe(href.split('/').filter(Boolean).at(-1));
  const report = page.getByRole('link', { name: /Report a correction/ });
  expect(await report.getAttribute('href')).toMatch(
    /\/issues\/new\?template=report-a-correction\.yml&title=Correction%3A%20bahdanau2014neural$/,
  );
});

test('the theme toggle persists across pages', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.goto('/topics/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(21, 21, 26)');
});

test('the BibTeX copy button copies the entry', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/papers/devlin2018bert/');
  await page.getByRole('button', { name: 'Copy BibTeX' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^@inproceedings\{devlin2018bert,/);
  expect(copied).toContain('Devlin, Jacob and Chang, Ming-Wei and Lee, Kenton and Toutanova, Kristina');
  const bib = await page.request.get('/papers/devlin2018bert.bib');
  expect((await bib.text()).trim()).toBe(copied.trim());
});

test('the papers table filters without JS and sorts with JS', async ({ page }) => {
  await page.goto('/papers/?topic=moe');
  const visible = page.locator('#papers-table tbody tr:visible');
  const n = await visible.count();
  expect(n).toBeGreaterThanOrEqual(9);
  for (const row of await visible.all()) await expect(row).toHaveAttribute('data-topics', /\bmoe\b/);
  await page.getByRole('button', { name: 'Year' }).click();
  await expect(page.locator('th', { has: page.getByRole('button', { name: 'Year' }) })).toHaveAttribute('aria-sort', 'ascending');
  await expect(visible.first().locator('td').nth(1)).toHaveText('1991');
});

test('an unknown address gets the helpful 404', async ({ page }) => {
  const res = await page.goto('/papers/nosuchpaper2099/');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('searchbox', { name: 'Search the atlas' })).toBeVisible();
});

test('content is readable without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/papers/dao2022flashattention/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness',
  );
  expect(await page.locator('.katex').count()).toBeGreaterThan(3);
  await expect(page.getByRole('button', { name: 'Dark theme' })).toBeHidden();
  await page.goto('/search/');
  await expect(page.getByText('Search runs in your browser and needs JavaScript')).toBeVisible();
  await context.close();
});
