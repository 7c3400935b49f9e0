/**
 * The paper-note scaffold behind `npm run new`: metadata from the command line or a BibTeX entry,
 * the key by the id convention, and the file text with every required field and the body sections
 * of a good note. Works offline: BibTeX is parsed locally by citation-js, nothing is fetched.
 */
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { stringify } from 'yaml';
import { splitName } from '../../src/lib/bibtex.ts';
import { RESULT_GUIDANCE, TLDR_GUIDANCE, scaffoldBody } from '../../src/lib/note-template.ts';
import { suggestPaperId } from '../../src/lib/slug.ts';
import { ARXIV_ID, PAPER_ID } from '../../src/schema/fields.ts';

/** What the scaffold knows about a paper before the contributor edits the note. */
export interface PaperMeta {
  title: string;
  authors: string[];
  year: number;
  venue?: string;
  arxiv?: string;
  doi?: string;
  url?: string;
  topics?: string[];
}

/** A user-facing error: the CLI prints the message and exits 1. */
export class ScaffoldError extends Error {
  override readonly name = 'ScaffoldError';
}

/**
 * Reads an arXiv id in any common spelling ("1706.03762", "arXiv:1706.03762v5",
 * "https://arxiv.org/abs/1706.03762") and returns the bare new-style id, keeping a version suffix.
 */
export function parseArxivId(input: string): string | undefined {
  const m = /(?:^|arxiv[:/]|abs\/|pdf\/)\s*(\d{4}\.\d{4,5}(?:v\d+)?)(?:\.pdf)?\/?$/i.exec(input.trim());
  return m && ARXIV_ID.test(m[1]!) ? m[1] : undefined;
}

/** The year an arXiv id was first posted: 1706.03762 → 2017. */
export function arxivYear(arxiv: string): number {
  return 2000 + Number(arxiv.slice(0, 2));
}

/**
 * Splits an author list given on the command line. Names are separated by " and " or ";" (BibTeX
 * style, where "Vaswani, Ashish" is one name), or else by commas. "Family, Given" becomes "Given Family".
 */
export function parseAuthors(input: string): string[] {
  const parts = / and |;/.test(input) ? input.split(/\s+and\s+|;/) : input.split(',');
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const m = /^([^,]+),\s*(.+)$/.exec(p);
      return m ? `${m[2]} ${m[1]}` : p;
    });
}

/** Conference and journal names as the notes write them ("NeurIPS 2017"), by words in the BibTeX venue. */
const VENUES: [RegExp, string][] = [
  [/neural information processing systems|\bneurips\b|\bnips\b/i, 'NeurIPS'],
  [/international conference on machine learning|\bicml\b/i, 'ICML'],
  [/international conference on learning representations|\biclr\b/i, 'ICLR'],
  [/empirical methods in natural language processing|\bemnlp\b/i, 'EMNLP'],
  [/north american chapter|\bnaacl\b/i, 'NAACL'],
  [/european chapter of the association for computational linguistics|\beacl\b/i, 'EACL'],
  [/findings of the association for computational linguistics/i, 'Findings of ACL'],
  [/annual meeting of the association for computational linguistics|\bacl\b/i, 'ACL'],
  [/transactions of the association for computational linguistics|\btacl\b/i, 'TACL'],
  [/journal of machine learning research|\bjmlr\b/i, 'JMLR'],
  [/transactions on machine learning research|\btmlr\b/i, 'TMLR'],
  [/computer vision and pattern recognition|\bcvpr\b/i, 'CVPR'],
  [/international conference on computer vision|\biccv\b/i, 'ICCV'],
  [/european conference on computer vision|\beccv\b/i, 'ECCV'],
  [/\baaai\b/i, 'AAAI'],
  [/conference on language modeling|\bcolm\b/i, 'COLM'],
  [/neural computation/i, 'Neural Computation'],
];

/** "Advances in Neural Information Processing Systems", 2017 → "NeurIPS 2017"; unknown venues keep their name. */
export function venueName(container: string, year: number | undefined): string | undefined {
  if (/^arxiv\b|arxiv preprint|corr\b/i.test(container.trim())) return undefined;
  const short = VENUES.find(([re]) => re.test(container))?.[1] ?? container.trim();
  return year ? `${short} ${year}` : short;
}

type InputOptions = NonNullable<Parameters<typeof plugins.input.chain>[1]>;

interface BibEntry {
  type: string;
  label: string;
  properties: Record<string, string>;
}
interface CslName {
  given?: string;
  family?: string;
  literal?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
}
interface CslRecord {
  'citation-key'?: string;
  title?: string;
  author?: CslName[];
  issued?: { 'date-parts'?: number[][] };
  'container-title'?: string;
  DOI?: string;
  URL?: string;
}

/**
 * The entries of a BibTeX file, parsed by @citation-js/plugin-bibtex: the CSL record (names and
 * LaTeX accents decoded) next to the raw fields (for eprint and archivePrefix, which CSL drops).
 */
export function parseBibtex(text: string): { key: string; csl: CslRecord; raw: Record<string, string> }[] {
  let raw: BibEntry[];
  let csl: CslRecord[];
  try {
    // citation-js's typings mark every input option as required and type every chain's result as CSL,
    // although each option has a default and the result depends on `target`.
    raw = plugins.input.chain(text, {
      forceType: '@biblatex/text',
      target: '@biblatex/entries+list',
    } as InputOptions) as unknown as BibEntry[];
    csl = plugins.input.chain(text, { forceType: '@biblatex/text', generateGraph: false } as InputOptions) as CslRecord[];
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new ScaffoldError(
      `the BibTeX could not be parsed (${reason}). Fix: copy the entry again from the paper's page; it must look like @article{key, title={…}, author={…}, year={…}}.`,
    );
  }
  if (!Array.isArray(raw) || raw.length === 0)
    throw new ScaffoldError('the BibTeX file holds no entry. Fix: paste an entry such as @article{key, title={…}, author={…}, year={…}}.');
  return raw.map((entry, i) => ({
    key: entry.label,
    csl: csl.find((c) => c['citation-key'] === entry.label) ?? csl[i] ?? {},
    raw: lowerKeys(entry.properties),
  }));
}

function lowerKeys(o: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k.toLowerCase(), v]));
}

/** A display name from a CSL name: "Aäron van den Oord". */
function fullName(n: CslName): string {
  return n.literal ?? [n.given, n['dropping-particle'], n['non-dropping-particle'], n.family].filter(Boolean).join(' ');
}

/** The metadata of one BibTeX entry; `notes` lists what the contributor should double-check. */
export function metaFromBibtex(entry: ReturnType<typeof parseBibtex>[number]): { meta: Partial<PaperMeta>; notes: string[] } {
  const { csl, raw } = entry;
  const notes: string[] = [];
  const meta: Partial<PaperMeta> = {};
  if (csl.title) meta.title = csl.title.replace(/\s+/g, ' ').trim();
  if (csl.author?.length) meta.authors = csl.author.map(fullName);
  const year = csl.issued?.['date-parts']?.[0]?.[0] ?? (raw['year'] ? Number(raw['year']) : undefined);
  if (year) meta.year = year;
  // arXiv ids hide in eprint (with archivePrefix), or in journal ("arXiv preprint arXiv:…"), url, doi or note.
  let arxiv =
    raw['eprint'] && /arxiv/i.test(raw['archiveprefix'] ?? raw['eprinttype'] ?? 'arxiv') ? parseArxivId(raw['eprint']) : undefined;
  for (const v of [raw['journal'], raw['url'], raw['doi'], raw['note'], raw['howpublished']]) {
    if (arxiv) break;
    if (v && /arxiv/i.test(v)) arxiv = /(\d{4}\.\d{4,5})(v\d+)?/.exec(v)?.[1];
  }
  if (arxiv) meta.arxiv = arxiv.replace(/v\d+$/, '');
  const container = csl['container-title'] ?? raw['booktitle'] ?? raw['journal'];
  if (container) {
    const venue = venueName(container, year);
    if (venue) meta.venue = venue;
  }
  if (csl.DOI && !/^10\.48550\/arxiv/i.test(csl.DOI)) meta.doi = csl.DOI;
  if (csl.URL && !/arxiv\.org/i.test(csl.URL)) meta.url = csl.URL;
  const laterWords = meta.title?.split(/\s+/).slice(1) ?? [];
  if (laterWords.length >= 3 && laterWords.every((w) => w === w.toLowerCase())) {
    notes.push('the BibTeX title is all lower case (common in exported citations); copy the exact title from arXiv or the venue page.');
  }
  return { meta, notes };
}

/** The paper key by the convention: first author's family name + year + first significant title word. */
export function paperKey(meta: Pick<PaperMeta, 'authors' | 'year' | 'title'>): string {
  const first = meta.authors[0] ?? '';
  return suggestPaperId(splitName(first).family, meta.year, meta.title);
}

/** Checks a key against the id pattern, with a fix. */
export function assertKey(key: string): void {
  if (!PAPER_ID.test(key)) {
    throw new ScaffoldError(
      `"${key}" is not a valid paper key. Fix: pass --id with family name + year + first title word, lowercase ASCII, e.g. --id vaswani2017attention.`,
    );
  }
}

/** The file text of a new paper note. `topicIds` are listed in a comment when no topic is given. */
export function renderNote(meta: PaperMeta, options: { added: string; topicIds: readonly string[] }): string {
  const q = (v: string) => JSON.stringify(v);
  const lines = ['---', `title: ${q(meta.title)}`, `authors: [${meta.authors.map(q).join(', ')}]`, `year: ${meta.year}`];
  if (meta.venue) lines.push(`venue: ${q(meta.venue)}`);
  else lines.push('# venue: "NeurIPS 2017"  (where it was published, with the year; leave out for preprints)');
  if (meta.arxiv) lines.push(`arxiv: ${q(meta.arxiv)}`);
  if (meta.doi) lines.push(`doi: ${q(meta.doi)}`);
  if (meta.url) lines.push(`url: ${q(meta.url)}`);
  else if (!meta.arxiv) lines.push('# url: "https://…"  (the landing page: needed when the paper is not on arXiv)');
  if (meta.topics?.length) lines.push(`topics: [${meta.topics.join(', ')}]`);
  else lines.push(`topics: []  # one or more of: ${options.topicIds.join(', ')}`);
  lines.push(`tldr: ${q(TLDR_GUIDANCE)}`);
  lines.push('result:');
  lines.push(`  claim: ${q(RESULT_GUIDANCE)}`);
  lines.push('  source: "Table 1"  # the table, figure, section or appendix that prints it; "Abstract" if only the abstract does');
  lines.push('  # kind: survey  # only for a paper with no benchmark number: survey, formal or demonstration');
  lines.push('relations: []');
  lines.push('# A relation points from this paper to an earlier one, e.g.:');
  lines.push(
    ...stringify([{ type: 'builds-on', target: 'vaswani2017attention', note: 'One line in your own words on why.' }])
      .trimEnd()
      .split('\n')
      .map((l) => `#   ${l}`),
  );
  lines.push('concepts: []  # optional: ids from content/concepts/');
  lines.push('depth: note  # landmark for a long note with sections and display equations');
  lines.push(`added: ${options.added}`);
  lines.push('---', '', scaffoldBody());
  return lines.join('\n');
}
