/**
 * `npm run lint:content` — checks every entry without a full build: schemas, references, wikilinks,
 * duplicate ids/titles/arXiv ids, the arXiv prefix and the file name against the year, tldr length,
 * leftover scaffold guidance and placeholders, body minimums, MDX syntax and math, and that every demo
 * folder under src/demos/ is listed by a concept page that embeds it (src/lib/content-rules/).
 * Prints every problem at once as `path:line: field: problem. Fix: …`; exits 1 when there are errors
 * (warnings are printed but do not fail).
 *
 * Options:
 *   --json           machine-readable output: { ok, problems: Problem[], counts, errors, warnings }
 *   --content DIR    check another content directory (default: content/)
 * In GitHub Actions (GITHUB_ACTIONS=true) each problem is also printed as an ::error or ::warning
 * annotation, which GitHub shows on the source line of the pull request.
 *
 * It only reads: no file is ever written or changed.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { lintContent } from './lib/lint.ts';
import { formatProblem } from '../src/schema/index.ts';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, content: { type: 'string' } } });
const root = process.cwd();
const { problems, counts } = lintContent(root, values.content ? resolve(values.content) : undefined);
const errors = problems.filter((p) => p.severity === 'error');
const warnings = problems.length - errors.length;

if (values.json) {
  console.log(JSON.stringify({ ok: errors.length === 0, errors: errors.length, warnings, counts, problems }, null, 2));
} else {
  for (const p of problems) console.log(formatProblem(p) + (p.severity === 'warning' ? ' (warning)' : ''));
  if (process.env['GITHUB_ACTIONS'] === 'true') {
    const esc = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    const prop = (s: string) => esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
    for (const p of problems) {
      console.log(
        `::${p.severity} file=${prop(p.file)}${p.line ? `,line=${p.line}` : ''},title=${prop(p.field || 'content')}::${esc(p.message)}`,
      );
    }
  }
  const summary = Object.entries(counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  const warned = warnings ? `; ${warnings} warning(s)` : '';
  console.log(
    errors.length === 0
      ? `lint:content: ${summary}; no problems${warned}.`
      : `lint:content: ${errors.length} problem(s) in ${new Set(errors.map((p) => p.file)).size} file(s)${warned} (${summary}).`,
  );
}
process.exit(errors.length === 0 ? 0 : 1);
