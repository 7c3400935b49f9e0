/**
 * The open-data export, `/papers.json`: the whole knowledge base in one file, for scripts, notebooks
 * and other sites. Each entry is its frontmatter as the build reads it (defaults filled in, dates as
 * YYYY-MM-DD) plus its `id` and the absolute URL of its page on the site, `page`; `relations` and `mentions` list the
 * edges of the link graph. Its JSON Schema, `/schema/papers.schema.json`, is generated from this zod
 * schema (src/lib/open-data-schema.ts), so the two cannot drift apart.
 *
 * Bump OPEN_DATA_VERSION on any change to this file: the major part when a field is removed, renamed
 * or retyped, the minor part when one is added.
 */
import { z } from 'astro/zod';
import { conceptSchema } from './concept.ts';
import { PAPER_ID, SLUG_ID, paperRef, slugRef } from './fields.ts';
import { paperSchema, relationSchema } from './paper.ts';
import { pathSchema } from './path.ts';
import { resourceSchema } from './resource.ts';
import { COLLECTIONS } from './taxonomy.ts';
import { topicSchema } from './topic.ts';

/** The version of the export's shape (semver). */
export const OPEN_DATA_VERSION = '1.0.0';

const isoDate = z.iso.date().describe('Date the entry was added, YYYY-MM-DD.');
const pageUrl = z.url({ protocol: /^https?$/ }).describe("Absolute URL of the entry's page on the site.");
/** A node of the link graph: `<collection>/<id>`, e.g. papers/vaswani2017attention. */
const nodeKey = z
  .string()
  .regex(new RegExp(`^(?:papers/${PAPER_ID.source.slice(1, -1)}|(?:${COLLECTIONS.filter((c) => c !== 'papers').join('|')})/${SLUG_ID.source.slice(1, -1)})$`))
  .describe('A node of the link graph, <collection>/<id>, e.g. papers/vaswani2017attention.');

export const openDataPaperSchema = z.strictObject({ id: paperRef.describe('The note id, which is also its BibTeX key.'), page: pageUrl, ...paperSchema.shape, added: isoDate });
export const openDataConceptSchema = z.strictObject({ id: slugRef.describe('The concept id.'), page: pageUrl, ...conceptSchema.shape, added: isoDate });
export const openDataTopicSchema = z.strictObject({ id: slugRef.describe('The topic id.'), page: pageUrl, ...topicSchema.shape });
export const openDataPathSchema = z.strictObject({ id: slugRef.describe('The reading path id.'), page: pageUrl, ...pathSchema.shape });
export const openDataResourceSchema = z.strictObject({ id: slugRef.describe('The resource id.'), ...resourceSchema.shape });

/** One typed relation: `source` <type> `target`, e.g. devlin2018bert builds-on vaswani2017attention. */
export const openDataRelationSchema = z.strictObject({
  source: paperRef.describe('The paper that states the relation.'),
  type: relationSchema.shape.type,
  target: relationSchema.shape.target,
  note: relationSchema.shape.note,
});

/** One wikilink: the body of `source` links to `target`. */
export const openDataMentionSchema = z.strictObject({ source: nodeKey, target: nodeKey });

export const openDataSchema = z
  .strictObject({
    $schema: z.url().describe('The JSON Schema this file follows.'),
    schemaVersion: z.literal(OPEN_DATA_VERSION).describe('The version of this format (semver).'),
    title: z.string().describe('What this file is.'),
    site: z.url().describe('The site the data comes from.'),
    papers: z.array(openDataPaperSchema).describe('Every paper note, oldest first.'),
    concepts: z.array(openDataConceptSchema).describe('Every concept (math) page.'),
    topics: z.array(openDataTopicSchema).describe('The topic taxonomy.'),
    paths: z.array(openDataPathSchema).describe('Reading paths, in display order.'),
    resources: z.array(openDataResourceSchema).describe('Guides, videos, courses, tools and code the paths point to.'),
    relations: z.array(openDataRelationSchema).describe('Every typed relation between papers: the edges of the lineage graph.'),
    mentions: z.array(openDataMentionSchema).describe('Every wikilink from one entry body to another.'),
  })
  .describe('Attention Atlas: the whole knowledge base of Transformer papers, concepts, topics and reading paths.');

export type OpenData = z.output<typeof openDataSchema>;
