/** /papers.csl.json — every paper as a CSL-JSON item (the format reference managers import), oldest first. */
import type { APIRoute } from 'astro';
import { siteData } from '../data/site-data.ts';
import { toCsl } from '../lib/bibtex.ts';

export const GET: APIRoute = async () => {
  const { papers } = await siteData();
  const items = [...papers].sort((a, b) => a.data.year - b.data.year || a.id.localeCompare(b.id)).map((p) => toCsl(p.id, p.data));
  return new Response(`${JSON.stringify(items, null, 1)}\n`, {
    headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json; charset=utf-8' },
  });
};
