/**
 * How search ranks: the Pagefind ranking options shared by the search clients (src/client/) and the
 * relevance test (tests/e2e/search-relevance.spec.ts), and the name metadata pages give Pagefind.
 *
 * Pagefind adds a boost when the query's words appear in a metadata field, scaled by the field's
 * weight (https://pagefind.app/docs/ranking/). Pages tag three such fields:
 * - `exact`: the short name folded to one lowercase word ("GPT-2" → "gpt2", "LinkBERT" → "linkbert"),
 *   so "BERT" matches BERT's note and not LinkBERT's, whose short name Pagefind splits at "Link|BERT";
 * - `short`: the short name as written ("Sparsely-Gated MoE", "RoPE");
 * - `names`: every name readers type (short name, aliases, BibTeX key, arXiv id).
 * Names live only in metadata, never as hidden page text, so search excerpts show the note's words.
 */
import type { IndexedEntry } from './knowledge.ts';

/**
 * What the index leaves out (Pagefind's excludeSelectors, scripts/build-search-index.ts):
 * - KaTeX's HTML rendering and its MathML but for the TeX annotation, so a formula is indexed once,
 *   as its TeX source;
 * - every demo (`[data-demo]`, the element DemoFrame renders): its live output, tables, figure
 *   captions and step text are computed, not written, and would fill excerpts with "Step 5 of 16";
 * - a paper note's topic chips and its section headings ("The key idea", "Results"), which are the
 *   same on every note and would otherwise turn up in excerpts as fragments;
 * - anything marked data-pagefind-ignore.
 */
export const SEARCH_EXCLUDE_SELECTORS = [
  '.katex-html',
  '.katex-mathml semantics > :not(annotation)',
  '[data-demo]',
  '.paper-header .tags',
  '.paper .prose h2',
  '.paper .prose h3',
  '.paper .prose h4',
  '[data-pagefind-ignore]',
];

/** Options for `pagefind.options({ ranking })`. Title keeps Pagefind's default weight. */
export const SEARCH_RANKING = {
  metaWeights: { title: 5, exact: 30, short: 10, names: 8, authors: 3 },
} as const;

/**
 * How long the search inputs wait after a keystroke before they ask for a search (Pagefind's
 * `<pagefind-input debounce>`, 300 ms by default; 0 would mean that default, so 1). The waiting is
 * done by the scheduler of src/lib/search-scheduler.ts instead: a query starts at once when no search
 * runs, and while one runs only the newest query waits, so a debounce would only add its delay.
 */
export const SEARCH_DEBOUNCE_MS = 1;

/** A short name folded to one lowercase word of letters and digits: "GPT-2" → "gpt2", "∞-former" → "former". */
export function exactName(short: string): string {
  return short
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The name metadata of a page: pass to BaseLayout's `search.meta`. Empty names are dropped. */
/**
 * The names search matches for an entry of the knowledge (src/lib/knowledge.ts): a paper by its
 * short name, aliases, BibTeX key and arXiv id, a concept by its short name, title and aliases.
 */
export function entryNameMeta(
  e: Pick<IndexedEntry, 'collection' | 'id' | 'title' | 'short' | 'aliases' | 'arxiv'>,
): Record<string, string> {
  return e.collection === 'papers'
    ? nameMeta(e.short, [...(e.aliases ?? []), e.id, e.arxiv])
    : nameMeta(e.short, [e.title, ...(e.aliases ?? [])]);
}

export function nameMeta(short: string | undefined, names: readonly (string | undefined)[]): Record<string, string> {
  const all = [...new Set([short, ...names].filter((n): n is string => Boolean(n && n.trim())))];
  const folded = short ? exactName(short) : '';
  return {
    ...(all.length > 0 ? { names: all.join(' · ') } : {}),
    ...(short ? { short } : {}),
    ...(folded ? { exact: folded } : {}),
  };
}
