/**
 * Builds the open-data export (`/papers.json`, shape in src/schema/open-data.ts) from the parsed
 * entries and their knowledge (src/lib/knowledge.ts). Pure: the page passes astro:content entries,
 * the tests pass entries read from disk.
 */
import type { Concept } from '../schema/concept.ts';
import { OPEN_DATA_VERSION, type OpenData } from '../schema/open-data.ts';
import type { Paper } from '../schema/paper.ts';
import type { ReadingPath } from '../schema/path.ts';
import type { Resource } from '../schema/resource.ts';
import type { CollectionName } from '../schema/taxonomy.ts';
import type { Topic } from '../schema/topic.ts';
import type { Knowledge } from './knowledge.ts';
import { entryPath, withBase } from './slug.ts';

/** Where the export and its schema are published, relative to the base path. */
export const OPEN_DATA_PATH = '/papers.json';
export const OPEN_DATA_SCHEMA_PATH = '/schema/papers.schema.json';

interface Entry<T> {
  id: string;
  data: T;
}

export interface OpenDataInput {
  /** The public origin, e.g. https://you.github.io. */
  site: string;
  /** The base path, e.g. / or /attention-atlas/. */
  base: string;
  papers: readonly Entry<Paper>[];
  concepts: readonly Entry<Concept>[];
  topics: readonly Entry<Topic>[];
  paths: readonly Entry<ReadingPath>[];
  resources: readonly Entry<Resource>[];
  knowledge: Knowledge;
}

/** An absolute URL on the site: origin + base path + path. */
export function siteUrl(site: string, base: string, path: string): string {
  return new URL(withBase(path, base), site).href;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);

/** The whole knowledge base as one JSON-ready object, in a stable order. */
export function buildOpenData(input: OpenDataInput): OpenData {
  const { site, base, knowledge } = input;
  const page = (collection: CollectionName, id: string) => siteUrl(site, base, entryPath(collection, id));
  const relations: OpenData['relations'] = knowledge.relations.map((r) => ({ source: r.from, type: r.type, target: r.to, note: r.note }));
  const mentions: OpenData['mentions'] = knowledge.mentions.map((m) => ({ source: m.from, target: m.to }));
  relations.sort((a, b) => a.source.localeCompare(b.source) || a.target.localeCompare(b.target) || a.type.localeCompare(b.type));
  mentions.sort((a, b) => a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
  return {
    $schema: siteUrl(site, base, OPEN_DATA_SCHEMA_PATH),
    schemaVersion: OPEN_DATA_VERSION,
    title: 'Attention Atlas: papers, relations, concepts, topics and reading paths',
    site: siteUrl(site, base, '/'),
    papers: [...input.papers]
      .sort((a, b) => a.data.year - b.data.year || a.id.localeCompare(b.id))
      .map((p) => ({ id: p.id, page: page('papers', p.id), ...p.data, added: day(p.data.added) })),
    concepts: [...input.concepts].sort(byId).map((c) => ({ id: c.id, page: page('concepts', c.id), ...c.data, added: day(c.data.added) })),
    topics: [...input.topics].sort(byId).map((t) => ({ id: t.id, page: page('topics', t.id), ...t.data })),
    paths: [...input.paths]
      .sort((a, b) => (a.data.order ?? 99) - (b.data.order ?? 99) || a.id.localeCompare(b.id))
      .map((p) => ({ id: p.id, page: page('paths', p.id), ...p.data })),
    resources: [...input.resources].sort(byId).map((r) => ({ id: r.id, ...r.data })),
    relations,
    mentions,
  };
}
