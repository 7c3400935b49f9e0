/**
 * The knowledge diff behind `npm run diff:knowledge`: what a branch changes in the knowledge base,
 * for a reviewer. The base revision's content/ is read with `git ls-tree` and `git cat-file` (no
 * checkout) into a scratch folder, and both sides go through the same loader, rules and link graph as
 * the build (the content loader via scripts/lib/lint.ts, and the knowledge, src/lib/knowledge.ts),
 * so the diff sees exactly what the site and the linter see.
 *
 * Reported: entries added, changed (which frontmatter fields, how the body changed) and removed;
 * typed relations added and removed; backlinks (relations and wikilink mentions) each entry gains or
 * loses; topics and reading paths touched; lint problems the branch introduces or fixes.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { knowledgeOfContent, type ContentSet, type SourceEntry } from '../../src/lib/content-entry.ts';
import { wordCount } from '../../src/lib/content-rules/index.ts';
import { nodeKey, type NodeKey } from '../../src/lib/knowledge.ts';
import { COLLECTIONS, formatProblem, type CollectionName, type Problem } from '../../src/schema/index.ts';
import { lintContent, type LintResult } from './lint.ts';

/** A user-facing error: the CLI prints the message and exits 2. */
export class DiffError extends Error {
  override readonly name = 'DiffError';
}

export interface EntryChange {
  collection: CollectionName;
  id: string;
  file: string;
  title: string;
  kind: 'added' | 'changed' | 'removed';
  /** Frontmatter fields added, changed or removed (changed entries only). */
  fields: string[];
  /** Body words before and after (undefined when the body did not change). */
  words?: { before: number; after: number };
  /** The file moved into this id (a rename keeps the same text under a new name). */
  renamedFrom?: string;
}

export interface RelationChange {
  from: string;
  type: string;
  target: string;
  note: string;
}

export interface BacklinkChange {
  target: NodeKey;
  title: string;
  gained: string[];
  lost: string[];
}

export interface MembershipChange {
  id: string;
  title: string;
  /** The entry itself was added, changed or removed. */
  entry?: EntryChange['kind'];
  added: string[];
  removed: string[];
}

export interface KnowledgeDiff {
  base: string;
  /** The commit compared against: the merge base of `base` and HEAD, or `base` itself. */
  baseCommit: string;
  viaMergeBase: boolean;
  entries: EntryChange[];
  relationsAdded: RelationChange[];
  relationsRemoved: RelationChange[];
  backlinks: BacklinkChange[];
  topics: MembershipChange[];
  paths: MembershipChange[];
  newProblems: Problem[];
  fixedProblems: Problem[];
}

export interface DiffOptions {
  /** The repository root (where content/ lives). */
  root: string;
  /** A git revision: branch, tag, commit. */
  base: string;
  /** Compare against `base` itself instead of its merge base with HEAD. */
  exact?: boolean;
}

function git(root: string, args: string[], input?: string): string {
  return execFileSync('git', args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    ...(input !== undefined ? { input } : {}),
  });
}

/** Resolves the revision to compare against, with a fix when it does not exist. */
export function resolveBase(root: string, base: string, exact = false): { commit: string; viaMergeBase: boolean } {
  let commit: string;
  try {
    commit = git(root, ['rev-parse', '--verify', '--quiet', `${base}^{commit}`]).trim();
  } catch {
    throw new DiffError(
      `"${base}" is not a commit in this repository. Fix: fetch it first (git fetch origin main, or a full clone: actions/checkout with fetch-depth: 0), or pass an existing branch, tag or commit.`,
    );
  }
  if (exact) return { commit, viaMergeBase: false };
  try {
    const mergeBase = git(root, ['merge-base', commit, 'HEAD']).trim();
    return { commit: mergeBase, viaMergeBase: mergeBase !== commit };
  } catch {
    return { commit, viaMergeBase: false };
  }
}

/**
 * Writes the content/ folder of `commit` into a scratch folder, reading blobs with one
 * `git cat-file --batch` call, and returns the scratch root.
 */
export function materialize(root: string, commit: string, contentDir = 'content'): string {
  const scratch = mkdtempSync(join(tmpdir(), 'atlas-diff-'));
  const paths = git(root, ['ls-tree', '-r', '-z', '--name-only', commit, '--', contentDir]).split('\0').filter(Boolean);
  mkdirSync(join(scratch, contentDir), { recursive: true });
  if (paths.length === 0) return scratch;
  const out = execFileSync('git', ['cat-file', '--batch'], {
    cwd: root,
    input: paths.map((p) => `${commit}:${p}`).join('\n') + '\n',
    maxBuffer: 256 * 1024 * 1024,
  });
  let at = 0;
  for (const path of paths) {
    const eol = out.indexOf(0x0a, at);
    const header = out.subarray(at, eol).toString('utf8');
    const m = /^\S+ (\w+) (\d+)$/.exec(header);
    if (!m) throw new DiffError(`git cat-file could not read ${commit}:${path} (${header}).`);
    const size = Number(m[2]);
    const body = out.subarray(eol + 1, eol + 1 + size);
    at = eol + 1 + size + 1; // the blob is followed by a newline
    if (m[1] !== 'blob') continue;
    const file = join(scratch, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, body);
  }
  return scratch;
}

/** Compares the knowledge base at `base` with the working tree. */
export function diffKnowledge(options: DiffOptions): KnowledgeDiff {
  const { commit, viaMergeBase } = resolveBase(options.root, options.base, options.exact);
  const scratch = materialize(options.root, commit);
  let before: LintResult;
  try {
    before = lintContent(scratch);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const after = lintContent(options.root);
  return { base: options.base, baseCommit: commit, viaMergeBase, ...compare(before, after) };
}

type Compared = Omit<KnowledgeDiff, 'base' | 'baseCommit' | 'viaMergeBase'>;

/** The differences between two linted content sets (file paths relative to each root). */
export function compare(before: LintResult, after: LintResult): Compared {
  const entries = entryChanges(before.content, after.content);
  const { added: relationsAdded, removed: relationsRemoved } = relationChanges(before.content, after.content);
  return {
    entries,
    relationsAdded,
    relationsRemoved,
    backlinks: backlinkChanges(before.content, after.content),
    topics: topicChanges(before.content, after.content, entries),
    paths: pathChanges(before.content, after.content, entries),
    ...problemChanges(before.problems, after.problems),
  };
}

const all = (content: ContentSet): SourceEntry[] => COLLECTIONS.flatMap((c) => content[c] as SourceEntry[]);
const keyOf = (e: SourceEntry) => `${e.collection}/${e.id}`;
const titleOf = (e: SourceEntry | undefined) => (typeof e?.raw?.['title'] === 'string' ? e.raw['title'] : (e?.id ?? ''));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function entryChanges(before: ContentSet, after: ContentSet): EntryChange[] {
  const old = new Map(all(before).map((e) => [keyOf(e), e]));
  const now = new Map(all(after).map((e) => [keyOf(e), e]));
  const changes: EntryChange[] = [];
  for (const [key, e] of now) {
    const o = old.get(key);
    if (!o) {
      changes.push({ collection: e.collection, id: e.id, file: e.file, title: titleOf(e), kind: 'added', fields: [] });
      continue;
    }
    const fields = fieldChanges(o.raw, e.raw);
    const bodyChanged = o.body.trim() !== e.body.trim();
    if (fields.length === 0 && !bodyChanged) continue;
    changes.push({
      collection: e.collection,
      id: e.id,
      file: e.file,
      title: titleOf(e),
      kind: 'changed',
      fields,
      ...(bodyChanged ? { words: { before: wordCount(o.body), after: wordCount(e.body) } } : {}),
    });
  }
  for (const [key, o] of old) {
    if (!now.has(key)) changes.push({ collection: o.collection, id: o.id, file: o.file, title: titleOf(o), kind: 'removed', fields: [] });
  }
  // A removed and an added entry with the same text in one collection is a rename.
  for (const added of changes.filter((c) => c.kind === 'added')) {
    const a = now.get(`${added.collection}/${added.id}`)!;
    const removed = changes.find(
      (c) => c.kind === 'removed' && c.collection === added.collection && same(old.get(`${c.collection}/${c.id}`)?.raw, a.raw),
    );
    if (removed && old.get(`${removed.collection}/${removed.id}`)!.body.trim() === a.body.trim()) {
      added.renamedFrom = removed.id;
      changes.splice(changes.indexOf(removed), 1);
    }
  }
  const order = { added: 0, changed: 1, removed: 2 };
  return changes.sort(
    (a, b) =>
      order[a.kind] - order[b.kind] || COLLECTIONS.indexOf(a.collection) - COLLECTIONS.indexOf(b.collection) || a.id.localeCompare(b.id),
  );
}

/** Top-level frontmatter keys whose values differ; "frontmatter" when one side could not be read. */
function fieldChanges(a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined): string[] {
  if (!a || !b) return same(a, b) ? [] : ['frontmatter'];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.filter((k) => !same(a[k], b[k])).sort();
}

/** The relations of every paper, from its raw frontmatter (so a relation to a missing note still shows). */
function relationsOf(content: ContentSet): Map<string, RelationChange> {
  const out = new Map<string, RelationChange>();
  for (const p of content.papers) {
    const list = p.raw?.['relations'];
    if (!Array.isArray(list)) continue;
    for (const r of list as unknown[]) {
      if (!r || typeof r !== 'object') continue;
      const { type, target, note } = r as Record<string, unknown>;
      if (typeof type !== 'string' || typeof target !== 'string') continue;
      out.set(`${p.id} ${type} ${target}`, { from: p.id, type, target, note: typeof note === 'string' ? note : '' });
    }
  }
  return out;
}

function relationChanges(before: ContentSet, after: ContentSet): { added: RelationChange[]; removed: RelationChange[] } {
  const old = relationsOf(before);
  const now = relationsOf(after);
  return {
    added: [...now].filter(([k]) => !old.has(k)).map(([, r]) => r),
    removed: [...old].filter(([k]) => !now.has(k)).map(([, r]) => r),
  };
}

/**
 * Every entry's backlinks, as the site shows them (typed relations and resolved body wikilinks), from
 * the knowledge of the content set. Links to entries that do not exist are left out (the linter
 * reports them). Each backlink reads "papers/<id> (<type>)" or "<key> (mention)".
 */
function backlinksOf(content: ContentSet): Map<NodeKey, string[]> {
  const knowledge = knowledgeOfContent(content);
  const out = new Map<NodeKey, string[]>([...knowledge.entries.keys()].map((k) => [k, []]));
  for (const r of knowledge.relations) out.get(nodeKey('papers', r.to))!.push(`${nodeKey('papers', r.from)} (${r.type})`);
  for (const m of knowledge.mentions) out.get(m.to)!.push(`${m.from} (mention)`);
  return out;
}

function backlinkChanges(before: ContentSet, after: ContentSet): BacklinkChange[] {
  const old = backlinksOf(before);
  const now = backlinksOf(after);
  const titles = new Map(
    all(after)
      .concat(all(before))
      .map((e) => [nodeKey(e.collection, e.id), titleOf(e)] as const),
  );
  const out: BacklinkChange[] = [];
  for (const target of [...new Set([...old.keys(), ...now.keys()])].sort()) {
    const o = new Set(old.get(target) ?? []);
    const n = new Set(now.get(target) ?? []);
    const gained = [...n].filter((x) => !o.has(x)).sort();
    const lost = [...o].filter((x) => !n.has(x)).sort();
    if (gained.length || lost.length) out.push({ target, title: titles.get(target) ?? target, gained, lost });
  }
  return out;
}

const stringList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function topicChanges(before: ContentSet, after: ContentSet, entries: EntryChange[]): MembershipChange[] {
  const members = (content: ContentSet) => {
    const m = new Map<string, Set<string>>();
    for (const p of content.papers) for (const t of stringList(p.raw?.['topics'])) m.set(t, (m.get(t) ?? new Set()).add(p.id));
    return m;
  };
  const old = members(before);
  const now = members(after);
  const titles = new Map([...before.topics, ...after.topics].map((t) => [t.id, titleOf(t)]));
  const ids = new Set([...old.keys(), ...now.keys(), ...entries.filter((e) => e.collection === 'topics').map((e) => e.id)]);
  const out: MembershipChange[] = [];
  for (const id of [...ids].sort()) {
    const o = old.get(id) ?? new Set<string>();
    const n = now.get(id) ?? new Set<string>();
    const entry = entries.find((e) => e.collection === 'topics' && e.id === id)?.kind;
    const added = [...n].filter((x) => !o.has(x)).sort();
    const removed = [...o].filter((x) => !n.has(x)).sort();
    if (entry || added.length || removed.length) out.push({ id, title: titles.get(id) ?? id, ...(entry ? { entry } : {}), added, removed });
  }
  return out;
}

function pathChanges(before: ContentSet, after: ContentSet, entries: EntryChange[]): MembershipChange[] {
  const steps = (e: SourceEntry | undefined) =>
    (Array.isArray(e?.raw?.['steps']) ? (e.raw['steps'] as unknown[]) : []).flatMap((s) => {
      const step = (s ?? {}) as Record<string, unknown>;
      return typeof step['paper'] === 'string'
        ? [step['paper']]
        : typeof step['concept'] === 'string'
          ? [`concept:${step['concept']}`]
          : [];
    });
  const old = new Map(before.paths.map((p) => [p.id, p as SourceEntry]));
  const now = new Map(after.paths.map((p) => [p.id, p as SourceEntry]));
  const out: MembershipChange[] = [];
  for (const id of [...new Set([...old.keys(), ...now.keys()])].sort()) {
    const entry = entries.find((e) => e.collection === 'paths' && e.id === id)?.kind;
    if (!entry) continue;
    const o = steps(old.get(id));
    const n = steps(now.get(id));
    out.push({
      id,
      title: titleOf(now.get(id) ?? old.get(id)),
      entry,
      added: n.filter((x) => !o.includes(x)),
      removed: o.filter((x) => !n.includes(x)),
    });
  }
  return out;
}

/** Problems are matched by file, field and message: a line shift alone is not a new problem. */
function problemChanges(before: Problem[], after: Problem[]): { newProblems: Problem[]; fixedProblems: Problem[] } {
  const key = (p: Problem) => `${p.severity}\0${p.file}\0${p.field}\0${p.message}`;
  const old = new Set(before.map(key));
  const now = new Set(after.map(key));
  return { newProblems: after.filter((p) => !old.has(key(p))), fixedProblems: before.filter((p) => !now.has(key(p))) };
}

/* ----------------------------------------------------------------------------------------------- */
/* Markdown                                                                                         */

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (s: string) => '`' + s.replace(/`/g, "'") + '`';
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const SINGULAR: Record<CollectionName, string> = {
  papers: 'paper',
  concepts: 'concept',
  topics: 'topic',
  paths: 'path',
  resources: 'resource',
};

/** The diff as Markdown for a pull request's job summary. */
export function renderMarkdown(d: KnowledgeDiff, options: { maxItems?: number } = {}): string {
  const max = options.maxItems ?? 200;
  const lines: string[] = [];
  const against = d.viaMergeBase
    ? `${code(d.base)} (merge base ${code(d.baseCommit.slice(0, 10))})`
    : `${code(d.base)} (${code(d.baseCommit.slice(0, 10))})`;
  lines.push('## Knowledge diff', '', `Working tree compared with ${against}.`, '');

  const count = (kind: EntryChange['kind']) => d.entries.filter((e) => e.kind === kind).length;
  const errors = d.newProblems.filter((p) => p.severity === 'error').length;
  const warnings = d.newProblems.length - errors;
  const nothing = d.entries.length === 0 && d.newProblems.length === 0 && d.fixedProblems.length === 0;
  if (nothing) {
    lines.push('No changes to the knowledge base.');
    return lines.join('\n') + '\n';
  }
  lines.push(
    `**${plural(count('added'), 'entry', 'entries')} added, ${count('changed')} changed, ${count('removed')} removed** · ` +
      `${plural(d.relationsAdded.length, 'relation')} added, ${d.relationsRemoved.length} removed · ` +
      `${plural(d.backlinks.length, 'entry', 'entries')} with new or lost backlinks · ` +
      (d.newProblems.length ? `⚠️ ${plural(errors, 'new error')}, ${plural(warnings, 'new warning')}` : '✅ no new lint problems') +
      (d.fixedProblems.length ? ` · ${plural(d.fixedProblems.length, 'problem')} fixed` : ''),
    '',
  );

  const limit = <T>(list: T[], render: (x: T) => string) => [
    ...list.slice(0, max).map(render),
    ...(list.length > max ? [`- … and ${list.length - max} more`] : []),
  ];

  if (d.entries.length) {
    lines.push('### Entries', '', '| change | entry | title | details |', '| --- | --- | --- | --- |');
    for (const e of d.entries.slice(0, max)) {
      const details: string[] = [];
      if (e.renamedFrom) details.push(`renamed from ${code(e.renamedFrom)}`);
      if (e.fields.length) details.push(`fields: ${e.fields.map(code).join(', ')}`);
      if (e.words) {
        const delta = e.words.after - e.words.before;
        details.push(`body: ${e.words.before} → ${e.words.after} words${delta ? ` (${delta > 0 ? '+' : ''}${delta})` : ', reworded'}`);
      }
      lines.push(
        `| ${e.kind} | ${SINGULAR[e.collection]} ${code(e.id)} | ${cell(e.title)} | ${cell(details.join('; ')) || (e.kind === 'changed' ? '' : cell(e.file))} |`,
      );
    }
    if (d.entries.length > max) lines.push(`| | … and ${d.entries.length - max} more | | |`);
    lines.push('');
  }

  if (d.relationsAdded.length || d.relationsRemoved.length) {
    lines.push('### Relations', '');
    const rel = (sign: string) => (r: RelationChange) =>
      `- ${sign} ${code(r.from)} **${r.type}** ${code(r.target)}${r.note ? ` — ${r.note}` : ''}`;
    lines.push(...limit(d.relationsAdded, rel('➕')), ...limit(d.relationsRemoved, rel('➖')), '');
  }

  if (d.backlinks.length) {
    lines.push('### Backlinks', '', '| entry | gains | loses |', '| --- | --- | --- |');
    const kindOf = (target: NodeKey) => d.entries.find((e) => `${e.collection}/${e.id}` === target)?.kind;
    for (const b of d.backlinks.slice(0, max)) {
      // A new entry gains all its backlinks and a removed one loses them all: a count says enough.
      const kind = kindOf(b.target);
      const gained = kind === 'added' ? `${plural(b.gained.length, 'link')} to the new entry` : b.gained.join(', ');
      const lost = kind === 'removed' ? `${plural(b.lost.length, 'link')} to the removed entry` : b.lost.join(', ');
      lines.push(`| ${code(b.target)} ${cell(b.title)} | ${cell(gained)} | ${cell(lost)} |`);
    }
    if (d.backlinks.length > max) lines.push(`| … and ${d.backlinks.length - max} more | | |`);
    lines.push('');
  }

  const membership = (heading: string, noun: string, list: MembershipChange[]) => {
    if (!list.length) return;
    lines.push(
      `### ${heading}`,
      '',
      `| ${noun} | entry | ${noun === 'topic' ? 'papers added' : 'steps added'} | ${noun === 'topic' ? 'papers removed' : 'steps removed'} |`,
      '| --- | --- | --- | --- |',
    );
    for (const m of list.slice(0, max)) {
      lines.push(`| ${code(m.id)} ${cell(m.title)} | ${m.entry ?? ''} | ${cell(m.added.join(', '))} | ${cell(m.removed.join(', '))} |`);
    }
    lines.push('');
  };
  membership('Topics', 'topic', d.topics);
  membership('Reading paths', 'path', d.paths);

  if (d.newProblems.length || d.fixedProblems.length) {
    lines.push('### Validation', '');
    if (d.newProblems.length) {
      lines.push(`New problems from \`npm run lint:content\` (${plural(errors, 'error')}, ${plural(warnings, 'warning')}):`, '');
      lines.push(...limit(d.newProblems, (p) => `- ${p.severity === 'error' ? '❌' : '⚠️'} ${code(formatProblem(p))}`), '');
    }
    if (d.fixedProblems.length) {
      lines.push(`Fixed: ${plural(d.fixedProblems.length, 'problem')} reported at the base no longer appear.`, '');
    }
  }
  return lines.join('\n');
}
