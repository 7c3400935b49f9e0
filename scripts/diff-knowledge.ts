/**
 * `npm run diff:knowledge -- --base <ref>` — a reviewer's summary of what the working tree changes in
 * the knowledge base compared with a git revision: entries added, changed (which fields) or removed,
 * relations added or removed, backlinks gained or lost, topics and reading paths touched, and the
 * lint problems it introduces or fixes (scripts/lib/knowledge-diff.ts). Prints Markdown, ready for a
 * GitHub job summary: `npm run diff:knowledge -- --base origin/main >> "$GITHUB_STEP_SUMMARY"`.
 *
 * Options:
 *   --base REF    the revision to compare with (required); by default its merge base with HEAD, so
 *                 only the branch's own changes show, as in `git diff REF...`
 *   --exact       compare with REF itself rather than the merge base
 *   --json        the diff as JSON instead of Markdown
 *
 * Only reads: the base revision is read with git cat-file, never checked out. Exits 0 whatever the
 * diff holds (lint:content is the gate), and 2 on a usage error.
 */
import { parseArgs } from 'node:util';
import { DiffError, diffKnowledge, renderMarkdown } from './lib/knowledge-diff.ts';

const USAGE = 'Usage: npm run diff:knowledge -- --base <git ref> [--exact] [--json]   e.g. --base origin/main';

try {
  const { values } = parseArgs({
    options: { base: { type: 'string' }, exact: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
  });
  if (!values.base) throw new DiffError(`--base is required. Fix: name the branch to compare with.\n${USAGE}`);
  const diff = diffKnowledge({ root: process.cwd(), base: values.base, exact: values.exact });
  console.log(values.json ? JSON.stringify(diff, null, 2) : renderMarkdown(diff));
} catch (err) {
  if (err instanceof DiffError || (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))) {
    console.error(`diff:knowledge: ${err.message}`);
    process.exitCode = 2;
  } else throw err;
}
