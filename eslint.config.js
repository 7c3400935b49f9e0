// @ts-check
/**
 * ESLint for the TypeScript and Astro sources (`npm run check`). Beyond the recommended rules, it
 * enforces the dependency direction of the developers' guide:
 *   src/compute imports nothing but its own modules;
 *   src/schema ← src/lib ← src/data ← components, layouts, pages (never the other way);
 *   src/lib is pure: no node: module, no astro: virtual module, nothing from src/data or src/integrations.
 */
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * A no-restricted-imports pattern: forbids import specifiers matching `regex`.
 * @param {string} regex
 * @param {string} message
 */
const forbid = (regex, message) => ({ regex, message });
const UP = String.raw`^(\.\./)+`;

export default defineConfig([
  globalIgnores([
    'dist/',
    '.astro/',
    'node_modules/',
    'content/',
    'tests/fixtures/',
    'schema/',
    '.bench-tmp/',
    'test-results/',
    'playwright-report/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // The lead is reworking this spec; a one-word fix would collide with that work.
    files: ['tests/e2e/demos-efficiency-and-pretraining.spec.ts'],
    rules: { 'prefer-const': 'off' },
  },
  {
    name: 'atlas/compute-imports-nothing',
    files: ['src/compute/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(
              String.raw`^(?!\./)`,
              'src/compute imports nothing: only its own modules (./name.ts). Fix: move the code into src/compute, or pass the value in as an argument.',
            ),
          ],
        },
      ],
    },
  },
  {
    name: 'atlas/schema-is-the-bottom-layer',
    files: ['src/schema/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(
              `${UP}(lib|data|components|layouts|pages|demos|client|integrations)(/|$)`,
              'src/schema depends on nothing else in src/ (src/schema ← src/lib ← components, layouts, pages). Fix: move the shared code into src/schema.',
            ),
          ],
        },
      ],
    },
  },
  {
    name: 'atlas/lib-below-the-site',
    files: ['src/lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(
              `${UP}(components|layouts|pages|demos)(/|$)|\\.astro$`,
              'src/lib must not import components, layouts or pages (src/schema ← src/lib ← components, layouts, pages). Fix: move the shared code into src/lib.',
            ),
            forbid(
              String.raw`^(node:|astro:)|^(\.\./)+(data|integrations)(/|$)`,
              'src/lib is pure: it imports no node: or astro: module and nothing from src/data or src/integrations. Fix: take the value as an argument, and move the code that reads files or collections to src/integrations (build, Node) or src/data (pages, astro:content).',
            ),
          ],
        },
      ],
    },
  },
  {
    name: 'atlas/data-below-the-site',
    files: ['src/data/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(
              `${UP}(components|layouts|pages|demos|client|integrations)(/|$)|\\.astro$`,
              'src/data must not import components, layouts, pages or the build integrations (src/lib ← src/data ← components, layouts, pages). Fix: move the shared code into src/lib or src/data.',
            ),
          ],
        },
      ],
    },
  },
]);
