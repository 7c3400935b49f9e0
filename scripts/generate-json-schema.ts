/**
 * `npm run schema:json` — writes the editor JSON Schemas (schema/<collection>.schema.json) from the
 * zod schemas. `--check` writes nothing and exits 1 when a committed file is out of date.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SCHEMA_DIR, jsonSchemas } from './lib/json-schema.ts';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const root = process.cwd();
const stale: string[] = [];
for (const [file, text] of jsonSchemas(root)) {
  const path = join(root, file);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (current === text) continue;
  stale.push(file);
  if (!values.check) {
    mkdirSync(join(root, SCHEMA_DIR), { recursive: true });
    writeFileSync(path, text);
    console.log(`wrote ${file}`);
  }
}
if (values.check && stale.length > 0) {
  console.error(
    `${stale.join(', ')}: out of date with src/schema/ or content/topics/. Fix: run npm run schema:json and commit the result.`,
  );
  process.exit(1);
}
if (stale.length === 0) console.log('schema:json: every JSON Schema is up to date.');
