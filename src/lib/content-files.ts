/**
 * Reads every entry under content/ straight from disk and validates it with the shared schemas,
 * collecting every problem with its file and line instead of stopping at the first.
 *
 * Node-only (it uses node:fs). Used by the build guard (src/integrations/content-guard.ts), the
 * markdown wikilink plugin, `npm run lint:content` and the tests. Pages use astro:content instead.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { EXTENSIONS, SCHEMAS, friendlyIssues, type Problem } from '../schema/index.ts';
import { COLLECTIONS, type CollectionName } from '../schema/taxonomy.ts';
import { PAPER_ID, SLUG_ID } from '../schema/fields.ts';
import type { z } from 'astro/zod';

/** An entry read from disk. `data` is the parsed frontmatter when it passed its schema. */
export interface SourceEntry<C extends CollectionName = CollectionName> {
  collection: C;
  id: string;
  /** Path relative to the project root, e.g. content/papers/vaswani2017attention.mdx. */
  file: string;
  data: z.output<(typeof SCHEMAS)[C]> | undefined;
  /** The raw frontmatter object, even when it failed validation (for cross-checks that can still run). */
  raw: Record<string, unknown> | undefined;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
  /** Line of each top-level or nested frontmatter field, e.g. lineOf(['relations', 0, 'target']). */
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

export type ContentSet = { [C in CollectionName]: SourceEntry<C>[] };

export interface LoadResult {
  content: ContentSet;
  problems: Problem[];
}

/** Loads every collection under `contentDir` (default: `<root>/content`). */
export function loadContent(root: string = process.cwd(), contentDir: string = join(root, 'content')): LoadResult {
  const problems: Problem[] = [];
  const content = {} as ContentSet;
  for (const collection of COLLECTIONS) {
    const dir = join(contentDir, collection);
    const files = listFiles(dir);
    if (files === undefined) {
      problems.push({
        file: relative(root, dir) || dir,
        field: '',
        severity: 'error',
        message: `the ${collection} folder is missing. Fix: create ${relative(root, dir)}/ with at least one entry.`,
      });
      (content as Record<string, unknown>)[collection] = [];
      continue;
    }
    const entries: SourceEntry[] = [];
    for (const path of files) {
      const file = relative(root, join(dir, path));
      const name = basename(path);
      const ext = EXTENSIONS[collection];
      if (!name.endsWith(`.${ext}`)) {
        if (/\.(md|mdx)$/.test(name)) {
          problems.push({
            file,
            line: 1,
            field: '',
            severity: 'error',
            message: `${collection} entries are .${ext} files. Fix: rename it to ${name.replace(/\.\w+$/, `.${ext}`)}.`,
          });
        }
        continue;
      }
      if (path !== name) {
        // The build's glob loader would give it the id "<folder>/<name>", which no link or URL expects.
        problems.push({
          file,
          line: 1,
          field: '',
          severity: 'error',
          message: `entries live directly in content/${collection}/, not in a subfolder. Fix: move it to content/${collection}/${name}.`,
        });
      }
      const id = name.slice(0, -(ext.length + 1));
      entries.push(readEntry(collection, id, file, readFileSync(join(dir, path), 'utf8'), problems));
    }
    if (entries.length === 0) {
      problems.push({
        file: relative(root, dir),
        field: '',
        severity: 'error',
        message: `the ${collection} collection is empty. Fix: add at least one .${EXTENSIONS[collection]} file, or check the folder name.`,
      });
    }
    (content as Record<string, unknown>)[collection] = entries;
  }
  return { content, problems };
}

/**
 * The files under `dir`, as paths relative to it, skipping names that start with "." or "_" (drafts),
 * as the build's glob loader does. Subfolders are listed too, so that a note filed one level too deep
 * is reported rather than silently built under another id.
 */
function listFiles(dir: string): string[] | undefined {
  try {
    if (!statSync(dir).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  const out: string[] = [];
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
      const path = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else out.push(path);
    }
  };
  walk('');
  return out.sort();
}

/** Parses one file: frontmatter (with line numbers), schema validation, body. Problems go to `problems`. */
export function readEntry<C extends CollectionName>(
  collection: C,
  id: string,
  file: string,
  source: string,
  problems: Problem[],
): SourceEntry<C> {
  const entry: SourceEntry<C> = { collection, id, file, data: undefined, raw: undefined, body: '', bodyLine: 1, lineOf: () => undefined };
  const idPattern = collection === 'papers' ? PAPER_ID : SLUG_ID;
  if (!idPattern.test(id)) {
    problems.push({
      file,
      line: 1,
      field: '',
      severity: 'error',
      message:
        collection === 'papers'
          ? `file name "${id}" is not a valid paper key. Fix: rename the file to family name + year + first title word, lowercase ASCII, e.g. vaswani2017attention.mdx.`
          : `file name "${id}" is not a valid id. Fix: rename the file to lowercase words joined by hyphens, e.g. multi-head-attention.${EXTENSIONS[collection]}.`,
    });
  }
  const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!fm) {
    problems.push({
      file,
      line: 1,
      field: '',
      severity: 'error',
      message: 'the file has no frontmatter. Fix: start it with a --- line, the YAML fields, and a closing --- line.',
    });
    entry.body = source;
    return entry;
  }
  entry.body = source.slice(fm[0].length);
  entry.bodyLine = fm[0].split('\n').length;
  const counter = new LineCounter();
  const doc = parseDocument(fm[1]!, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      const line = counter.linePos(err.pos[0]).line + 1;
      problems.push({
        file,
        line,
        field: '',
        severity: 'error',
        message: `the frontmatter is not valid YAML (${err.message.split('\n')[0]}). Fix: check indentation, quotes and colons near this line; quote text containing ": ".`,
      });
    }
    return entry;
  }
  entry.lineOf = (path) => lineOfPath(doc, counter, path);
  const raw = doc.toJS() as unknown;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({
      file,
      line: 2,
      field: '',
      severity: 'error',
      message: 'the frontmatter is not a set of key: value fields. Fix: write one field per line, e.g. title: "…".',
    });
    return entry;
  }
  entry.raw = raw as Record<string, unknown>;
  const schema = SCHEMAS[collection];
  const result = schema.safeParse(raw);
  if (result.success) entry.data = result.data as SourceEntry<C>['data'];
  else problems.push(...friendlyIssues(schema, result.error.issues, raw, file, entry.lineOf));
  return entry;
}

/** The 1-based file line of a frontmatter path (the frontmatter starts on line 2). Falls back to the nearest parent. */
function lineOfPath(doc: Document, counter: LineCounter, path: readonly PropertyKey[]): number | undefined {
  for (let len = path.length; len >= 0; len--) {
    const node = len === 0 ? doc.contents : doc.getIn(path.slice(0, len) as unknown[], true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line + 1;
    if (len > 0) {
      // A key whose value is missing still has a line: find the pair.
      const parent = len === 1 ? doc.contents : doc.getIn(path.slice(0, len - 1) as unknown[], true);
      const pair = (parent as { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | undefined)?.items?.find(
        (p) => p.key?.value === path[len - 1],
      );
      if (pair?.key?.range) return counter.linePos(pair.key.range[0]).line + 1;
    }
  }
  return undefined;
}
