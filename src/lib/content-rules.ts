/**
 * The invariants that hold across the knowledge base, checked on entries read from disk.
 * Schema checks run per file (content-files.ts); these need the whole set:
 * references resolve, ids/titles/arXiv ids are unique, bodies are long enough, math compiles,
 * and every paper is reachable from a topic or path.
 *
 * Every rule reports `Problem`s (file, line, what is wrong, how to fix it); none throws.
 */
import katex from 'katex';
import { BODY_MIN_WORDS, type CollectionName } from '../schema/taxonomy.ts';
import { nearest } from '../schema/suggest.ts';
import type { Problem } from '../schema/index.ts';
import type { ContentSet, SourceEntry } from './content-files.ts';
import { KATEX_OPTIONS } from './katex-macros.ts';
import { buildIdIndex, findWikilinks, maskCodeAndMath, resolveWikilink, type EntryRef, type IdIndex } from './wikilinks.ts';

/** Runs every cross-entry rule. */
export function checkContent(content: ContentSet): Problem[] {
  const index = idIndexOf(content);
  return [
    ...checkDuplicates(content),
    ...checkReferences(content),
    ...checkWikilinks(content, index),
    ...checkBodies(content),
    ...checkMath(content),
    ...checkReachability(content),
  ];
}

/** The wikilink index of everything on disk. */
export function idIndexOf(content: ContentSet): IdIndex {
  const refs: EntryRef[] = [];
  for (const [collection, entries] of Object.entries(content) as [CollectionName, SourceEntry[]][]) {
    for (const e of entries) {
      const raw = e.raw ?? {};
      refs.push({
        collection,
        id: e.id,
        title: typeof raw['title'] === 'string' ? raw['title'] : e.id,
        ...(typeof raw['short'] === 'string' ? { short: raw['short'] } : {}),
        ...(typeof raw['year'] === 'number' ? { year: raw['year'] } : {}),
      });
    }
  }
  return buildIdIndex(refs);
}

/** Duplicate ids (also differing only in case), titles and arXiv ids. */
export function checkDuplicates(content: ContentSet): Problem[] {
  const problems: Problem[] = [];
  for (const entries of Object.values(content) as SourceEntry[][]) {
    const seen = new Map<string, SourceEntry>();
    for (const e of entries) {
      const key = e.id.toLowerCase();
      const first = seen.get(key);
      if (first) {
        problems.push({ file: e.file, line: 1, field: '', severity: 'error', message: `duplicate id "${e.id}": ${first.file} has the same id. Fix: rename one of the two files.` });
      } else seen.set(key, e);
    }
  }
  const unique = (field: 'title' | 'arxiv', normalise: (v: string) => string) => {
    const seen = new Map<string, SourceEntry>();
    for (const e of content.papers) {
      const value = e.raw?.[field];
      if (typeof value !== 'string') continue;
      const key = normalise(value);
      const first = seen.get(key);
      if (first) {
        problems.push({
          file: e.file, line: e.lineOf([field]) ?? 1, field, severity: 'error',
          message: `${field} "${value}" is already used by ${first.file}. Fix: ${field === 'arxiv' ? 'one paper has one note; merge the two notes or correct the id' : 'two papers cannot share a title; check which note is the duplicate'}.`,
        });
      } else seen.set(key, e);
    }
  };
  unique('title', (t) => t.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim());
  unique('arxiv', (a) => a.replace(/v\d+$/, ''));
  return problems;
}

/** Frontmatter references: topics, concepts, relation targets, path steps, prerequisites, parents. */
export function checkReferences(content: ContentSet): Problem[] {
  const problems: Problem[] = [];
  const ids = {
    papers: new Set(content.papers.map((e) => e.id)),
    concepts: new Set(content.concepts.map((e) => e.id)),
    topics: new Set(content.topics.map((e) => e.id)),
  };
  const check = (e: SourceEntry, path: (string | number)[], value: unknown, kind: keyof typeof ids) => {
    if (typeof value !== 'string' || ids[kind].has(value)) return;
    const near = nearest(value, ids[kind], 3);
    problems.push({
      file: e.file, line: e.lineOf(path) ?? 1, field: path.join('.'), severity: 'error',
      message: `"${value}" is not a known ${kind.slice(0, -1)}. Fix: ${near.length ? `did you mean ${near.map((n) => `"${n}"`).join(', ')}? ` : ''}use an id from content/${kind}/.`,
    });
  };
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  for (const e of content.papers) {
    list(e.raw?.['topics']).forEach((t, i) => check(e, ['topics', i], t, 'topics'));
    list(e.raw?.['concepts']).forEach((c, i) => check(e, ['concepts', i], c, 'concepts'));
    list(e.raw?.['relations']).forEach((r, i) => {
      const target = (r as Record<string, unknown> | null)?.['target'];
      if (target === e.id) {
        problems.push({ file: e.file, line: e.lineOf(['relations', i, 'target']) ?? 1, field: `relations.${i}.target`, severity: 'error', message: `a paper cannot relate to itself. Fix: point the relation at another paper.` });
      } else check(e, ['relations', i, 'target'], target, 'papers');
    });
  }
  for (const e of content.concepts) {
    list(e.raw?.['topics']).forEach((t, i) => check(e, ['topics', i], t, 'topics'));
    list(e.raw?.['papers']).forEach((p, i) => check(e, ['papers', i], p, 'papers'));
    list(e.raw?.['prerequisites']).forEach((c, i) => check(e, ['prerequisites', i], c, 'concepts'));
  }
  for (const e of content.topics) check(e, ['parent'], e.raw?.['parent'], 'topics');
  for (const e of content.resources) list(e.raw?.['topics']).forEach((t, i) => check(e, ['topics', i], t, 'topics'));
  for (const e of content.paths) {
    list(e.raw?.['steps']).forEach((s, i) => {
      const step = s as Record<string, unknown> | null;
      check(e, ['steps', i, 'paper'], step?.['paper'], 'papers');
      check(e, ['steps', i, 'concept'], step?.['concept'], 'concepts');
    });
  }
  return problems;
}

/** Every [[wikilink]] in every body resolves to exactly one entry. */
export function checkWikilinks(content: ContentSet, index: IdIndex): Problem[] {
  const problems: Problem[] = [];
  for (const entries of Object.values(content) as SourceEntry[][]) {
    for (const e of entries) {
      for (const link of findWikilinks(e.body)) {
        const r = resolveWikilink(link, index);
        if (!r.ok) problems.push({ file: e.file, line: e.bodyLine + link.line - 1, field: 'body', severity: 'error', message: r.message });
      }
    }
  }
  return problems;
}

/** Counts the words of a body as a reader sees them: no math, code, markup or link syntax. */
export function wordCount(body: string): number {
  const text = maskCodeAndMath(body)
    .replace(/\[\[([^\]|]+\|)?([^\]]+)\]\]/g, '$2')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/[#*_>|`[\]]/g, ' ');
  return text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

/** Bodies meet the word minimums; landmarks have a display equation. */
export function checkBodies(content: ContentSet): Problem[] {
  const problems: Problem[] = [];
  for (const e of content.papers) {
    const depth = e.raw?.['depth'] === 'landmark' ? 'landmark' : 'note';
    const min = BODY_MIN_WORDS[depth];
    const words = wordCount(e.body);
    if (words < min) {
      problems.push({ file: e.file, line: e.bodyLine, field: 'body', severity: 'error', message: `the body has ${words} words; a ${depth} needs at least ${min}. Fix: cover the problem, the key idea, the results, why it matters and its limitations, in your own words.` });
    }
    if (depth === 'landmark' && !/^\s*\$\$/m.test(e.body)) {
      problems.push({ file: e.file, line: e.bodyLine, field: 'body', severity: 'error', message: 'a landmark note has no display equation. Fix: add the key equation on its own lines between $$ and $$.' });
    }
  }
  for (const e of content.concepts) {
    const words = wordCount(e.body);
    if (words < BODY_MIN_WORDS.concept) {
      problems.push({ file: e.file, line: e.bodyLine, field: 'body', severity: 'error', message: `the body has ${words} words; a concept page needs at least ${BODY_MIN_WORDS.concept}. Fix: derive the equations step by step.` });
    }
  }
  for (const e of content.topics) {
    if (wordCount(e.body) < 40) {
      problems.push({ file: e.file, line: e.bodyLine, field: 'body', severity: 'error', message: 'a topic needs a description paragraph of at least 40 words. Fix: say what the topic covers and how its papers connect.' });
    }
  }
  return problems;
}

/** Every $…$ and $$…$$ compiles with KaTeX and the shared macros. */
export function checkMath(content: ContentSet): Problem[] {
  const problems: Problem[] = [];
  for (const entries of [content.papers, content.concepts] as SourceEntry[][]) {
    for (const e of entries) {
      for (const { tex, display, line } of extractMath(e.body)) {
        try {
          katex.renderToString(tex, { ...KATEX_OPTIONS, macros: { ...KATEX_OPTIONS.macros }, displayMode: display });
        } catch (err) {
          const reason = err instanceof Error ? err.message.replace(/^KaTeX parse error: /, '') : String(err);
          problems.push({ file: e.file, line: e.bodyLine + line - 1, field: 'body', severity: 'error', message: `KaTeX cannot render ${display ? '$$' : '$'}${tex.trim().slice(0, 60)}${display ? '$$' : '$'}: ${reason}. Fix: correct the TeX (the shared macros are listed in CONTRIBUTING.md).` });
        }
      }
    }
  }
  return problems;
}

/** Inline and display math in a body, skipping code. Lines are 1-based within the body. */
export function extractMath(body: string): { tex: string; display: boolean; line: number }[] {
  const noCode = body
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, (s) => s.replace(/[^\n]/g, ' '))
    .replace(/`[^`\n]*`/g, (s) => ' '.repeat(s.length));
  const out: { tex: string; display: boolean; line: number }[] = [];
  const re = /\$\$([\s\S]+?)\$\$|(?<![\\$])\$(?!\$)([^$\n]+?)\$/g;
  for (const m of noCode.matchAll(re)) {
    const line = noCode.slice(0, m.index).split('\n').length;
    if (m[1] !== undefined) out.push({ tex: m[1], display: true, line });
    else out.push({ tex: m[2]!, display: false, line });
  }
  return out;
}

/** Every paper is listed by at least one topic it names, or by a path. */
export function checkReachability(content: ContentSet): Problem[] {
  const topics = new Set(content.topics.map((t) => t.id));
  const inPaths = new Set<string>();
  for (const p of content.paths) for (const s of (p.raw?.['steps'] as { paper?: string }[] | undefined) ?? []) if (s?.paper) inPaths.add(s.paper);
  return content.papers
    .filter((e) => !inPaths.has(e.id) && !((e.raw?.['topics'] as unknown[] | undefined) ?? []).some((t) => typeof t === 'string' && topics.has(t)))
    .map((e) => ({ file: e.file, line: e.lineOf(['topics']) ?? 1, field: 'topics', severity: 'error' as const, message: 'no topic or path leads to this paper. Fix: give it a topic from content/topics/ or add it to a path.' }));
}
