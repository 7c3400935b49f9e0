/**
 * Content rules, references: every id an entry names resolves. Frontmatter references (topics,
 * concepts, relation targets, path steps, prerequisites, parents, demos), body wikilinks (from the
 * knowledge, src/lib/knowledge.ts), and every paper is reachable from a topic or a path.
 */
import type { Problem } from '../../schema/index.ts';
import { nearest } from '../../schema/suggest.ts';
import type { ContentSet, SourceEntry } from '../content-entry.ts';
import type { Knowledge } from '../knowledge.ts';
import type { DemoFolder } from './files.ts';

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
    const near = nearest(
      value,
      [...ids[kind]].filter((id) => id !== e.id),
      3,
    );
    problems.push({
      file: e.file,
      line: e.lineOf(path) ?? 1,
      field: path.join('.'),
      severity: 'error',
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
        problems.push({
          file: e.file,
          line: e.lineOf(['relations', i, 'target']) ?? 1,
          field: `relations.${i}.target`,
          severity: 'error',
          message: `a paper cannot relate to itself. Fix: point the relation at another paper.`,
        });
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
export function checkWikilinks(content: ContentSet, knowledge: Knowledge): Problem[] {
  const byKey = new Map<string, SourceEntry>();
  for (const entries of Object.values(content) as SourceEntry[][]) for (const e of entries) byKey.set(`${e.collection}/${e.id}`, e);
  return knowledge.brokenLinks.flatMap(({ from, link, message }) => {
    const e = byKey.get(from);
    return e ? [{ file: e.file, line: e.bodyLine + link.line - 1, field: 'body', severity: 'error' as const, message }] : [];
  });
}

/**
 * A concept's `demos:` names demo folders (checked when the folders are known), and its body embeds
 * each with `<Demo name="…">`, which is what the list promises.
 */
export function checkDemoNames(content: ContentSet, demos: readonly DemoFolder[] | undefined): Problem[] {
  const problems: Problem[] = [];
  const known = demos?.map((d) => d.name);
  for (const e of content.concepts) {
    const names = e.raw?.['demos'];
    if (!Array.isArray(names)) continue;
    names.forEach((name, i) => {
      if (typeof name !== 'string') return;
      const line = e.lineOf(['demos', i]) ?? 1;
      if (known && known.length > 0 && !known.includes(name)) {
        const near = nearest(name, known, 3);
        problems.push({
          file: e.file,
          line,
          field: `demos.${i}`,
          severity: 'error',
          message: `"${name}" is not a demo. Fix: ${near.length ? `did you mean ${near.map((n) => `"${n}"`).join(', ')}? ` : ''}use the name of a folder under src/demos/.`,
        });
      } else if (!new RegExp(`<Demo\\s[^>]*name="${name}"`).test(e.body)) {
        problems.push({
          file: e.file,
          line,
          field: `demos.${i}`,
          severity: 'error',
          message: `the page lists the demo "${name}" but its body does not embed it. Fix: add <Demo name="${name}" /> where the text explains it, or remove "${name}" from demos:.`,
        });
      }
    });
  }
  return problems;
}

/** Every paper is listed by at least one topic it names, or by a path. */
export function checkReachability(content: ContentSet): Problem[] {
  const topics = new Set(content.topics.map((t) => t.id));
  const inPaths = new Set<string>();
  for (const p of content.paths)
    for (const s of (p.raw?.['steps'] as { paper?: string }[] | undefined) ?? []) if (s?.paper) inPaths.add(s.paper);
  // A paper without readable frontmatter, without topics, or naming an unknown topic is already
  // reported by the schema or the reference check.
  const listed = (e: SourceEntry) => (Array.isArray(e.raw?.['topics']) ? (e.raw['topics'] as unknown[]) : []);
  return content.papers
    .filter((e) => e.raw !== undefined && listed(e).length > 0 && !listed(e).some((t) => typeof t === 'string' && !topics.has(t)))
    .filter((e) => !inPaths.has(e.id) && !listed(e).some((t) => typeof t === 'string' && topics.has(t)))
    .map((e) => ({
      file: e.file,
      line: e.lineOf(['topics']) ?? 1,
      field: 'topics',
      severity: 'error' as const,
      message: 'no topic or path leads to this paper. Fix: give it a topic from content/topics/ or add it to a path.',
    }));
}
