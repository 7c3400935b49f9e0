/** /feed.xml — an Atom feed of the 50 most recently added notes: paper notes and concept pages. */
import type { APIRoute } from 'astro';
import { href, siteData, url } from '../data/site-data.ts';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const GET: APIRoute = async ({ site }) => {
  const { papers, concepts } = await siteData();
  const base = site ?? new URL('http://localhost:4321/');
  const notes = [
    ...papers.map((p) => ({
      id: p.id,
      added: p.data.added,
      link: href('papers', p.id),
      title: `${p.data.title} (${p.data.year})`,
      summary: p.data.tldr,
      authors: p.data.authors.slice(0, 3),
    })),
    ...concepts.map((c) => ({
      id: c.id,
      added: c.data.added,
      link: href('concepts', c.id),
      title: `${c.data.title} (concept)`,
      summary: c.data.summary,
      authors: ['Attention Atlas'],
    })),
  ];
  const recent = notes.sort((a, b) => b.added.getTime() - a.added.getTime() || a.id.localeCompare(b.id)).slice(0, 50);
  const updated = (recent[0]?.added ?? new Date(0)).toISOString();
  const entries = recent.map((n) => {
    const link = new URL(n.link, base).href;
    return `  <entry>
    <title>${escape(n.title)}</title>
    <link href="${link}"/>
    <id>${link}</id>
    <updated>${n.added.toISOString()}</updated>
    <summary>${escape(n.summary)}</summary>
${n.authors.map((a) => `    <author><name>${escape(a)}</name></author>`).join('\n')}
  </entry>`;
  });
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Attention Atlas: recently added notes</title>
  <link href="${new URL(url('/papers/'), base).href}"/>
  <link rel="self" href="${new URL(url('/feed.xml'), base).href}"/>
  <id>${new URL(url('/'), base).href}</id>
  <updated>${updated}</updated>
${entries.join('\n')}
</feed>
`;
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
