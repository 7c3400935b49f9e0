/**
 * `npm run lint:content` — checks every note without a full build: schemas, references, wikilinks,
 * duplicate ids/titles/arXiv ids, the arXiv prefix against the year, tldr length, body minimums and math.
 * Prints every problem at once as `path:line: field: problem. Fix: …`; exits 1 when there are errors.
 *
 * Options:
 *   --json           machine-readable output: { problems: Problem[], counts }
 *   --content DIR    check another content directory (default: content/)
 * In GitHub Actions (GITHUB_ACTIONS=true) each problem is also printed as an ::error annotation.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from '../src/lib/content-files.ts';
import { checkContent } from '../src/lib/content-rules.ts';
import { formatProblem, type Problem } from '../src/schema/index.ts';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, content: { type: 'string' } } });
const root = process.cwd();
const { content, problems: fileProblems } = loadContent(root, values.content ? resolve(values.content) : undefined);
const problems: Problem[] = [...fileProblems, ...checkContent(content)].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
const counts = Object.fromEntries(Object.entries(content).map(([k, v]) => [k, v.length]));
const errors = problems.filter((p) => p.severity === 'error');

if (values.json) {
  console.log(JSON.stringify({ problems, counts }, null, 2));
} else {
  for (const p of problems) console.log(formatProblem(p));
  if (process.env['GITHUB_ACTIONS'] === 'true') {
    for (const p of problems) {
      const esc = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
      console.log(`::${p.severity} file=${p.file}${p.line ? `,line=${p.line}` : ''},title=${esc(p.field || 'content')}::${esc(p.message)}`);
    }
  }
  const summary = Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ');
  console.log(errors.length === 0 ? `lint:content: ${summary}; no problems.` : `lint:content: ${errors.length} problem(s) in ${new Set(errors.map((p) => p.file)).size} file(s) (${summary}).`);
}
process.exit(errors.length === 0 ? 0 : 1);
