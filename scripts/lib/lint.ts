/**
 * The content linter as a function: every per-file and cross-entry problem of a content directory,
 * sorted by file and line. Shared by `npm run lint:content`, `npm run diff:knowledge` and the tests.
 * It takes the entries, the knowledge and the demo folders from the one content loader.
 */
import { loadContent } from '../../src/integrations/content-loader.ts';
import type { ContentSet } from '../../src/lib/content-entry.ts';
import { checkContent } from '../../src/lib/content-rules/index.ts';
import type { Problem } from '../../src/schema/index.ts';

export interface LintResult {
  content: ContentSet;
  problems: Problem[];
  /** Entries read per collection. */
  counts: Record<string, number>;
}

/**
 * Lints `contentDir` (default `<root>/content`); file paths in problems are relative to `root`. The
 * demo folders of `<root>/src/demos/` are checked against the concepts when the content is the
 * project's own (no `contentDir`).
 */
export function lintContent(root: string, contentDir?: string): LintResult {
  const { content, problems: fileProblems, knowledge, demos } = loadContent(root, contentDir);
  const options = contentDir === undefined ? { knowledge, demos, requireResults: true } : { knowledge };
  const problems = [...fileProblems, ...checkContent(content, options)].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.field.localeCompare(b.field),
  );
  const counts = Object.fromEntries(Object.entries(content).map(([k, v]) => [k, v.length]));
  return { content, problems, counts };
}
