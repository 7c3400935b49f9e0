/**
 * The content linter as a function: every per-file and cross-entry problem of a content directory,
 * sorted by file and line. Shared by `npm run lint:content`, `npm run diff:knowledge` and the tests.
 */
import { loadContent, type ContentSet } from '../../src/lib/content-files.ts';
import { checkContent } from '../../src/lib/content-rules.ts';
import type { Problem } from '../../src/schema/index.ts';

export interface LintResult {
  content: ContentSet;
  problems: Problem[];
  /** Entries read per collection. */
  counts: Record<string, number>;
}

/** Lints `contentDir` (default `<root>/content`); file paths in problems are relative to `root`. */
export function lintContent(root: string, contentDir?: string): LintResult {
  const { content, problems: fileProblems } = loadContent(root, contentDir);
  const problems = [...fileProblems, ...checkContent(content)].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.field.localeCompare(b.field),
  );
  const counts = Object.fromEntries(Object.entries(content).map(([k, v]) => [k, v.length]));
  return { content, problems, counts };
}
