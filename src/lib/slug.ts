/**
 * Ids, slugs and URLs — one module shared by the build, the scripts and the browser.
 * Pure: no Astro, no Node, no DOM.
 */
import type { CollectionName } from '../schema/taxonomy.ts';

/** Turns a heading or title into a URL fragment: "Multi-head attention!" → "multi-head-attention". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The wikilink prefix for each collection: [[paper:…]], [[concept:…]], [[topic:…]], [[path:…]], [[resource:…]]. */
export const PREFIX: Record<CollectionName, string> = {
  papers: 'paper',
  concepts: 'concept',
  topics: 'topic',
  paths: 'path',
  resources: 'resource',
};

/** The collection a wikilink prefix names, or undefined. */
export function collectionOfPrefix(prefix: string): CollectionName | undefined {
  return (Object.keys(PREFIX) as CollectionName[]).find((c) => PREFIX[c] === prefix);
}

/** Joins the site base ("/" or "/attention-atlas/") and a root-relative path without doubling slashes. */
export function withBase(path: string, base = '/'): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}

/** The root-relative URL of an entry's page. Resources have no page of their own: they anchor into /resources/. */
export function entryPath(collection: CollectionName, id: string): string {
  if (collection === 'resources') return `/resources/#${id}`;
  return `/${collection}/${id}/`;
}

/** arXiv abstract and PDF links for an id such as 1706.03762 (version suffix kept). */
export function arxivLinks(arxiv: string): { abs: string; pdf: string } {
  return { abs: `https://arxiv.org/abs/${arxiv}`, pdf: `https://arxiv.org/pdf/${arxiv}` };
}

/**
 * The paper id the naming convention suggests: first author's family name + year + first significant
 * title word, lowercased ASCII. "Attention Is All You Need", Vaswani, 2017 → vaswani2017attention.
 */
export function suggestPaperId(familyName: string, year: number, title: string): string {
  const ascii = (s: string) => slugify(s).replace(/-/g, '');
  const word = title
    .split(/[\s:,.;!?()\-–—/]+/)
    .map(ascii)
    .find((w) => w.length > 0 && !STOPWORDS.has(w));
  return `${ascii(familyName)}${year}${word ?? ''}`;
}

/** Words skipped when picking the first significant title word. */
const STOPWORDS = new Set([
  'a',
  'an',
  'the',
  'on',
  'of',
  'in',
  'for',
  'to',
  'and',
  'with',
  'by',
  'at',
  'from',
  'is',
  'are',
  'do',
  'does',
  'via',
  'towards',
  'toward',
]);
