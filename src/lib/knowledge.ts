/**
 * The knowledge of the atlas, built once from its entries: the index of every entry (its kind, title
 * and page), the wikilink mentions in every body, the typed relations between papers, and both
 * directions of each (outgoing links and backlinks).
 *
 * Pure: it takes plain records and returns plain maps. The build's loader (src/integrations/
 * content-loader.ts) calls it on the files it reads, the pages (src/data/site-data.ts) on the
 * collections Astro gives them, and the scripts and tests on whatever they load, so that the
 * wikilink plugin, `lint:content`, every page, the open-data export and the knowledge diff see the
 * same facts. Nothing here throws: links and relations that point nowhere are collected in
 * `brokenLinks` and `danglingRelations`, which the linter reports and the pages refuse.
 */
import type { CollectionName, RelationType } from '../schema/taxonomy.ts';
import { entryPath } from './slug.ts';
import { buildIdIndex, findWikilinks, resolveWikilink, type EntryRef, type IdIndex, type WikilinkMatch } from './wikilinks.ts';

/** A node key: `papers/vaswani2017attention`. */
export type NodeKey = `${CollectionName}/${string}`;

export function nodeKey(collection: CollectionName, id: string): NodeKey {
  return `${collection}/${id}`;
}

export function parseNodeKey(key: NodeKey): { collection: CollectionName; id: string } {
  const slash = key.indexOf('/');
  return { collection: key.slice(0, slash) as CollectionName, id: key.slice(slash + 1) };
}

/**
 * A typed relation between two papers, read `from <type> to`: it is written in the `relations` of
 * the later paper (`from`) and points at the earlier one (`to`). Ids are paper ids.
 */
export interface Relation {
  from: string;
  to: string;
  type: RelationType;
  note: string;
}

/** A mention: a wikilink in the body of `from` that resolves to `to`. */
export interface Mention {
  from: NodeKey;
  to: NodeKey;
}

/** What the knowledge needs from one entry. */
export interface KnowledgeSource {
  collection: CollectionName;
  id: string;
  title: string;
  short?: string | undefined;
  year?: number | undefined;
  /** Other names readers search for (acronyms, nicknames). */
  aliases?: readonly string[] | undefined;
  /** A paper's arXiv id. */
  arxiv?: string | undefined;
  /** The Markdown/MDX body, scanned for wikilinks. */
  body?: string | undefined;
  /** A paper's `relations` frontmatter. */
  relations?: readonly { type: RelationType; target: string; note: string }[] | undefined;
}

/** One entry of the index. */
export interface IndexedEntry extends EntryRef {
  key: NodeKey;
  /** The page's root-relative path without the base path, e.g. /papers/vaswani2017attention/. */
  path: string;
  aliases?: readonly string[];
  arxiv?: string;
}

/** A wikilink that resolves to no entry, or to more than one. */
export interface BrokenLink {
  from: NodeKey;
  link: WikilinkMatch;
  message: string;
}

export interface Knowledge {
  /** Every entry of every collection, by node key, in source order. */
  entries: Map<NodeKey, IndexedEntry>;
  /** Ids to entries, for resolving wikilinks. */
  index: IdIndex;
  /** Every typed relation whose target exists, in source order. */
  relations: Relation[];
  /** Every resolved wikilink, once per source and target, never an entry to itself. */
  mentions: Mention[];
  /** Relations whose target is not a paper of the atlas (the linter reports them at their line). */
  danglingRelations: Relation[];
  brokenLinks: BrokenLink[];
  /** Relations written on a paper ("Builds on"). */
  relationsFrom(paperId: string): Relation[];
  /** Relations pointing at a paper ("Built upon by"). */
  relationsTo(paperId: string): Relation[];
  /** Entries whose bodies link to `key` ("Mentioned in"), each once. */
  mentionsOf(key: NodeKey): NodeKey[];
  /** Entries the body of `key` links to. */
  mentionsFrom(key: NodeKey): NodeKey[];
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Builds the knowledge of a set of entries. */
export function buildKnowledge(sources: Iterable<KnowledgeSource>): Knowledge {
  const list = [...sources];
  const entries = new Map<NodeKey, IndexedEntry>();
  for (const s of list) {
    const key = nodeKey(s.collection, s.id);
    entries.set(key, {
      key,
      collection: s.collection,
      id: s.id,
      title: s.title,
      path: entryPath(s.collection, s.id),
      ...(s.short !== undefined ? { short: s.short } : {}),
      ...(s.year !== undefined ? { year: s.year } : {}),
      ...(s.aliases !== undefined ? { aliases: s.aliases } : {}),
      ...(s.arxiv !== undefined ? { arxiv: s.arxiv } : {}),
    });
  }
  const index = buildIdIndex(entries.values());
  const relations: Relation[] = [];
  const danglingRelations: Relation[] = [];
  const mentions: Mention[] = [];
  const brokenLinks: BrokenLink[] = [];
  for (const s of list) {
    const from = nodeKey(s.collection, s.id);
    for (const r of s.relations ?? []) {
      const relation: Relation = { from: s.id, to: r.target, type: r.type, note: r.note };
      (entries.has(nodeKey('papers', r.target)) ? relations : danglingRelations).push(relation);
    }
    const seen = new Set<NodeKey>();
    for (const link of findWikilinks(s.body ?? '')) {
      const resolved = resolveWikilink(link, index);
      if (!resolved.ok) {
        brokenLinks.push({ from, link, message: resolved.message });
        continue;
      }
      const to = nodeKey(resolved.entry.collection, resolved.entry.id);
      if (to === from || seen.has(to)) continue;
      seen.add(to);
      mentions.push({ from, to });
    }
  }
  const out = new Map<string, Relation[]>();
  const into = new Map<string, Relation[]>();
  for (const r of relations) {
    push(out, r.from, r);
    push(into, r.to, r);
  }
  const mentionedBy = new Map<NodeKey, NodeKey[]>();
  const mentioning = new Map<NodeKey, NodeKey[]>();
  for (const m of mentions) {
    push(mentionedBy, m.to, m.from);
    push(mentioning, m.from, m.to);
  }
  return {
    entries,
    index,
    relations,
    mentions,
    danglingRelations,
    brokenLinks,
    relationsFrom: (id) => out.get(id) ?? [],
    relationsTo: (id) => into.get(id) ?? [],
    mentionsOf: (key) => mentionedBy.get(key) ?? [],
    mentionsFrom: (key) => mentioning.get(key) ?? [],
  };
}

/**
 * Throws when a relation or a wikilink points nowhere: a page must never render a dangling link.
 * The linter and the build's content guard report the same problems first, with file and line.
 */
export function assertComplete(knowledge: Knowledge): Knowledge {
  const problems = [
    ...knowledge.danglingRelations.map((r) => `papers/${r.from} --${r.type}--> papers/${r.to}`),
    ...knowledge.brokenLinks.map((b) => `${b.from}: ${b.message}`),
  ];
  if (problems.length > 0) {
    throw new Error(
      `knowledge: ${problems.length} link(s) point at entries that do not exist:\n  ${problems.join('\n  ')}\nFix: correct the ids, or add the missing notes (npm run lint:content lists them with their lines).`,
    );
  }
  return knowledge;
}
