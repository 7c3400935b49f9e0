/**
 * /previews.json — what a link preview shows, keyed like the links' data-preview attribute
 * ("papers/<id>", "concepts/<id>", "topics/<id>", "paths/<id>", "resources/<id>"):
 * t = title, m = meta line (year and authors, or the kind of entry), s = TL;DR or summary.
 * Read by src/client/preview.ts on the first hover or focus of a previewable link.
 */
import type { APIRoute } from 'astro';
import { authorLine, siteData } from '../data/site-data.ts';

export const GET: APIRoute = async () => {
  const { knowledge, paperById, conceptById, topicById, paths, resources, papersByTopic } = await siteData();
  const pathById = new Map(paths.map((p) => [p.id, p]));
  const resourceById = new Map(resources.map((r) => [r.id, r]));
  const out: Record<string, { t: string; m: string; s: string }> = {};
  // One preview per entry of the knowledge's index, which is also what every wikilink resolves against.
  for (const { key, collection, id, title } of knowledge.entries.values()) {
    const preview = (m: string, summary: string) => (out[key] = { t: title, m, s: summary });
    if (collection === 'papers') {
      const p = paperById.get(id)!.data;
      preview(`${p.year} · ${authorLine(p.authors)}${p.depth === 'landmark' ? ' · landmark note' : ''}`, p.tldr);
    } else if (collection === 'concepts') {
      const c = conceptById.get(id)!.data;
      preview(`Concept${c.demos.length ? ' · with interactive demo' : ''}`, c.summary);
    } else if (collection === 'topics') {
      preview(`Topic · ${papersByTopic.get(id)?.length ?? 0} papers`, topicById.get(id)!.data.description);
    } else if (collection === 'paths') {
      const p = pathById.get(id)!.data;
      preview(`Reading path · ${p.steps.length} steps`, p.description);
    } else {
      const r = resourceById.get(id)!.data;
      preview(`${r.kind[0]!.toUpperCase()}${r.kind.slice(1)} · ${r.author}`, r.note);
    }
  }
  return new Response(JSON.stringify(out), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
