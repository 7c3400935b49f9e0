/**
 * Quality gates, run against the built site like every e2e test:
 *
 * - Accessibility: axe-core with wcag2a, wcag2aa, wcag21a, wcag21aa and wcag22aa reports zero
 *   violations of any impact, in the light and the dark theme, on every page type (discovered from
 *   dist/: one page per route, plus the landmark and plain paper notes, search with results open,
 *   the header search with its results, and 404) and on every demo in its interactive state.
 * - No third-party requests: every request a page makes while loading and while the reader
 *   interacts must go to the site's own origin.
 * - Content Security Policy: every page carries one CSP <meta> before any script, without
 *   'unsafe-eval' and without 'unsafe-inline' scripts, and nothing on the page violates it (no
 *   securitypolicyviolation event, no console error).
 *
 * Demos are discovered, not listed: every folder of src/demos/ with a PascalCase .astro component is
 * a demo (demoFolders, shared with the content loader), and each concept's `demos:` frontmatter says
 * where it is embedded. `npm run lint:content` already fails on a demo folder no concept lists, or a
 * listed demo the page body does not embed; here a demo that no built page embeds fails too, so a
 * new demo cannot skip the gates.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { demoFolders, loadContent } from '../../src/integrations/content-loader.ts';

const ROOT = process.cwd();
const DIST = join(ROOT, 'dist');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** The page types every build must have; a missing one fails (its route has not been built). */
const REQUIRED = ['/', '/papers/', '/concepts/', '/topics/', '/paths/', '/resources/', '/search/', '/graph/', '/timeline/'];

// ---------------------------------------------------------------------------------------------
// Discovery

/** The entries of a collection with their raw frontmatter, from the content loader (the one reader of content/). */
function entries(collection: 'papers' | 'concepts'): { id: string; data: Record<string, unknown> }[] {
  return loadContent(ROOT).content[collection].map((e) => ({ id: e.id, data: e.raw ?? {} }));
}

function builtHtml(): string[] {
  if (!existsSync(DIST)) return [];
  return readdirSync(DIST, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name === 'index.html')
    .map((e) =>
      join(e.parentPath, e.name)
        .slice(DIST.length)
        .replace(/index\.html$/, '')
        .replace(/\\/g, '/'),
    )
    .sort();
}

interface PageCase {
  label: string;
  path: string;
  /** Waits for the page's dynamic state (search results) before the checks. */
  ready?: (page: Page) => Promise<void>;
  status?: number;
}

function pageCases(): PageCase[] {
  const built = builtHtml();
  const cases = new Map<string, PageCase>();
  const add = (label: string, path: string, extra: Partial<PageCase> = {}) => {
    if (!cases.has(path)) cases.set(path, { label, path, ...extra });
  };
  // One page per route: each top-level section's index and its first child page.
  for (const path of built) {
    const parts = path.split('/').filter(Boolean);
    if (parts.length === 0) add('home', path);
    else if (parts.length === 1) add(`${parts[0]} index`, path);
  }
  const sections = new Set(built.map((p) => p.split('/').filter(Boolean)[0]).filter(Boolean));
  for (const section of [...sections].sort()) {
    const child = built.find((p) => p.split('/').filter(Boolean).length === 2 && p.startsWith(`/${section}/`));
    if (child) add(`${section} page`, child);
  }
  const papers = entries('papers');
  const landmark =
    papers.find((p) => p.id === 'vaswani2017attention' && p.data['depth'] === 'landmark') ??
    papers.find((p) => p.data['depth'] === 'landmark');
  if (landmark) add('landmark paper', `/papers/${landmark.id}/`);
  const note = papers.find((p) => p.data['depth'] !== 'landmark');
  if (note) add('paper note', `/papers/${note.id}/`);
  const concepts = entries('concepts');
  const plain = concepts.find((c) => !Array.isArray(c.data['demos']) || c.data['demos'].length === 0);
  if (plain) add('concept without demos', `/concepts/${plain.id}/`);
  for (const c of concepts.filter((c) => Array.isArray(c.data['demos']) && c.data['demos'].length > 0))
    add('concept with demos', `/concepts/${c.id}/`);
  add('search with results open', '/search/?q=attention', {
    ready: async (page) => {
      await expect(page.locator('pagefind-results a').first()).toBeVisible({ timeout: 15_000 });
    },
  });
  add('header search with results open', '/#header-search', {
    ready: async (page) => {
      const box = page.locator('form[data-search] input[name="q"]');
      await box.click();
      await page.keyboard.type('attention');
      await expect(page.locator('pagefind-modal pagefind-results a').first()).toBeVisible({ timeout: 15_000 });
    },
  });
  add('404', '/no-such-page-for-the-gates/', { status: 404 });
  return [...cases.values()];
}

interface DemoCase {
  demo: string;
  path: string;
}

function demoCases(): { cases: DemoCase[]; problems: string[] } {
  const problems: string[] = [];
  const cases: DemoCase[] = [];
  const onPage = new Map<string, string[]>();
  for (const path of builtHtml()) {
    const html = readFileSync(join(DIST, path, 'index.html'), 'utf8');
    for (const m of html.matchAll(/\sdata-demo="([a-z0-9-]+)"/g)) {
      const list = onPage.get(m[1]!) ?? [];
      if (!list.includes(path)) list.push(path);
      onPage.set(m[1]!, list);
    }
  }
  const listed = new Set<string>();
  for (const c of entries('concepts')) {
    const demos = Array.isArray(c.data['demos']) ? (c.data['demos'] as string[]) : [];
    for (const demo of demos) {
      const path = `/concepts/${c.id}/`;
      listed.add(demo);
      if (!(onPage.get(demo) ?? []).includes(path))
        problems.push(
          `content/concepts/${c.id}.mdx lists demo "${demo}" but ${path} does not embed it. Fix: add <Demo name="${demo}" /> to the page body.`,
        );
      cases.push({ demo, path });
    }
  }
  for (const { name: demo } of demoFolders(ROOT)) {
    const pages = onPage.get(demo) ?? [];
    if (pages.length === 0)
      problems.push(
        `src/demos/${demo}/ is embedded on no built page, so the gates cannot check it. Fix: embed it on a concept page and list it in that page's demos: frontmatter.`,
      );
    else if (!listed.has(demo)) cases.push({ demo, path: pages[0]! });
  }
  return { cases, problems };
}

// ---------------------------------------------------------------------------------------------
// Per-page instrumentation

interface Watch {
  requests: string[];
  errors: string[];
}

async function instrument(page: Page, origin: string, allow404For?: string): Promise<Watch> {
  const watch: Watch = { requests: [], errors: [] };
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol === 'data:' || u.protocol === 'blob:') return;
    if (u.origin !== origin) watch.requests.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const text = m.text();
    if (allow404For && text.includes('status of 404') && (m.location().url ?? '').includes(allow404For)) return;
    watch.errors.push(`console: ${text}`);
  });
  page.on('pageerror', (e) => watch.errors.push(`uncaught: ${String(e)}`));
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} (${e.sample})`);
    });
  });
  return watch;
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

/** The CSP meta: present once, before every script, strict about scripts. */
async function expectCsp(page: Page): Promise<void> {
  const info = await page.evaluate(() => {
    const metas = [...document.querySelectorAll('meta[http-equiv]')].filter(
      (m) => m.getAttribute('http-equiv')!.toLowerCase() === 'content-security-policy',
    );
    const first = metas[0];
    const scriptsBefore = first
      ? [...document.querySelectorAll('script')].filter((s) => s.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING).length
      : -1;
    return {
      count: metas.length,
      content: first?.getAttribute('content') ?? '',
      inHead: first?.parentElement === document.head,
      scriptsBefore,
    };
  });
  expect(info.count, 'exactly one CSP meta element').toBe(1);
  expect(info.inHead, 'the CSP meta is in <head>').toBe(true);
  expect(info.scriptsBefore, 'no script precedes the CSP meta').toBe(0);
  expect(info.content.split(/[\s;]+/), "no 'unsafe-eval' ('wasm-unsafe-eval' only allows compiling WebAssembly)").not.toContain(
    "'unsafe-eval'",
  );
  const scriptSrc = /(?:^|;)\s*script-src\s+([^;]*)/.exec(info.content)?.[1] ?? '';
  expect(scriptSrc, 'the CSP has a script-src').not.toBe('');
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toMatch(/(^|\s)(\*|https?:|data:)(\s|$)/);
  expect(info.content).toMatch(/(?:^|;)\s*object-src 'none'/);
}

/** axe in the light and the dark theme; every violation of any impact is listed. */
async function expectAxeClean(page: Page, include?: string): Promise<void> {
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
    if (include) builder = builder.include(include);
    const results = await builder.analyze();
    for (const v of results.violations) {
      found.push(
        `[${scheme}] ${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 5)
          .map((n) => n.target.join(' '))
          .join(' | ')}${v.nodes.length > 5 ? ` … +${v.nodes.length - 5}` : ''}`,
      );
    }
  }
  expect(found, 'axe violations').toEqual([]);
}

async function expectClean(page: Page, watch: Watch): Promise<void> {
  expect(watch.requests, 'requests to hosts other than the site').toEqual([]);
  expect(await cspViolations(page), 'CSP violations').toEqual([]);
  expect(watch.errors, 'console errors').toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// Tests

test.describe('gates', () => {
  test.describe.configure({ timeout: 90_000 });

  test('the built site exists and every required page type is built', () => {
    expect(existsSync(join(DIST, 'index.html')), 'dist/index.html (run npm run build first)').toBe(true);
    const built = new Set(builtHtml());
    expect(
      REQUIRED.filter((p) => !built.has(p)),
      'required page types missing from dist/',
    ).toEqual([]);
    expect(existsSync(join(DIST, '404.html')), 'dist/404.html').toBe(true);
  });

  test('every demo is embedded where its concept page says, so the gates reach it', () => {
    expect(demoCases().problems).toEqual([]);
  });

  for (const c of pageCases()) {
    test(`page ${c.label} ${c.path}: axe, CSP, first-party only`, async ({ page, baseURL }) => {
      const origin = new URL(baseURL!).origin;
      const watch = await instrument(page, origin, c.status === 404 ? c.path : undefined);
      const res = await page.goto(c.path, { waitUntil: 'load' });
      expect(res?.status()).toBe(c.status ?? 200);
      await expectCsp(page);
      if (c.ready) await c.ready(page);
      await page.waitForLoadState('networkidle');
      await expectAxeClean(page);
      await expectClean(page, watch);
    });
  }

  for (const d of demoCases().cases) {
    test(`demo ${d.demo} on ${d.path} in its interactive state: axe, CSP, first-party only`, async ({ page, baseURL }) => {
      const origin = new URL(baseURL!).origin;
      const watch = await instrument(page, origin);
      await page.goto(d.path);
      const sel = `[data-demo="${d.demo}"]`;
      await page.locator(sel).first().scrollIntoViewIfNeeded();
      const ok = await page.evaluate(async (name) => {
        await Promise.race([customElements.whenDefined(`atlas-${name}`), new Promise((r) => setTimeout(r, 10_000))]);
        const el = document.querySelector(`[data-demo="${name}"]`) as (HTMLElement & { recompute?: () => number }) | null;
        return {
          defined: !!customElements.get(`atlas-${name}`),
          recompute: typeof el?.recompute === 'function' ? typeof el.recompute() : 'missing',
        };
      }, d.demo);
      expect(ok, `<atlas-${d.demo}> is defined and recompute() returns elapsed ms`).toEqual({ defined: true, recompute: 'number' });
      await interact(page, sel);
      // The rest of the page is checked by the page test; here only the demo, in its changed state.
      await expectAxeClean(page, sel);
      // A rejected input shows its message next to the control; that state must be accessible too.
      const text = page.locator(`${sel} input[type="text"][inputmode="decimal"][data-field]`).first();
      if ((await text.count()) > 0) {
        await text.fill('not a number');
        await text.dispatchEvent('change');
        await expectAxeClean(page, sel);
      }
      await expectCsp(page);
      await expectClean(page, watch);
    });
  }

  test('lazy modules (header search, copy, theme) load and run under the CSP', async ({ page, baseURL, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const origin = new URL(baseURL!).origin;
    const watch = await instrument(page, origin);
    const papers = entries('papers');
    const paper = papers.find((p) => p.id === 'vaswani2017attention') ?? papers[0]!;
    await page.goto(`/papers/${paper.id}/`);
    await page.locator('[data-theme-toggle]').first().click();
    const copy = page.locator('[data-copy]').first();
    if ((await copy.count()) > 0) {
      await copy.click();
      await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    }
    await page.locator('form[data-search] input[name="q"]').click();
    await page.keyboard.type('flash');
    await expect(page.locator('pagefind-modal pagefind-results a').first()).toBeVisible({ timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    await expectClean(page, watch);
  });
});

/**
 * Puts a demo in its interactive state: every control at its largest setting (ranges at max,
 * numeric fields far past their maximum so the demo clamps them, selects at their largest numeric
 * option), then a heatmap cell focused and moved with the keyboard and another hovered.
 */
async function interact(page: Page, sel: string): Promise<void> {
  await page.evaluate((sel) => {
    const root = document.querySelector(sel)!;
    for (const el of root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-field]')) {
      if (el instanceof HTMLInputElement && el.type === 'range') el.value = el.max;
      else if (el instanceof HTMLInputElement && el.type === 'text' && el.inputMode === 'decimal') el.value = '1e9';
      else if (el instanceof HTMLSelectElement) {
        const numeric = [...el.options].filter((o) => o.value !== '' && Number.isFinite(Number(o.value)));
        if (numeric.length === el.options.length && numeric.length > 0)
          el.value = numeric.reduce((a, b) => (Number(b.value) > Number(a.value) ? b : a)).value;
      } else continue;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }, sel);
  const cell = page.locator(`${sel} [data-grid] td[tabindex="0"], ${sel} svg[data-grid][tabindex="0"]`).first();
  if ((await cell.count()) > 0) {
    await cell.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
  }
  const other = page.locator(`${sel} [data-grid] td`).nth(1);
  if ((await other.count()) > 0) await other.hover();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}
