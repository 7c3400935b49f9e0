/** /papers.bib — every paper's BibTeX entry, oldest first. */
import type { APIRoute } from 'astro';
import { siteData } from '../data/site-data.ts';
import { toBibtex, toCsl } from '../lib/bibtex.ts';

export const GET: APIRoute = async () => {
  const { papers } = await siteData();
  const items = [...papers].sort((a, b) => a.data.year - b.data.year || a.id.localeCompare(b.id)).map((p) => toCsl(p.id, p.data));
  return new Response(toBibtex(items), { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
};
