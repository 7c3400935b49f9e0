/**
 * Closed vocabularies used by the schemas: relation types, model families, note depths and resource kinds.
 * Kept in one place so the schemas, the JSON Schema for editors, the pages and the docs agree.
 */

/** How one paper relates to another. A relation lives on the later paper and points at the earlier one. */
export const RELATION_TYPES = [
  'builds-on',
  'extends',
  'improves',
  'variant-of',
  'alternative-to',
  'critiques',
  'surveys',
  'applies',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** What each relation type means, read as "this paper <verb> the target". Shown in the UI and in CONTRIBUTING. */
export const RELATION_LABELS: Record<RelationType, { outgoing: string; incoming: string }> = {
  'builds-on': { outgoing: 'Builds on', incoming: 'Built upon by' },
  extends: { outgoing: 'Extends', incoming: 'Extended by' },
  improves: { outgoing: 'Improves on', incoming: 'Improved by' },
  'variant-of': { outgoing: 'Variant of', incoming: 'Has variant' },
  'alternative-to': { outgoing: 'Alternative to', incoming: 'Alternative proposed by' },
  critiques: { outgoing: 'Critiques', incoming: 'Critiqued by' },
  surveys: { outgoing: 'Surveys', incoming: 'Surveyed by' },
  applies: { outgoing: 'Applies', incoming: 'Applied by' },
};

/** Architecture families for model papers. */
export const FAMILIES = ['encoder-only', 'decoder-only', 'encoder-decoder', 'recurrent', 'other'] as const;
export type Family = (typeof FAMILIES)[number];

/** landmark: a long note with sections and equations; note: a shorter summary. */
export const DEPTHS = ['landmark', 'note'] as const;
export type Depth = (typeof DEPTHS)[number];

/**
 * What kind of headline result a paper has. `measured`: a benchmark score, speed-up or size, with the
 * paper's numbers. The others are for papers that report no such number: `survey` (a review: its
 * claim says what it covers and how it organises it), `formal` (definitions, proofs or pseudocode
 * without experiments), `demonstration` (a system shown by qualitative examples, with no benchmark).
 */
export const RESULT_KINDS = ['measured', 'survey', 'formal', 'demonstration'] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];

/** How a paper page introduces its result, by kind. */
export const RESULT_LABELS: Record<ResultKind, string> = {
  measured: 'Headline result.',
  survey: 'What the survey covers.',
  formal: 'What the paper delivers.',
  demonstration: 'What the paper demonstrates.',
};

/** Kinds of non-paper material. */
export const RESOURCE_KINDS = ['article', 'video', 'course', 'slides', 'tool', 'code', 'book'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** Every collection, in the order the site lists them. Also the optional prefix of a wikilink: [[topic:moe]]. */
export const COLLECTIONS = ['papers', 'concepts', 'topics', 'paths', 'resources'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/** Minimum body length in words, by kind of note. */
export const BODY_MIN_WORDS = { note: 150, landmark: 700, concept: 300 } as const;

/** Maximum length of a tldr or summary, in characters. */
export const TLDR_MAX = 200;
