/**
 * The one helper module of the browser tests: error watching, keyboard-only driving of form
 * controls and their messages, reading a demo's numbers back (heatmap tables, [data-cell] values)
 * to compare them with src/compute, and the checks every demo instance passes (labels, recompute,
 * axe, a 360 px viewport). (Playwright collects only *.spec.ts files, so this module is imported,
 * never run.)
 */
import AxeBuilder from '@axe-core/playwright';
import { readdirSync } from 'node:fs';
import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import type { Matrix } from '../../src/compute/index.ts';
import { formatNumber } from '../../src/demos/shared/format.ts';

/** Collects console errors and uncaught exceptions for the page's lifetime. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/**
 * Opens `path` with console errors watched from the start, and returns the demo at `selector` and
 * the list of errors (a test ends with `expect(errors).toEqual([])`).
 */
export async function openDemo(page: Page, path: string, selector: string): Promise<{ demo: Locator; errors: string[] }> {
  const errors = watchErrors(page);
  await page.goto(path);
  return { demo: page.locator(selector), errors };
}

/** Presses Tab until `target` has focus (fails after `max` presses): proves it is reachable by keyboard. */
export async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/**
 * Focuses a text control, selects its content and types `text` (keyboard only). With `commit`, Tab
 * then leaves the field, which fires its change event.
 */
export async function typeInto(page: Page, field: Locator, text: string, options: { commit?: boolean } = {}): Promise<void> {
  await field.focus();
  await page.keyboard.press('ControlOrMeta+A');
  if (text === '') await page.keyboard.press('Backspace');
  else await page.keyboard.type(text);
  if (options.commit) await page.keyboard.press('Tab');
}

/** Types into a text control and, unless `commit` is false, leaves it with Tab (its change event). */
export function typeIn(page: Page, field: Locator, text: string, commit = true): Promise<void> {
  return typeInto(page, field, text, { commit });
}

/**
 * Types `text` into `field` (a Locator, or the label of a control of `demo`) and expects the demo's
 * message for that control, `[data-msg-for="<key>"]`, to read `message` ('' when the value is
 * accepted). Tab leaves the field first unless `commit` is false.
 */
export async function expectInputMessage(
  page: Page,
  demo: Locator,
  field: Locator | string,
  text: string,
  key: string,
  message: string,
  { commit = true }: { commit?: boolean } = {},
): Promise<void> {
  await typeIn(page, typeof field === 'string' ? demo.getByLabel(field) : field, text, commit);
  await expect(demo.locator(`[data-msg-for="${key}"]`)).toHaveText(message);
}

/** Every form control of the demo has a non-empty accessible label. */
export async function expectLabelled(demo: Locator): Promise<void> {
  const unlabelled = await demo.evaluate((el) =>
    Array.from(el.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select'))
      .filter((c) => !Array.from(c.labels ?? []).some((l) => (l.textContent ?? '').trim() !== ''))
      .map((c) => c.id),
  );
  expect(unlabelled).toEqual([]);
}

/**
 * What every demo instance passes: its recompute() redraws from the current inputs and returns the
 * elapsed ms (how long it takes is measured by `npm run bench -- demos`, never asserted here); axe
 * (WCAG 2.1 A and AA) finds no violation inside `include` (with `seriousOnly`, none serious or
 * critical); and at 360 px the page has no horizontal scroll.
 */
export async function expectSoundDemo(page: Page, demo: Locator, include: string, { seriousOnly = false } = {}): Promise<void> {
  await expect(demo).toBeVisible();
  const elapsed = await demo.evaluate((el) => (el as HTMLElement & { recompute(): number }).recompute());
  expect(Number.isFinite(elapsed) && elapsed >= 0).toBe(true);
  const results = await new AxeBuilder({ page }).include(include).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const violations = seriousOnly ? results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical') : results.violations;
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.setViewportSize({ width: 360, height: 800 });
  await page.waitForTimeout(50);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Presses `key` `times` times. */
export async function press(page: Page, key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

/** How many notes a collection has on disk (content/<collection>/), so tests follow the content. */
export function countNotes(collection: 'papers' | 'concepts' | 'topics' | 'paths' | 'resources'): number {
  return readdirSync(new URL(`../../content/${collection}/`, import.meta.url)).filter((f) => /\.mdx?$/.test(f)).length;
}

/**
 * The page and Node run the same src/compute code, but Chromium's and Node's V8 may differ in the
 * last bit of Math.exp; equal to 1e-12 relative is "the same number" for these statistics.
 */
export function expectSame(shown: number, expected: number): void {
  if (!Number.isFinite(expected)) return expect(shown).toBe(expected);
  expect(Math.abs(shown - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
}

/** Every [data-cell] of a demo, read in one round trip: its data-value as a number and its text. */
export async function cellsOf(demo: Locator): Promise<Map<string, { value: number; text: string }>> {
  const list = await demo.evaluate((el) =>
    Array.from(
      el.querySelectorAll<HTMLElement>('[data-cell]'),
      (c) => [c.dataset['cell'] ?? '', c.dataset['value'] ?? '', (c.textContent ?? '').trim()] as const,
    ),
  );
  return new Map(
    list.map(([key, raw, text]) => [key, { value: raw === '-Infinity' ? -Infinity : raw === 'Infinity' ? Infinity : Number(raw), text }]),
  );
}

/** The data-value of one cell as a number (±Infinity included). */
export async function valueOf(cell: Locator): Promise<number> {
  const raw = await cell.getAttribute('data-value');
  return raw === '-Infinity' ? -Infinity : raw === 'Infinity' ? Infinity : Number(raw);
}

/** The token texts of a strip or table row, without the screen-reader notes. */
export async function tokensOf(items: Locator): Promise<string[]> {
  return items.evaluateAll((els) => els.map((el) => (el.firstChild?.textContent ?? '').trim()));
}

/** A page with JavaScript off. */
export async function noJsPage(browser: Browser, path: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(path);
  return page;
}

/** Every displayed cell of a heatmap table, as formatted text, row by row (masked cells as null). */
export async function tableTexts(table: Locator): Promise<(string | null)[][]> {
  return table.evaluate((t) =>
    Array.from((t as HTMLTableElement).tBodies[0]!.rows, (row) =>
      Array.from(row.querySelectorAll('td'), (td) => (td.hasAttribute('data-masked') ? null : (td.textContent ?? '').trim())),
    ),
  );
}

/** The formatted values of a matrix, row by row, with masked entries as null (to compare with tableTexts). */
export function expected(m: Matrix, digits = 2, masked?: (i: number, j: number) => boolean): (string | null)[][] {
  const out: (string | null)[][] = [];
  for (let i = 0; i < m.rows; i++) {
    const row: (string | null)[] = [];
    for (let j = 0; j < m.cols; j++) row.push(masked?.(i, j) ? null : formatNumber(m.data[i * m.cols + j]!, digits));
    out.push(row);
  }
  return out;
}
