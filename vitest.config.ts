import { defineConfig } from 'vitest/config';

// Unit and content tests. Browser tests live in tests/e2e and run under Playwright instead.
// Coverage (v8) is measured on every `npm run test:unit`; the pure layers must stay covered.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    coverage: {
      provider: 'v8',
      include: ['src/lib/**/*.ts', 'src/schema/**/*.ts', 'src/compute/**/*.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'test-results/coverage',
      // Floors a little under what the suite reaches today (compute 98/94/98/99, schema 89/79/78/90,
      // lib 86/77/75/87 % statements/branches/functions/lines), so a change that drops tests fails.
      thresholds: {
        'src/compute/**/*.ts': { statements: 95, branches: 90, functions: 95, lines: 95 },
        'src/schema/**/*.ts': { statements: 85, branches: 75, functions: 72, lines: 85 },
        'src/lib/**/*.ts': { statements: 80, branches: 70, functions: 68, lines: 80 },
      },
    },
  },
});
