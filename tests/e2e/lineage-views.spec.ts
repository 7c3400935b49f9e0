/**
 * The lineage drawings read: in the focused view of /graph/ (the default paper, and others chosen by
 * ?focus= or the search box), the overview /graph/all/, a paper page's lineage and the timeline, no
 * label overlaps another label or another paper's box, each label stays inside its own box, and every
 * paper is a link in the tab order with a name that says which paper it is.
 */
import { expect, test, type Page } from '@playwright/test';

interface Box {
  id: string;
  kind: 'label' | 'box';
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Every label and node box of the drawings in `scope`, as the browser lays them out. */
async function boxes(page: Page, scope: string): Promise<Box[]> {
  return page.locator(scope).evaluateAll((svgs) =>
    svgs.flatMap((svg, s) =>
      [...svg.querySelectorAll('.lg-node')].flatMap((node, i) => {
        const id = `${s}:${(node as HTMLElement).dataset['id'] ?? i}`;
        return (['label', 'box'] as const).map((kind) => {
          const r = node.querySelector(kind === 'label' ? '.lg-label' : '.lg-box')!.getBoundingClientRect();
          return { id, kind, x: r.x, y: r.y, w: r.width, h: r.height };
        });
      }),
    ),
  );
}

/** Pairs of labels or boxes of two different papers that intersect (touching does not count). */
function intersections(all: Box[]): string[] {
  const hit = (a: Box, b: Box) => a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
  const out: string[] = [];
  const sorted = [...all].sort((a, b) => a.x - b.x);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j]!.x < sorted[i]!.x + sorted[i]!.w; j++) {
      const a = sorted[i]!;
      const b = sorted[j]!;
      // A paper's own label sits in its own box; any other pair must be apart.
      if (a.id !== b.id && hit(a, b)) out.push(`${a.kind} ${a.id} × ${b.kind} ${b.id}`);
    }
  }
  return out;
}

/** Labels whose text runs outside their own box. */
function overflowing(all: Box[]): string[] {
  const boxOf = new Map(all.filter((b) => b.kind === 'box').map((b) => [b.id, b]));
  return all
    .filter((l) => l.kind === 'label')
    .filter((l) => {
      const b = boxOf.get(l.id)!;
      return l.x < b.x - 0.5 || l.x + l.w > b.x + b.w + 0.5 || l.y < b.y - 0.5 || l.y + l.h > b.y + b.h + 0.5;
    })
    .map((l) => l.id);
}

async function expectReadable(page: Page, scope: string, atLeast: number) {
  const all = await boxes(page, scope);
  expect(all.filter((b) => b.kind === 'label').length).toBeGreaterThanOrEqual(atLeast);
  expect(intersections(all), 'labels that overlap a label or another paper').toEqual([]);
  expect(overflowing(all), 'labels outside their box').toEqual([]);
}

/** Every node is a link in the tab order, named after its paper and year. */
async function expectNamedLinks(page: Page, scope: string) {
  const nodes = page.locator(`${scope} .lg-node`);
  const facts = await nodes.evaluateAll((els) =>
    els.map((el) => ({
      tag: el.tagName.toLowerCase(),
      href: el.getAttribute('href') ?? '',
      tabindex: el.getAttribute('tabindex'),
      name: el.getAttribute('aria-label') ?? '',
      text: el.textContent?.trim() ?? '',
    })),
  );
  expect(facts.length).toBeGreaterThan(1);
  for (const f of facts) {
    expect(f.tag).toBe('a');
    expect(f.href).toMatch(/\/papers\/[a-z0-9]+\/$/);
    expect(f.tabindex).not.toBe('-1');
    expect(f.name).toMatch(/\((19|20)\d{2}\)/);
    // The drawn words are the start of the accessible name (WCAG 2.5.3).
    expect(f.name.startsWith(f.text.replace(/…$/, ''))).toBe(true);
  }
}

test.describe('lineage views read', () => {
  test('the default view of /graph/ is the Transformer, with no overlapping labels', async ({ page }) => {
    await page.goto('/graph/');
    await expect(page.locator('#lineage-heading')).toHaveText('Lineage of Transformer (2017)');
    const scope = '[data-focus-panel] svg[data-lg-svg]';
    await expect(page.locator(`${scope} .lg-node.is-center`)).toHaveAttribute('data-id', 'vaswani2017attention');
    await expectReadable(page, scope, 10);
    await expectNamedLinks(page, scope);
    // Without JS the same papers are listed under the drawing.
    await expect(page.locator('[data-focus-panel] details summary')).toHaveText(/^The \d+ papers drawn, as lists$/);
    // Its ancestors and descendants are drawn: Bahdanau attention before, BERT after.
    await expect(page.locator(`${scope} .lg-node[data-id="bahdanau2014neural"]`)).toHaveCount(1);
    await expect(page.locator(`${scope} .lg-node[data-id="devlin2018bert"]`)).toHaveCount(1);
    // Keyboard: from the drawing's scroll box, Tab reaches a paper, announced by name.
    await page.locator('[data-focus-panel] [data-lineage-viewport]').focus();
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    await expect(focused).toHaveClass(/lg-node/);
    await expect(focused).toHaveAccessibleName(/\((19|20)\d{2}\)/);
  });

  test('the focus view of vaswani2017attention (?focus=) has no overlapping labels', async ({ page }) => {
    await page.goto('/graph/?focus=vaswani2017attention');
    await expect(page.locator('[data-focus-status]')).toHaveText(/^Showing the lineage of Transformer \(2017\)/);
    await expectReadable(page, '[data-focus-panel] svg[data-lg-svg]', 10);
  });

  test('focusing another paper from the search box or the address loads its lineage', async ({ page }) => {
    await page.goto('/graph/?focus=dao2022flashattention');
    await expect(page.locator('#lineage-heading')).toHaveText('Lineage of FlashAttention (2022)');
    const scope = '[data-focus-panel] svg[data-lg-svg]';
    await expect(page.locator(`${scope} .lg-node.is-center`)).toHaveAttribute('data-id', 'dao2022flashattention');
    await expectReadable(page, scope, 3);
    await expectNamedLinks(page, scope);
    // The search box: type a name, submit, and the view and the address follow.
    const input = page.getByLabel('Focus on a paper');
    await input.fill('BERT');
    await input.press('Enter');
    await expect(page.locator('#lineage-heading')).toHaveText('Lineage of BERT (2018)');
    await expect(page.locator('#lineage-heading')).toBeFocused();
    await expect(page).toHaveURL(/[?&]focus=devlin2018bert/);
    await expectReadable(page, scope, 3);
    await page.goBack();
    await expect(page.locator('#lineage-heading')).toHaveText('Lineage of FlashAttention (2022)');
  });

  test("a paper page's lineage and the overview have no overlapping labels", async ({ page }) => {
    await page.goto('/papers/vaswani2017attention/');
    await expectReadable(page, '.neighbourhood svg[data-lg-svg]', 10);
    await expectNamedLinks(page, '.neighbourhood svg[data-lg-svg]');
    await page.goto('/graph/all/');
    await expect(page.locator('[data-graph-viewport].is-live')).toHaveCount(1);
    await expectReadable(page, 'svg[data-lg-svg]', 50);
  });

  test('timeline entries never overlap and each is a named link', async ({ page }) => {
    await page.goto('/timeline/');
    const rects = await page.locator('.tl-lane__papers li').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, w: r.width, h: r.height, text: el.textContent ?? '' };
      }),
    );
    expect(rects.length).toBeGreaterThan(50);
    const hits: string[] = [];
    for (let i = 0; i < rects.length; i++)
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i]!;
        const b = rects[j]!;
        if (a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5)
          hits.push(`${a.text} × ${b.text}`);
      }
    expect(hits).toEqual([]);
    const links = page.locator('.tl-lane__papers li a');
    const n = await links.count();
    for (let i = 0; i < Math.min(n, 20); i++) await expect(links.nth(i)).toHaveAccessibleName(/\S/);
  });
});
