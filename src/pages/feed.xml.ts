/** /feed.xml — an Atom feed of the 50 most recently added paper notes. */
import type { APIRoute } from 'astro';
import { href, siteData, url } from '../lib/site-data.ts';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const GET: APIRoute = async ({ site }) => {
  const { papers } = await siteData();
  const base = site ?? new URL('http://localhost:4321/');
  const recent = [...papers].sort((a, b) => b.data.added.getTime() - a.data.added.getTime() || a.id.localeCompare(b.id)).slice(0, 50);
  const updated = (recent[0]?.data.added ?? new Date(0)).toISOString();
  const entries = recent.map((p) => {
    const link = new URL(href('papers', p.id), base).href;
    return `  <entry>
    <title>${escape(`${p.data.title} (${p.data.year})`)}</title>
    <link href="${link}"/>
    <id>${link}</id>
    <updated>${p.data.added.toISOString()}</updated>
    <summary>${escape(p.data.tldr)}</summary>
${p.data.authors
  .slice(0, 3)
  .map((a) => `    <author><name>${escape(a)}</name></author>`)
  .join('\n')}
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
