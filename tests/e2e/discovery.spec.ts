/**
 * Finding and citing, in the browser: link previews, the citation cart, reading-path progress, the
 * lineage graph's filters and highlighting, the path finder, the timeline and the open-data files.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { countNotes } from './support.ts';

const VASWANI_TLDR = /^Replaces recurrence and convolution with stacked multi-head self-attention/;

async function previews(page: Page): Promise<Record<string, { t: string; m: string; s: string }>> {
  const r = await page.request.get('/previews.json');
  expect(r.ok()).toBe(true);
  return (await r.json()) as Record<string, { t: string; m: string; s: string }>;
}

test.describe('link previews', () => {
  test('appear on hover with title, year, authors and TL;DR, and close when the pointer leaves', async ({ page }) => {
    const expected = (await previews(page))['papers/vaswani2017attention']!;
    expect(expected.s).toMatch(VASWANI_TLDR);
    await page.goto('/papers/devlin2018bert/');
    const link = page.locator('section a[data-preview="papers/vaswani2017attention"]').first();
    await link.hover();
    const card = page.locator('#atlas-preview');
    await expect(card).toBeVisible();
    await expect(card.locator('.preview-card__title')).toHaveText('Attention Is All You Need');
    await expect(card.locator('.preview-card__meta')).toHaveText(expected.m);
    await expect(card.locator('.preview-card__meta')).toContainText('2017 · Ashish Vaswani, Noam Shazeer, Niki Parmar et al.');
    await expect(card.locator('.preview-card__text')).toHaveText(expected.s);
    await expect(card).toHaveAttribute('role', 'tooltip');
    await expect(link).toHaveAttribute('aria-describedby', 'atlas-preview');
    // Off the link, without scrolling, onto the page margin to its left (the card opens below the link).
    const box = (await link.boundingBox())!;
    await page.mouse.move(2, box.y + box.height / 2, { steps: 4 });
    await expect(card).toBeHidden();
  });

  test('appear on keyboard focus, close with Escape, and never take or trap focus', async ({ page }) => {
    await page.goto('/papers/devlin2018bert/');
    const link = page.locator('section a[data-preview="papers/vaswani2017attention"]').first();
    // Reach the link with the keyboard: focus the element just before it, then Tab.
    await link.evaluate((a) => {
      const all = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')];
      all[all.indexOf(a as HTMLElement) - 1]!.focus();
    });
    await page.keyboard.press('Tab');
    await expect(link).toBeFocused();
    const card = page.locator('#atlas-preview');
    await expect(card).toBeVisible();
    await expect(card.locator('.preview-card__title')).toHaveText('Attention Is All You Need');
    // The card is a tooltip: nothing inside it can take focus, and focus stays on the link.
    expect(await card.locator('a, button, input, [tabindex]').count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect(card).toBeHidden();
    await expect(link).toBeFocused();
    await expect(link).not.toHaveAttribute('aria-describedby', /./);
    // Tab moves on as usual; focus is never inside the card.
    await page.keyboard.press('Tab');
    await expect(link).not.toBeFocused();
    expect(await page.evaluate(() => document.getElementById('atlas-preview')?.contains(document.activeElement) ?? false)).toBe(false);
  });

  test('are gone after following a link and coming back', async ({ page }) => {
    await page.goto('/papers/devlin2018bert/');
    const link = page.locator('section a[data-preview="papers/vaswani2017attention"]').first();
    await link.hover();
    await expect(page.locator('#atlas-preview')).toBeVisible();
    await link.click();
    await expect(page).toHaveURL(/\/papers\/vaswani2017attention\/$/);
    await page.goBack();
    await expect(page).toHaveURL(/\/papers\/devlin2018bert\/$/);
    await page.mouse.move(5, 5);
    await expect(page.locator('#atlas-preview')).toBeHidden();
  });
});

test.describe('link previews on a touch screen', () => {
  test.use({ hasTouch: true, viewport: { width: 412, height: 860 } });

  test('a press and hold shows the card with a link to open the note; a short tap follows the link', async ({ page }) => {
    await page.goto('/papers/devlin2018bert/');
    const link = page.locator('section a[data-preview="papers/vaswani2017attention"]').first();
    await link.scrollIntoViewIfNeeded();
    const box = (await link.boundingBox())!;
    const point = { x: box.x + Math.min(10, box.width / 2), y: box.y + box.height / 2 };
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchEnd') =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [point] });
    await touch('touchStart');
    await page.waitForTimeout(700);
    await touch('touchEnd');
    const card = page.locator('#atlas-preview');
    await expect(card).toBeVisible();
    await expect(card.locator('.preview-card__title')).toHaveText('Attention Is All You Need');
    // Lifting the finger does not close it (a touch pointer "leaves" on lift), and the hold did not
    // navigate: the card offers the way in.
    await page.waitForTimeout(600);
    await expect(card).toBeVisible();
    await expect(page).toHaveURL(/\/papers\/devlin2018bert\/$/);
    await expect(card.getByRole('link', { name: /^Open / })).toHaveAttribute('href', '/papers/vaswani2017attention/');
    // Touching elsewhere closes it; a short tap on the link follows it.
    await page.touchscreen.tap(5, 5);
    await expect(card).toBeHidden();
    await link.tap();
    await expect(page).toHaveURL(/\/papers\/vaswani2017attention\/$/);
  });
});

test('the citation cart collects papers across pages and downloads them as one .bib and as CSL-JSON', async ({ page }) => {
  for (const id of ['vaswani2017attention', 'schmidhuber1991learning']) {
    await page.goto(`/papers/${id}/`);
    const box = page.getByLabel('Add to citation cart');
    await box.check();
    await expect(page.locator('[data-cart-status]')).toContainText('in the cart');
  }
  await page.goto('/cart/');
  await expect(page.locator('[data-cart-count]').first()).toHaveText('2');
  await expect(page.locator('[data-cart-list] li')).toHaveCount(2);

  const [bibDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download BibTeX (.bib)' }).click(),
  ]);
  expect(bibDownload.suggestedFilename()).toMatch(/\.bib$/);
  const bib = readFileSync((await bibDownload.path())!, 'utf8');
  expect(bib.match(/^@\w+\{/gm)).toHaveLength(2);
  expect(bib).toMatch(/@inproceedings\{vaswani2017attention,/);
  expect(bib).toContain('title = {Attention {Is} {All} {You} {Need}}');
  expect(bib).toContain(
    'author = {Vaswani, Ashish and Shazeer, Noam and Parmar, Niki and Uszkoreit, Jakob and Jones, Llion and Gomez, Aidan N. and Kaiser, \\L{}ukasz and Polosukhin, Illia}',
  );
  expect(bib).toMatch(/@\w+\{schmidhuber1991learning,/);
  expect(bib).toContain('Schmidhuber, J{\\" u}rgen');
  // The cart's file is exactly the papers' own .bib entries, so the two never disagree.
  const own = await Promise.all(
    ['vaswani2017attention', 'schmidhuber1991learning'].map(async (id) =>
      (await (await page.request.get(`/papers/${id}.bib`)).text()).trim(),
    ),
  );
  expect(bib.trim()).toBe(own.join('\n\n'));

  const [cslDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSL-JSON' }).click()]);
  const csl = JSON.parse(readFileSync((await cslDownload.path())!, 'utf8')) as {
    id: string;
    title: string;
    issued: { 'date-parts': number[][] };
  }[];
  expect(csl.map((c) => c.id)).toEqual(['vaswani2017attention', 'schmidhuber1991learning']);
  expect(csl[1]!.issued['date-parts'][0]![0]).toBe(1991); // the first public version, a 1991 TU Munich report

  // Survives a reload, and a paper's box shows the stored cart once approached.
  await page.reload();
  await expect(page.locator('[data-cart-list] li')).toHaveCount(2);
  await page.goto('/papers/vaswani2017attention/');
  await page.getByLabel('Add to citation cart').hover();
  await expect(page.getByLabel('Add to citation cart')).toBeChecked();
  // Emptying the cart unticks it everywhere.
  await page.goto('/cart/');
  await page.getByRole('button', { name: 'Empty the cart' }).click();
  await expect(page.locator('[data-cart-list] li')).toHaveCount(0);
  await expect(page.locator('[data-cart-count]').first()).toHaveText('0');
  await page.goto('/papers/vaswani2017attention/');
  await page.getByLabel('Add to citation cart').hover();
  await expect(page.getByLabel('Add to citation cart')).not.toBeChecked();
  expect(await page.evaluate(() => localStorage.getItem('atlas-cart'))).toBe('[]');
});

test('reading-path progress survives a reload and round-trips through an exported file', async ({ page }) => {
  await page.goto('/paths/rnn-attention-to-flashattention/');
  const steps = page.locator('[data-step]');
  const total = await steps.count();
  expect(total).toBeGreaterThan(3);
  const text = page.locator('[data-progress-text]');
  await expect(text).toHaveText(`0 of ${total} steps read`);
  await steps
    .nth(0)
    .getByRole('checkbox', { name: /Mark as read/ })
    .check();
  await steps
    .nth(2)
    .getByRole('checkbox', { name: /Mark as read/ })
    .check();
  await expect(text).toHaveText(`2 of ${total} steps read`);
  await expect(page.locator('progress#path-progress-bar')).toHaveJSProperty('value', 2);
  const readKeys = [await steps.nth(0).getAttribute('data-step'), await steps.nth(2).getAttribute('data-step')].sort();
  expect(readKeys[0]).toMatch(/^(papers|concepts)\//);

  await page.reload();
  await expect(text).toHaveText(`2 of ${total} steps read`);
  await expect(steps.nth(0).getByRole('checkbox', { name: /Mark as read/ })).toBeChecked();
  await expect(steps.nth(1).getByRole('checkbox', { name: /Mark as read/ })).not.toBeChecked();
  await expect(steps.nth(2)).toHaveClass(/is-read/);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
  const exported = readFileSync((await download.path())!, 'utf8');
  const parsed = JSON.parse(exported) as { format: string; version: number; read: string[] };
  expect(parsed.format).toBe('attention-atlas-reading-progress');
  expect(parsed.read).toEqual(readKeys);

  await page.getByRole('button', { name: 'Clear this path' }).click();
  await expect(text).toHaveText(`0 of ${total} steps read`);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import progress' }).click()]);
  await chooser.setFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(text).toHaveText(`2 of ${total} steps read`);
  await expect(page.locator('[data-progress-status]')).toHaveText('Imported 2 read notes.');

  // A file that is not an export is refused with a reason, and progress is untouched.
  const [again] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import progress' }).click()]);
  await again.setFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"read":["papers/x"]}') });
  await expect(page.locator('[data-progress-status]')).toHaveText(
    'Could not import: the file is not an Attention Atlas reading-progress export.',
  );
  await expect(text).toHaveText(`2 of ${total} steps read`);
});

test.describe('lineage graph overview', () => {
  test('a drag that starts on a paper closes its preview card, pans the drawing and does not follow the link', async ({ page }) => {
    // ?focus= centres the drawing on the paper, so its box is under the pointer.
    await page.goto('/graph/all/?focus=vaswani2017attention');
    const svg = page.locator('svg[data-lg-svg]');
    const node = page.locator('svg[data-lg-svg] .lg-node[data-id="vaswani2017attention"]');
    await page.locator('[data-graph-viewport]').scrollIntoViewIfNeeded();
    const box = (await node.boundingBox())!;
    const before = await svg.evaluate((s) => (s as SVGSVGElement).style.transform);
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(x, y);
    // Hovering opens the paper's preview card; pressing to drag closes it.
    const card = page.locator('#atlas-preview');
    await expect(card).toBeVisible();
    await page.mouse.down();
    await expect(card).toBeHidden();
    await page.mouse.move(x - 30, y + 20, { steps: 3 });
    await page.mouse.move(x - 60, y + 40, { steps: 3 });
    await page.mouse.up();
    await expect.poll(() => svg.evaluate((s) => (s as SVGSVGElement).style.transform)).not.toBe(before);
    const after = await svg.evaluate((s) => (s as SVGSVGElement).style.transform);
    const ty = (t: string) => Number(/translate\([^,]+,\s*(-?[\d.]+)px/.exec(t)?.[1]);
    expect(ty(after) - ty(before)).toBeCloseTo(40, 0);
    await expect(page).toHaveURL(/\/graph\/all\/\?focus=vaswani2017attention$/);
    // No card opened over the moved drawing while the button was held.
    await expect(card).toBeHidden();
  });

  test('filters by topic and relation type from the keyboard', async ({ page }) => {
    await page.goto('/graph/all/');
    const status = page.locator('[data-graph-status]');
    const nodes = page.locator('svg[data-lg-svg] .lg-node');
    const edges = page.locator('svg[data-lg-svg] .lg-edge');
    const total = await nodes.count();
    const totalEdges = await edges.count();
    expect(total).toBe(countNotes('papers'));
    await expect(status).toHaveText(`${total} of ${total} papers and ${totalEdges} of ${totalEdges} relations shown.`);

    // "No topics", pressed with Enter, hides every paper.
    await page.getByRole('button', { name: 'No topics' }).focus();
    await page.keyboard.press('Enter');
    await expect(status).toHaveText(`0 of ${total} papers and 0 of ${totalEdges} relations shown.`);
    await expect(nodes.filter({ visible: true })).toHaveCount(0);
    await expect(edges.filter({ visible: true })).toHaveCount(0);

    // Tab to the "Mixture of experts" box and tick it with Space: exactly that topic's papers return.
    const moe = page.getByRole('checkbox', { name: 'Mixture of experts' });
    await page.getByRole('checkbox', { name: 'Machine translation' }).focus();
    await page.keyboard.press('Tab');
    await expect(moe).toBeFocused();
    await page.keyboard.press('Space');
    await expect(moe).toBeChecked();
    const moeCount = await page.locator('svg[data-lg-svg] .lg-node[data-topics~="moe"]').count();
    expect(moeCount).toBeGreaterThan(5);
    await expect(page.locator('svg[data-lg-svg] .lg-node:not(.is-hidden)')).toHaveCount(moeCount);
    await expect(page.locator('svg[data-lg-svg] .lg-node[data-id="fedus2021switch"]')).not.toHaveClass(/is-hidden/);
    await expect(page.locator('svg[data-lg-svg] .lg-node[data-id="vaswani2017attention"]')).toHaveClass(/is-hidden/);
    await expect(status).toContainText(`${moeCount} of ${total} papers`);

    // Back to all topics, then untick "Builds on" with Space: those edges hide, the rest stay.
    await page.getByRole('button', { name: 'All topics' }).focus();
    await page.keyboard.press('Enter');
    const buildsOn = await page.locator('svg[data-lg-svg] .lg-edge[data-type="builds-on"]').count();
    expect(buildsOn).toBeGreaterThan(10);
    await page.getByRole('checkbox', { name: 'Builds on' }).focus();
    await page.keyboard.press('Space');
    await expect(status).toHaveText(`${total} of ${total} papers and ${totalEdges - buildsOn} of ${totalEdges} relations shown.`);
    await expect(page.locator('svg[data-lg-svg] .lg-edge[data-type="builds-on"]:not(.is-hidden)')).toHaveCount(0);
  });

  test('"Show one topic" keeps one topic\'s papers and the relations among them', async ({ page }) => {
    await page.goto('/graph/all/?topic=moe');
    const status = page.locator('[data-graph-status]');
    const moe = await page.locator('svg[data-lg-svg] .lg-node[data-topics~="moe"]').count();
    expect(moe).toBeGreaterThan(5);
    await expect(page.getByLabel('Show one topic')).toHaveValue('moe');
    await expect(page.locator('svg[data-lg-svg] .lg-node:not(.is-hidden)')).toHaveCount(moe);
    // Every relation still drawn joins two papers of the topic.
    const shown = await page
      .locator('svg[data-lg-svg] .lg-edge:not(.is-hidden)')
      .evaluateAll((els) => els.map((e) => [(e as SVGElement).dataset['from'], (e as SVGElement).dataset['to']]));
    const ids = new Set(
      await page
        .locator('svg[data-lg-svg] .lg-node[data-topics~="moe"]')
        .evaluateAll((els) => els.map((e) => (e as SVGElement).dataset['id'])),
    );
    expect(shown.length).toBeGreaterThan(3);
    for (const [a, b] of shown) expect(ids.has(a) && ids.has(b)).toBe(true);
    await expect(status).toContainText(`${moe} of `);
    await page.getByLabel('Show one topic').selectOption('');
    await expect(page.locator('svg[data-lg-svg] .lg-node.is-hidden')).toHaveCount(0);
  });

  test("highlights a paper's ancestors and descendants", async ({ page }) => {
    await page.goto('/graph/all/');
    const select = page.getByLabel('Highlight the ancestors and descendants of');
    await select.focus();
    await select.selectOption('vaswani2017attention');
    const node = (id: string) => page.locator(`svg[data-lg-svg] .lg-node[data-id="${id}"]`);
    await expect(node('vaswani2017attention')).toHaveClass(/is-focus/);
    // The Transformer builds on Bahdanau attention, and BERT and FlashAttention build on it.
    await expect(node('bahdanau2014neural')).toHaveClass(/is-ancestor/);
    await expect(node('devlin2018bert')).toHaveClass(/is-descendant/);
    await expect(node('dao2022flashattention')).toHaveClass(/is-descendant/);
    await expect(node('bahdanau2014neural')).not.toHaveClass(/is-descendant/);
    const up = await page.locator('svg[data-lg-svg] .lg-node.is-ancestor').count();
    const down = await page.locator('svg[data-lg-svg] .lg-node.is-descendant').count();
    expect(down).toBeGreaterThan(20);
    await expect(page.locator('[data-graph-status]')).toContainText(`${up} ancestor${up === 1 ? '' : 's'}, ${down} descendants of`);
    await expect(page.locator('svg[data-lg-svg].has-focus')).toHaveCount(1);
    expect(await page.locator('svg[data-lg-svg] .lg-edge.is-lit').count()).toBeGreaterThan(down - 1);
    // Clearing the choice clears the highlight.
    await select.selectOption('');
    await expect(page.locator('svg[data-lg-svg] .lg-node.is-ancestor, svg[data-lg-svg] .lg-node.is-descendant')).toHaveCount(0);
  });
});

test('the path finder chains Bahdanau attention to FlashAttention, with a note for every step', async ({ page }) => {
  await page.goto('/graph/path-finder/');
  await page.getByLabel('From', { exact: true }).selectOption('bahdanau2014neural');
  await page.getByLabel('To', { exact: true }).selectOption('dao2022flashattention');
  await page.getByRole('button', { name: 'Find the chain' }).click();
  const heading = page.locator('#path-result-heading');
  await expect(heading).toHaveText(/^RNNsearch \(2014\) to FlashAttention \(2022\): \d steps?$/);
  await expect(heading).toBeFocused();
  const steps = page.locator('[data-path-result] ol.chain > li');
  const n = await steps.count();
  expect(n).toBeGreaterThanOrEqual(2);
  await expect(heading).toContainText(`${n} steps`);
  await expect(steps.first().locator('.chain__papers a').first()).toHaveText('RNNsearch (2014)');
  await expect(steps.last().locator('.chain__papers a').last()).toHaveText('FlashAttention (2022)');
  await expect(page.locator('[data-path-result] .chain__papers a', { hasText: 'Transformer (2017)' }).first()).toBeVisible();
  for (let i = 0; i < n; i++) expect(((await steps.nth(i).locator('.chain__note').textContent()) ?? '').length).toBeGreaterThan(40);
  await expect(page).toHaveURL(/from=bahdanau2014neural&to=dao2022flashattention/);
  // Shared links reopen the same chain.
  await page.reload();
  await expect(page.locator('#path-result-heading')).toHaveText(/^RNNsearch \(2014\) to FlashAttention \(2022\)/);
});

test('the timeline starts in 1991, lines lanes up with the axis and emphasises landmark notes', async ({ page }) => {
  await page.goto('/timeline/');
  const axis = page.locator('.tl-axis').first().locator('span');
  await expect(axis.first()).toHaveText('1991');
  const landmark = page.locator('.tl-lane__papers li.is-landmark', { hasText: 'Transformer' }).first();
  const plain = page.locator('.tl-lane__papers li:not(.is-landmark)').first();
  await expect(landmark).toContainText('★');
  await expect(landmark).toContainText('landmark note');
  expect(await landmark.evaluate((el) => getComputedStyle(el).fontWeight)).toBe('700');
  expect(await plain.evaluate((el) => getComputedStyle(el).fontWeight)).toBe('400');
  // Each paper sits under its year on the axis.
  const rnnsearch = page.locator('.tl-lane__papers li', { hasText: 'RNNsearch' }).first();
  await expect(rnnsearch.locator('.tl-year')).toHaveText(/^2014/);
  const col2014 = axis.filter({ hasText: /^2014$/ });
  const [a, b] = await Promise.all([rnnsearch.boundingBox(), col2014.boundingBox()]);
  expect(Math.abs(a!.x - b!.x)).toBeLessThan(2);
  const first = page.locator('.tl-lane__papers li', { hasText: 'Adaptive Mixtures of Local Experts' }).first();
  await expect(first.locator('.tl-year')).toHaveText('1991');
});

test('the open data, BibTeX, feed and sitemap files are published', async ({ page }) => {
  const data = (await (await page.request.get('/papers.json')).json()) as {
    schemaVersion: string;
    papers: { id: string; arxiv?: string }[];
    relations: unknown[];
  };
  expect(data.schemaVersion).toMatch(/^\d+\.\d+\.\d+$/);
  expect(data.papers.find((p) => p.id === 'vaswani2017attention')!.arxiv).toBe('1706.03762');
  const schema = (await (await page.request.get('/schema/papers.schema.json')).json()) as { $id: string; required: string[] };
  expect(schema.$id).toMatch(/\/schema\/papers\.schema\.json$/);
  expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'papers', 'relations', 'topics', 'paths']));
  const all = await (await page.request.get('/papers.bib')).text();
  expect(all.match(/^@\w+\{/gm)).toHaveLength(data.papers.length);
  const feed = await (await page.request.get('/feed.xml')).text();
  expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  expect(feed.match(/<entry>/g)!.length).toBeGreaterThan(10);
  // Concept pages are notes too.
  expect(feed).toMatch(/<link href="[^"]*\/concepts\/[a-z-]+\/"\/>/);
  const sitemap = await (await page.request.get('/sitemap-0.xml')).text();
  expect(sitemap).toContain('/papers/vaswani2017attention/</loc>');
  expect(sitemap).toContain('/timeline/</loc>');
  // Every page names its canonical URL and carries Open Graph and Twitter titles and descriptions.
  for (const path of ['/', '/papers/vaswani2017attention/', '/graph/', '/timeline/', '/cart/', '/search/']) {
    await page.goto(path);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`${path.replace(/\//g, '\\/')}$`));
    for (const sel of [
      'meta[property="og:title"]',
      'meta[property="og:description"]',
      'meta[name="twitter:title"]',
      'meta[name="twitter:description"]',
    ]) {
      expect(((await page.locator(sel).getAttribute('content')) ?? '').length, `${path} ${sel}`).toBeGreaterThan(5);
    }
    await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', /feed\.xml$/);
  }
});
