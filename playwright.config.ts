import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests run against the built site served by `astro preview` (search needs the Pagefind
 * index, which exists only after `npm run build`).
 *
 * Chromium is found through CHROMIUM_PATH, then Debian's /usr/bin/chromium, then Playwright's own
 * download (which this project never fetches itself).
 */
const executablePath = process.env['CHROMIUM_PATH'] || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const port = Number(process.env['PREVIEW_PORT'] ?? 4321);

export default defineConfig({
  testDir: 'tests/e2e',
  // Playwright empties its output directory on every run; the gates' artefacts (lighthouse.json,
  // budgets.json) live next to it in test-results/ and must survive the browser tests.
  outputDir: 'test-results/playwright',
  fullyParallel: true,
  workers: 2,
  retries: process.env['CI'] ? 1 : 0,
  // A stray test.only fails the run in CI instead of silently skipping every other test.
  forbidOnly: !!process.env['CI'],
  reporter: process.env['CI']
    ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }], ['html', { open: 'never', outputFolder: 'playwright-report' }]]
    : 'list',
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `npx astro preview --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
  },
});
