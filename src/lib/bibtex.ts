/**
 * Citations: paper frontmatter → CSL-JSON → BibTeX, with citation-js doing the LaTeX escaping
 * (accents, braces, ampersands, math characters) rather than hand-rolled rules.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { Paper } from '../schema/paper.ts';
import { arxivLinks } from './slug.ts';

/** A CSL-JSON item, the interchange format the citation cart downloads. */
export interface CslItem {
  id: string;
  'citation-key': string;
  type: 'article-journal' | 'paper-conference' | 'report' | 'article';
  title: string;
  author: { given?: string; family: string }[];
  issued: { 'date-parts': [[number]] };
  'container-title'?: string;
  DOI?: string;
  URL?: string;
  publisher?: string;
}

/**
 * Whether an author is an organisation signing as one ("BigScience Workshop", "Meta AI Team"). Such a
 * name has no given and family part: it is kept whole, so BibTeX and CSL print it as written.
 */
export function isCollectiveAuthor(name: string): boolean {
  return /\s(Workshop|Team|Consortium|Collaboration|Project|Initiative)$/.test(name.trim());
}

/** Splits "Ashish Vaswani" into given/family; handles particles such as "van", "de", "von". */
export function splitName(name: string): { given?: string; family: string } {
  if (isCollectiveAuthor(name)) return { family: name.trim() };
  const parts = name.trim().split(/\s+/);
  if (parts.length === 1) return { family: parts[0]! };
  let i = parts.length - 1;
  while (i > 1 && /^(van|von|de|der|den|del|della|di|da|du|la|le|dos|das|ten|ter)$/i.test(parts[i - 1]!)) i--;
  return { given: parts.slice(0, i).join(' '), family: parts.slice(i).join(' ') };
}

const CONFERENCE = /\b(NeurIPS|NIPS|ICML|ICLR|ACL|EMNLP|NAACL|AACL|EACL|CVPR|ICCV|ECCV|AAAI|IJCAI|CHI|COLING|CoRL|KDD|SIGIR|Findings)\b/;

/** The CSL-JSON record of a paper. */
export function toCsl(id: string, p: Pick<Paper, 'title' | 'authors' | 'year' | 'venue' | 'arxiv' | 'doi' | 'url'>): CslItem {
  const type: CslItem['type'] = p.venue
    ? CONFERENCE.test(p.venue)
      ? 'paper-conference'
      : /report/i.test(p.venue)
        ? 'report'
        : 'article-journal'
    : 'article';
  const item: CslItem = {
    id,
    'citation-key': id,
    type,
    title: p.title,
    author: p.authors.map(splitName),
    issued: { 'date-parts': [[p.year]] },
  };
  if (p.venue) item['container-title'] = p.venue.replace(/\s+\d{4}$/, '');
  if (p.doi) item.DOI = p.doi;
  if (p.arxiv) {
    item.URL = arxivLinks(p.arxiv).abs;
    if (!p.venue) {
      item['container-title'] = `arXiv preprint arXiv:${p.arxiv.replace(/v\d+$/, '')}`;
    }
  } else if (p.url) item.URL = p.url;
  return item;
}

/** BibTeX for one or more papers, keyed by their ids. */
export function toBibtex(items: readonly CslItem[]): string {
  return new Cite(items as object[]).format('bibtex', { format: 'text' }) as string;
}
