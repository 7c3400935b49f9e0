/**
 * /previews.json — what a link preview shows, keyed like the links' data-preview attribute
 * ("papers/<id>", "concepts/<id>", "topics/<id>", "paths/<id>", "resources/<id>"):
 * t = title, m = meta line (year and authors, or the kind of entry), s = TL;DR or summary.
 * Read by src/client/preview.ts on the first hover or focus of a previewable link.
 */
import type { APIRoute } from 'astro';
import { authorLine, siteData } from '../lib/site-data.ts';

export const GET: APIRoute = async () => {
  const { papers, concepts, topics, paths, resources, papersByTopic } = await siteData();
  const out: Record<string, { t: string; m: string; s: string }> = {};
  for (const p of papers) {
    out[`papers/${p.id}`] = {
      t: p.data.title,
      m: `${p.data.year} · ${authorLine(p.data.authors)}${p.data.depth === 'landmark' ? ' · landmark note' : ''}`,
      s: p.data.tldr,
    };
  }
  for (const c of concepts)
    out[`concepts/${c.id}`] = { t: c.data.title, m: `Concept${c.data.demos.length ? ' · with interactive demo' : ''}`, s: c.data.summary };
  for (const t of topics)
    out[`topics/${t.id}`] = { t: t.data.title, m: `Topic · ${papersByTopic.get(t.id)?.length ?? 0} papers`, s: t.data.description };
  for (const p of paths)
    out[`paths/${p.id}`] = { t: p.data.title, m: `Reading path · ${p.data.steps.length} steps`, s: p.data.description };
  for (const r of resources)
    out[`resources/${r.id}`] = {
      t: r.data.title,
      m: `${r.data.kind[0]!.toUpperCase()}${r.data.kind.slice(1)} · ${r.data.author}`,
      s: r.data.note,
    };
  return new Response(JSON.stringify(out), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
