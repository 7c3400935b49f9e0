/**
 * Everything the pages need, computed once per build from astro:content: the sorted collections and
 * the knowledge (src/lib/knowledge.ts: the entry index, relations, mentions and backlinks), built by
 * the same function the linter and the wikilink plugin use.
 *
 * src/data is the site's data layer: the modules that talk to Astro (astro:content) or keep build
 * caches on disk, above the pure src/lib and below the components, layouts and pages.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { assertComplete, buildKnowledge, type IndexedEntry, type Knowledge, type NodeKey } from '../lib/knowledge.ts';
import { entryPath, withBase } from '../lib/slug.ts';
import { defaultLabel, shortTitle, type IdIndex } from '../lib/wikilinks.ts';
import type { CollectionName } from '../schema/taxonomy.ts';

export type PaperEntry = CollectionEntry<'papers'>;
export type ConceptEntry = CollectionEntry<'concepts'>;
export type TopicEntry = CollectionEntry<'topics'>;
export type PathEntry = CollectionEntry<'paths'>;
export type ResourceEntry = CollectionEntry<'resources'>;

export interface SiteData {
  papers: PaperEntry[];
  concepts: ConceptEntry[];
  topics: TopicEntry[];
  paths: PathEntry[];
  resources: ResourceEntry[];
  paperById: Map<string, PaperEntry>;
  conceptById: Map<string, ConceptEntry>;
  topicById: Map<string, TopicEntry>;
  index: IdIndex;
  /** Every entry of every collection by its node key ("resources/cs224n-rnn-slides"), for titles. */
  entryByKey: Map<NodeKey, IndexedEntry>;
  /** Relations, mentions and both directions of each. */
  knowledge: Knowledge;
  /** Papers per topic id, newest first. */
  papersByTopic: Map<string, PaperEntry[]>;
}

let cache: Promise<SiteData> | undefined;

/** The site data, built on first use and shared by every page of the build. */
export function siteData(): Promise<SiteData> {
  cache ??= load();
  return cache;
}

async function load(): Promise<SiteData> {
  const [papers, concepts, topics, paths, resources] = await Promise.all([
    getCollection('papers'),
    getCollection('concepts'),
    getCollection('topics'),
    getCollection('paths'),
    getCollection('resources'),
  ]);
  papers.sort((a, b) => b.data.year - a.data.year || a.data.title.localeCompare(b.data.title));
  concepts.sort((a, b) => a.data.title.localeCompare(b.data.title));
  topics.sort((a, b) => a.data.title.localeCompare(b.data.title));
  paths.sort((a, b) => (a.data.order ?? 99) - (b.data.order ?? 99) || a.data.title.localeCompare(b.data.title));
  resources.sort((a, b) => a.data.title.localeCompare(b.data.title));

  const knowledge = assertComplete(
    buildKnowledge([
      ...papers.map((p) => ({
        collection: 'papers' as const,
        id: p.id,
        title: p.data.title,
        year: p.data.year,
        short: p.data.short,
        aliases: p.data.aliases,
        arxiv: p.data.arxiv,
        body: p.body,
        relations: p.data.relations,
      })),
      ...concepts.map((c) => ({
        collection: 'concepts' as const,
        id: c.id,
        title: c.data.title,
        short: c.data.short,
        aliases: c.data.aliases,
        body: c.body,
      })),
      ...[...topics, ...paths, ...resources].map((e) => ({
        collection: e.collection,
        id: e.id,
        title: e.data.title,
        body: e.body,
      })),
    ]),
  );
  const papersByTopic = new Map<string, PaperEntry[]>(topics.map((t) => [t.id, []]));
  for (const p of papers) for (const t of p.data.topics) papersByTopic.get(t)?.push(p);

  return {
    papers,
    concepts,
    topics,
    paths,
    resources,
    index: knowledge.index,
    entryByKey: knowledge.entries,
    knowledge,
    papersByTopic,
    paperById: new Map(papers.map((p) => [p.id, p])),
    conceptById: new Map(concepts.map((c) => [c.id, c])),
    topicById: new Map(topics.map((t) => [t.id, t])),
  };
}

/** The site-relative URL of an entry, with the configured base path. */
export function href(collection: CollectionName, id: string): string {
  return withBase(entryPath(collection, id), import.meta.env.BASE_URL);
}

/** A root-relative path with the base path prepended. */
export function url(path: string): string {
  return withBase(path, import.meta.env.BASE_URL);
}

/** "BERT (2018)" for a paper. */
export function paperLabel(p: PaperEntry): string {
  return defaultLabel({
    collection: 'papers',
    id: p.id,
    title: p.data.title,
    year: p.data.year,
    ...(p.data.short ? { short: p.data.short } : {}),
  });
}

/** The short name of a paper without the year. */
export function paperShort(p: PaperEntry): string {
  return p.data.short ?? shortTitle(p.data.title);
}

/** "Vaswani, Shazeer, Parmar et al." style author line. */
export function authorLine(authors: readonly string[], max = 3): string {
  return authors.length <= max ? authors.join(', ') : `${authors.slice(0, max).join(', ')} et al.`;
}
