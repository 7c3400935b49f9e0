/**
 * All content schemas in one place, and the one helper that turns zod issues into messages a
 * contributor can act on: what is wrong, then how to fix it, with the offending value.
 *
 * Used by src/content.config.ts (the build), scripts/*.ts (lint, scaffold, diff) and the tests.
 */
import type { z } from 'astro/zod';
import { conceptSchema } from './concept.ts';
import { paperSchema } from './paper.ts';
import { pathSchema } from './path.ts';
import { resourceSchema } from './resource.ts';
import { topicSchema } from './topic.ts';
import type { CollectionName } from './taxonomy.ts';

export * from './concept.ts';
export * from './fields.ts';
export * from './paper.ts';
export * from './path.ts';
export * from './resource.ts';
export * from './suggest.ts';
export * from './taxonomy.ts';
export * from './topic.ts';

/** The schema of each collection. */
export const SCHEMAS = {
  papers: paperSchema,
  concepts: conceptSchema,
  topics: topicSchema,
  paths: pathSchema,
  resources: resourceSchema,
} as const satisfies Record<CollectionName, z.ZodType>;

/** The file extension of each collection's entries (MDX where bodies hold math and demos). */
export const EXTENSIONS: Record<CollectionName, string> = {
  papers: 'mdx',
  concepts: 'mdx',
  topics: 'md',
  paths: 'md',
  resources: 'md',
};

/** One problem found in one file. `line` is 1-based when known. */
export interface Problem {
  file: string;
  line?: number;
  /** Dotted field path, e.g. `relations.2.target`, or empty for file-level problems. */
  field: string;
  /** What is wrong, then `Fix: …`. */
  message: string;
  severity: 'error' | 'warning';
}

/** Thrown by parseWithFriendlyErrors; carries every problem, not just the first. */
export class ContentError extends Error {
  override readonly name = 'ContentError';
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.problems = problems;
  }
}

/** `path:line: field: problem. Fix: …` — the one format every checker prints. */
export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  return `${where}: ${p.field ? `${p.field}: ` : ''}${p.message}`;
}

/**
 * Parses `data` with `schema`. On failure throws a ContentError listing every issue as a Problem.
 * `lineOf` maps a field path to its line in the source file, when the caller knows it.
 */
export function parseWithFriendlyErrors<S extends z.ZodType>(
  schema: S,
  data: unknown,
  file: string,
  lineOf?: (path: readonly PropertyKey[]) => number | undefined,
): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw new ContentError(friendlyIssues(schema, result.error.issues, data, file, lineOf));
}

/** Converts zod issues into Problems, adding a fix where zod's own message has none. */
export function friendlyIssues(
  schema: z.ZodType,
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  file: string,
  lineOf?: (path: readonly PropertyKey[]) => number | undefined,
): Problem[] {
  return issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    let message = issue.message;
    if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && valueAt(data, issue.path) === undefined) {
      const doc = describeField(schema, issue.path);
      message = `${field || 'a field'} is missing. Fix: add ${field}:${doc ? ` ${doc}` : ' to the frontmatter.'}`;
    } else if (!/Fix:/.test(message)) {
      const doc = describeField(schema, issue.path);
      message = `${message.replace(/\.?$/, '.')} Fix: ${doc ?? 'see the field docs in src/schema/.'}`;
    }
    const line = lineOf?.(issue.path);
    return { file, ...(line ? { line } : {}), field, message, severity: 'error' as const };
  });
}

/** The `.describe()` text of the field at `path`, walking objects, arrays and optionals. */
export function describeField(schema: z.ZodType, path: readonly PropertyKey[]): string | undefined {
  let node: unknown = schema;
  for (const key of path) {
    node = unwrap(node);
    const def = (node as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown } }).def;
    if (def?.type === 'object' && typeof key === 'string') node = def.shape?.[key];
    else if (def?.type === 'array') node = def.element;
    else return undefined;
  }
  return (node as { description?: string } | undefined)?.description;
}

/** The value at `path` inside plain data, or undefined. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function unwrap(node: unknown): unknown {
  let n = node as { def?: { type?: string; innerType?: unknown; in?: unknown } } | undefined;
  while (n?.def && ['optional', 'default', 'nullable', 'pipe', 'prefault'].includes(n.def.type ?? '')) {
    n = (n.def.innerType ?? n.def.in) as typeof n;
  }
  return n;
}
