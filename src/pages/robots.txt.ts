/** /robots.txt — allow everything and point crawlers at the sitemap. */
import type { APIRoute } from 'astro';
import { url } from '../data/site-data.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(url('/sitemap-index.xml'), site ?? 'http://localhost:4321').href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
