/**
 * The JSON Schema of the open-data export, generated from the zod schema in src/schema/open-data.ts
 * with zod 4's `z.toJSONSchema`, so the published schema (/schema/papers.schema.json) always describes
 * what /papers.json holds. Every field keeps its `.describe()` text as its description.
 */
import { z } from 'astro/zod';
import { OPEN_DATA_VERSION, openDataSchema } from '../schema/open-data.ts';

/** The JSON Schema (draft-07) of /papers.json; `id` is the URL it is published at. */
export function openDataJsonSchema(id: string): Record<string, unknown> {
  const json = z.toJSONSchema(openDataSchema, { io: 'output', target: 'draft-07', unrepresentable: 'throw' }) as Record<string, unknown>;
  const { $schema, ...rest } = json;
  return {
    $schema,
    $id: id,
    title: `Attention Atlas open data, format ${OPEN_DATA_VERSION}`,
    ...rest,
  };
}
