/**
 * The frontmatter of a concept (math) page: `content/concepts/<id>.mdx`.
 * Concept pages derive equations step by step and embed the runnable demos.
 */
import { z } from 'astro/zod';
import { addedDate, line, paperRef, refList, slugRef, unknownKeys } from './fields.ts';
import { TLDR_MAX } from './taxonomy.ts';

const KEYS = ['title', 'summary', 'short', 'aliases', 'topics', 'papers', 'prerequisites', 'demos', 'added'] as const;

/** Concept frontmatter. */
export const conceptSchema = z.strictObject(
  {
    /** The concept's name, e.g. "Multi-head attention". */
    title: line('title', 120).describe('The concept name, e.g. "Multi-head attention".'),
    /** One original sentence saying what the concept is. */
    summary: line('summary', TLDR_MAX).describe(`One sentence of at most ${TLDR_MAX} characters.`),
    /** The abbreviation readers type for it, e.g. "RoPE"; search ranks it like a paper's short name. */
    short: line('short', 40).optional().describe('The abbreviation readers search for, e.g. RoPE. Search ranks a match here first.'),
    /** Acronyms readers search for, e.g. ["RoPE"]. */
    aliases: z.array(line('an alias', 60)).optional().describe('Acronyms readers search for, e.g. RoPE.'),
    /** Topic ids. */
    topics: refList('topics', slugRef, 1).describe('One or more topic ids.'),
    /** Papers that introduced or refined the idea. */
    papers: refList('papers', paperRef, 1).describe('Paper ids that introduced or refined the idea.'),
    /** Concepts to read first. */
    prerequisites: refList('prerequisites', slugRef, 0).default([]).describe('Concept ids to read first.'),
    /** Names of the interactive demos embedded on the page (folders under src/demos/). */
    demos: refList('demos', slugRef, 0).default([]).describe('Demo names (folders under src/demos/) embedded on the page.'),
    /** The date the page was added (YYYY-MM-DD). */
    added: addedDate.describe('Date the page was added, YYYY-MM-DD.'),
  },
  { error: (iss) => unknownKeys(iss, 'concept frontmatter', KEYS) },
);
export type Concept = z.output<typeof conceptSchema>;
