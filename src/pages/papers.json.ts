/**
 * /papers.json — the whole knowledge base as open data: papers, relations, wikilinks, concepts, topics,
 * reading paths and resources, with a schemaVersion. Its JSON Schema is /schema/papers.schema.json.
 */
import type { APIRoute } from 'astro';
import { buildOpenData } from '../lib/open-data.ts';
import { siteData } from '../data/site-data.ts';

export const GET: APIRoute = async ({ site }) => {
  const { papers, concepts, topics, paths, resources, knowledge } = await siteData();
  const data = buildOpenData({ site: site!.href, base: import.meta.env.BASE_URL, papers, concepts, topics, paths, resources, knowledge });
  return new Response(`${JSON.stringify(data, null, 1)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
