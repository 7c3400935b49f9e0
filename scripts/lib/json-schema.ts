/**
 * JSON Schemas of the frontmatter, generated from the zod schemas in src/schema/ with zod 4's
 * `z.toJSONSchema`, for editors: the YAML language server autocompletes fields, topic ids, relation
 * types and families, and shows each field's description on hover.
 *
 * Adjustments to what zod emits, so the files stay stable and match what the build accepts:
 * - `added` is a YYYY-MM-DD string (the build also accepts a YAML date);
 * - `year` has no maximum (the current year would change the file every January; the build checks it);
 * - topic ids (`topics`, a topic's `parent`) are enumerated from content/topics/, so a new topic means
 *   regenerating: `npm run schema:json`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { SCHEMAS } from '../../src/schema/index.ts';
import { COLLECTIONS, type CollectionName } from '../../src/schema/taxonomy.ts';

/** Where the generated files live, relative to the project root. */
export const SCHEMA_DIR = 'schema';

/** The file name of a collection's schema, e.g. schema/paper.schema.json. */
export function schemaFile(collection: CollectionName): string {
  return `${SCHEMA_DIR}/${collection.replace(/s$/, '')}.schema.json`;
}

/** Every collection's JSON Schema, as the text written to disk. */
export function jsonSchemas(root: string): Map<string, string> {
  const topics = readdirSync(join(root, 'content', 'topics'))
    .filter((f) => f.endsWith('.md') && !f.startsWith('_') && !f.startsWith('.'))
    .map((f) => f.slice(0, -3))
    .sort();
  const out = new Map<string, string>();
  for (const collection of COLLECTIONS) {
    const json = z.toJSONSchema(SCHEMAS[collection], {
      io: 'input',
      target: 'draft-07',
      unrepresentable: 'any',
      override: ({ jsonSchema, path }) => {
        const key = path.filter((p) => p !== 'properties' && p !== 'items' && p !== 'anyOf').at(-1);
        const s = jsonSchema as Record<string, unknown>;
        if (key === 'added') {
          delete s['anyOf'];
          Object.assign(s, { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', examples: ['2026-01-31'] });
        }
        if (key === 'year' && s['type'] === 'integer') delete s['maximum'];
      },
    }) as Record<string, unknown> & { properties: Record<string, Record<string, unknown>> };
    const props = json.properties;
    const topicItems = props['topics']?.['items'] as Record<string, unknown> | undefined;
    if (topicItems) topicItems['enum'] = topics;
    if (props['parent']) props['parent']['enum'] = topics;
    const schema = {
      $schema: json['$schema'],
      title: `Attention Atlas ${collection.replace(/s$/, '')} frontmatter`,
      description: `Frontmatter of content/${collection}/*. Generated from src/schema/ by npm run schema:json; do not edit by hand.`,
      ...Object.fromEntries(Object.entries(json).filter(([k]) => k !== '$schema')),
    };
    out.set(schemaFile(collection), `${JSON.stringify(schema, null, 2)}\n`);
  }
  return out;
}
