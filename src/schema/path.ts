/**
 * The frontmatter of a reading path: `content/paths/<id>.md`. Steps are read in order.
 */
import { z } from 'astro/zod';
import { line, paperRef, slugRef, unknownKeys } from './fields.ts';
import { TLDR_MAX } from './taxonomy.ts';

/** One step of a path: exactly one of paper or concept, and why it comes here. */
export const pathStepSchema = z
  .strictObject(
    {
      /** A paper id to read at this step. */
      paper: paperRef.optional().describe('A paper id (give paper or concept, not both).'),
      /** A concept id to read at this step. */
      concept: slugRef.optional().describe('A concept id (give paper or concept, not both).'),
      /** One line saying why this step comes here. */
      why: line('why', 240).describe('One line saying why this step comes here.'),
    },
    { error: (iss) => unknownKeys(iss, 'a path step', ['paper', 'concept', 'why']) },
  )
  .refine((s) => (s.paper === undefined) !== (s.concept === undefined), {
    error: 'a step must name exactly one of paper or concept. Fix: keep one of the two keys.',
  });

/** Reading-path frontmatter. */
export const pathSchema = z.strictObject(
  {
    /** The path's name, e.g. "From RNN attention to FlashAttention". */
    title: line('title', 120).describe('The path name.'),
    /** One sentence saying who the path is for and where it leads. */
    description: line('description', TLDR_MAX).describe(`One sentence of at most ${TLDR_MAX} characters.`),
    /** The reading list this path follows, if any (its file name in shared/reading-lists). */
    source: line('source', 200).optional().describe('The reading list this path follows, if any.'),
    /** The ordered steps. */
    steps: z
      .array(pathStepSchema, { error: 'steps must be a list. Fix: write steps as a YAML list of { paper, why } items.' })
      .min(2, { error: 'a path needs at least two steps. Fix: add steps, or make it a topic instead.' })
      .describe('Ordered steps, each { paper or concept, why }.'),
    /** Display order on the home page (lower first). */
    order: z.number().int().min(0).optional().describe('Display order on the home page, lower first.'),
  },
  { error: (iss) => unknownKeys(iss, 'path frontmatter', ['title', 'description', 'source', 'steps', 'order']) },
);
export type ReadingPath = z.output<typeof pathSchema>;
export type PathStep = z.output<typeof pathStepSchema>;
