import { defineConfig } from 'vitest/config';

// Unit and content tests. Browser tests live in tests/e2e and run under Playwright instead.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
  },
});
