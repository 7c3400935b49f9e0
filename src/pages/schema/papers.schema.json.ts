/** /schema/papers.schema.json — the JSON Schema of /papers.json, generated from src/schema/open-data.ts. */
import type { APIRoute } from 'astro';
import { OPEN_DATA_SCHEMA_PATH, siteUrl } from '../../lib/open-data.ts';
import { openDataJsonSchema } from '../../lib/open-data-schema.ts';

export const GET: APIRoute = ({ site }) => {
  const schema = openDataJsonSchema(siteUrl(site!.href, import.meta.env.BASE_URL, OPEN_DATA_SCHEMA_PATH));
  return new Response(`${JSON.stringify(schema, null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
};
