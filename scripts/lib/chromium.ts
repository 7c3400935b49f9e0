/**
 * The Chromium every gate and benchmark drives: CHROMIUM_PATH, then Debian's /usr/bin/chromium, then
 * Playwright's own download (which this project never fetches itself). The flags keep the browser
 * from talking to anything but the site under test.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

export const CHROMIUM_PATH: string | undefined =
  process.env['CHROMIUM_PATH'] || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/** Flags shared by Playwright launches and Lighthouse (which adds --headless itself via chrome-launcher). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ ...(CHROMIUM_PATH ? { executablePath: CHROMIUM_PATH } : {}), args: CHROMIUM_FLAGS });
}
