/**
 * Content rules, schema: what the frontmatter must say beyond what each file's zod schema checks.
 * The schemas themselves run per file as the loader parses it (src/lib/content-entry.ts, with the
 * schemas in src/schema/); these rules need the whole set: titles and arXiv ids are unique, and
 * every short note states its paper's headline result.
 */
import type { Problem } from '../../schema/index.ts';
import type { ContentSet, SourceEntry } from '../content-entry.ts';

/** No two papers share a title (ignoring case and punctuation) or an arXiv id (ignoring the version). */
export function checkUniqueFields(content: ContentSet): Problem[] {
  const problems: Problem[] = [];
  const unique = (field: 'title' | 'arxiv', normalise: (v: string) => string) => {
    const seen = new Map<string, SourceEntry>();
    for (const e of content.papers) {
      const value = e.raw?.[field];
      if (typeof value !== 'string') continue;
      const key = normalise(value);
      const first = seen.get(key);
      if (first) {
        problems.push({
          file: e.file,
          line: e.lineOf([field]) ?? 1,
          field,
          severity: 'error',
          message: `${field} "${value}" is already used by ${first.file}. Fix: ${field === 'arxiv' ? 'one paper has one note; merge the two notes or correct the id' : 'two papers cannot share a title; check which note is the duplicate'}.`,
        });
      } else seen.set(key, e);
    }
  };
  unique('title', (t) =>
    t
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim(),
  );
  unique('arxiv', (a) => a.replace(/v\d+$/, ''));
  return problems;
}

/**
 * Every short note (depth: note) states the paper's headline result: a landmark's body carries its
 * results in sections of its own, a short note's only summary of them is this field. A note whose
 * paper's numbers could not be checked says why in `resultMissing` instead, so the gap is on record
 * in the note a contributor would edit; a note cannot have both.
 */
export function checkHeadlineResults(content: ContentSet): Problem[] {
  const problems: Problem[] = [];
  for (const e of content.papers) {
    const raw = e.raw;
    if (!raw) continue;
    const hasResult = raw['result'] !== undefined;
    const missing = raw['resultMissing'] !== undefined;
    if (hasResult && missing) {
      problems.push({
        file: e.file,
        line: e.lineOf(['resultMissing']) ?? 1,
        field: 'resultMissing',
        severity: 'error',
        message: 'the note has a result and still says why it has none. Fix: delete the resultMissing line.',
      });
    } else if (!hasResult && !missing && raw['depth'] !== 'landmark') {
      problems.push({
        file: e.file,
        line: e.lineOf(['tldr']) ?? 1,
        field: 'result',
        severity: 'error',
        message:
          "this short note has no result. Fix: add, after the tldr, result: { claim, source } with the paper's headline number in your own sentence and the table or section that prints it (for a survey, formal paper or qualitative demonstration, add kind: survey, formal or demonstration and say what it delivers).",
      });
    }
  }
  return problems;
}
