/**
 * One entry as its source file states it: the frontmatter (with the line of every field), validated
 * with the shared schemas, and the body, collecting every problem with its file and line instead of
 * stopping at the first.
 *
 * Pure: it parses a string. The loader that reads content/ from disk (src/integrations/
 * content-loader.ts) calls it once per file.
 */
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { EXTENSIONS, SCHEMAS, friendlyIssues, type Problem } from '../schema/index.ts';
import { RELATION_TYPES, type CollectionName } from '../schema/taxonomy.ts';
import { PAPER_ID, SLUG_ID } from '../schema/fields.ts';
import { buildKnowledge, type Knowledge, type KnowledgeSource } from './knowledge.ts';
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

/** Every entry of a content set, collection by collection. */
export function allEntries(content: ContentSet): SourceEntry[] {
  return (Object.values(content) as SourceEntry[][]).flat();
}

/**
 * What the knowledge takes from an entry read from disk. Titles, short names and years come from the
 * raw frontmatter, so that links to an entry with a schema error still resolve and only that error is
 * reported. Relations come from the raw frontmatter too, each one that names a known type and a
 * target, so that a schema error elsewhere in a note does not hide its relations.
 */
export function knowledgeSource(e: SourceEntry): KnowledgeSource {
  const raw = e.raw ?? {};
  const relations = e.collection === 'papers' ? relationsOf(raw) : undefined;
  return {
    collection: e.collection,
    id: e.id,
    title: typeof raw['title'] === 'string' ? raw['title'] : e.id,
    ...(typeof raw['short'] === 'string' ? { short: raw['short'] } : {}),
    ...(typeof raw['year'] === 'number' ? { year: raw['year'] } : {}),
    ...(Array.isArray(raw['aliases']) ? { aliases: raw['aliases'].filter((a): a is string => typeof a === 'string') } : {}),
    ...(typeof raw['arxiv'] === 'string' ? { arxiv: raw['arxiv'] } : {}),
    body: e.body,
    ...(relations ? { relations } : {}),
  };
}

function relationsOf(raw: Record<string, unknown>): KnowledgeSource['relations'] {
  const list = raw['relations'];
  if (!Array.isArray(list)) return undefined;
  return list.flatMap((r: unknown) => {
    if (!r || typeof r !== 'object') return [];
    const { type, target, note } = r as Record<string, unknown>;
    const known = RELATION_TYPES.find((t) => t === type);
    return known && typeof target === 'string' ? [{ type: known, target, note: typeof note === 'string' ? note : '' }] : [];
  });
}

/** The knowledge of a content set read from disk (src/lib/knowledge.ts). */
export function knowledgeOfContent(content: ContentSet): Knowledge {
  return buildKnowledge(allEntries(content).map(knowledgeSource));
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
