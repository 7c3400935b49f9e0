/** /papers/<id>.bib — one paper's BibTeX entry. */
import type { APIRoute } from 'astro';
import { siteData, type PaperEntry } from '../../data/site-data.ts';
import { toBibtex, toCsl } from '../../lib/bibtex.ts';

export async function getStaticPaths() {
  const { papers } = await siteData();
  return papers.map((paper) => ({ params: { id: paper.id }, props: { paper } }));
}

export const GET: APIRoute<{ paper: PaperEntry }> = ({ props }) =>
  new Response(toBibtex([toCsl(props.paper.id, props.paper.data)]), { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
