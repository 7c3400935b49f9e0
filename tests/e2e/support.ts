/**
 * The one helper module of the browser tests: error watching, keyboard-only driving of form
 * controls, and reading a demo's numbers back (heatmap tables, [data-cell] values) to compare them
 * with src/compute. (Playwright collects only *.spec.ts files, so this module is imported, never run.)
 */
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
