/**
 * Helpers shared by the browser tests: error watching and keyboard-only driving of form controls.
 * (Playwright collects only *.spec.ts files, so this module is imported, never run.)
 */
import { readdirSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

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
