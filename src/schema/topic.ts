/**
 * The frontmatter of a topic: `content/topics/<id>.md`. The body is the topic's description paragraph.
 */
import { z } from 'astro/zod';
import { line, slugRef, unknownKeys } from './fields.ts';
import { TLDR_MAX } from './taxonomy.ts';

/** Topic frontmatter: `content/topics/<id>.md`. */
export const topicSchema = z.strictObject(
  {
    /** The topic's name, e.g. "Mixture of experts". */
    title: line('title', 80).describe('The topic name.'),
    /** A one-sentence description used in lists and meta tags (the body holds the full paragraph). */
    description: line('description', TLDR_MAX).describe(`One sentence of at most ${TLDR_MAX} characters.`),
    /** A broader topic this one sits under. */
    parent: slugRef.optional().describe('Id of a broader topic, if any.'),
    /** Colour index for graphs and badges (0–11); topics that sit together get different colours. */
    color: z.number().int().min(0).max(11).optional().describe('Palette index 0–11 used for graph nodes.'),
  },
  { error: (iss) => unknownKeys(iss, 'topic frontmatter', ['title', 'description', 'parent', 'color']) },
);
export type Topic = z.output<typeof topicSchema>;
