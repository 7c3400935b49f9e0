/**
 * The invariants that hold across the knowledge base, checked on entries read from disk, one module
 * per concern:
 * - schema.ts: what the frontmatter must say beyond each file's schema (unique titles and arXiv ids,
 *   a headline result on every short note);
 * - references.ts: every id resolves (frontmatter references, wikilinks, demos) and every paper is
 *   reachable from a topic or path;
 * - body.ts: no leftover scaffold text or placeholder, word minimums, MDX syntax, math;
 * - files.ts: file names agree with their frontmatter, ids are unique, every demo folder is listed.
 * The per-file checks (folders, file names, YAML, schemas) run as the loader reads each file.
 *
 * Every rule reports `Problem`s (file, line, what is wrong, how to fix it); none throws.
 */
import type { Problem } from '../../schema/index.ts';
import { knowledgeOfContent, type ContentSet } from '../content-entry.ts';
import type { Knowledge } from '../knowledge.ts';
import { checkBodies, checkMath, checkMdx, checkScaffoldLeftovers } from './body.ts';
import { checkDemoFolders, checkDuplicateIds, checkKeys, type DemoFolder } from './files.ts';
import { checkDemoNames, checkReachability, checkReferences, checkWikilinks } from './references.ts';
import { checkHeadlineResults, checkUniqueFields } from './schema.ts';

export { extractMath, MDX_COMPONENTS, wordCount } from './body.ts';
export type { DemoFolder } from './files.ts';

export interface CheckOptions {
  /** The knowledge of `content`, when the caller has it already (the loader builds it once). */
  knowledge?: Knowledge;
  /**
   * The demo folders under src/demos/. When given, every folder must be listed by a concept and every
   * listed name must be a folder; `npm run lint:content` passes them, the build of another content
   * set (the test fixtures) does not.
   */
  demos?: readonly DemoFolder[];
  /**
   * Whether every short note must have a `result`. `npm run lint:content` and the build require it;
   * the rules' own unit tests leave it out to test one rule at a time.
   */
  requireResults?: boolean;
}

/** Runs every cross-entry rule. */
export function checkContent(content: ContentSet, options: CheckOptions = {}): Problem[] {
  const knowledge = options.knowledge ?? knowledgeOfContent(content);
  return [
    ...checkUniqueFields(content),
    ...checkDuplicateIds(content),
    ...checkKeys(content),
    ...checkReferences(content),
    ...checkWikilinks(content, knowledge),
    ...checkDemoNames(content, options.demos),
    ...checkScaffoldLeftovers(content),
    ...checkBodies(content),
    ...checkMdx(content),
    ...checkMath(content),
    ...checkReachability(content),
    ...(options.demos ? checkDemoFolders(content, options.demos) : []),
    ...(options.requireResults ? checkHeadlineResults(content) : []),
  ];
}
