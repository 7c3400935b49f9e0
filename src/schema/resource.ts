/**
 * The frontmatter of a resource: `content/resources/<id>.md` — an article, video, course, tool or code
 * library that the reading lists point to. The body may add a longer note.
 */
import { z } from 'astro/zod';
import { line, refList, slugRef, unknownKeys, webUrl } from './fields.ts';
import { RESOURCE_KINDS } from './taxonomy.ts';

/** Resource frontmatter. */
export const resourceSchema = z.strictObject(
  {
    /** The resource's title as its author gives it. */
    title: line('title', 200).describe('Title as its author gives it.'),
    /** The author, team or organisation. */
    author: line('author', 200).describe('Author, team or organisation.'),
    /** Where to find it. */
    url: webUrl('url').describe('Where to find it.'),
    /** What kind of material it is. */
    kind: z
      .enum(RESOURCE_KINDS, { error: (iss) => `kind "${String(iss.input)}" is unknown. Fix: use one of ${RESOURCE_KINDS.join(', ')}.` })
      .describe('What kind of material it is.'),
    /** One original line on what it is good for. */
    note: line('note', 240).describe('One original line on what it is good for.'),
    /** Topic ids. */
    topics: refList('topics', slugRef, 1).describe('One or more topic ids.'),
    /** Year published, if known. */
    year: z.number().int().min(1950).optional().describe('Year published, if known.'),
  },
  { error: (iss) => unknownKeys(iss, 'resource frontmatter', ['title', 'author', 'url', 'kind', 'note', 'topics', 'year']) },
);
export type Resource = z.output<typeof resourceSchema>;
