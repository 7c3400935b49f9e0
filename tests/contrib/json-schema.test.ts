/**
 * The editor JSON Schemas in schema/ are generated from the zod schemas and committed; they must be in
 * sync, accept every entry on disk, reject what the build rejects, and be wired into VS Code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { jsonSchemas, schemaFile } from '../../scripts/lib/json-schema.ts';
import { loadContent } from '../../src/integrations/content-loader.ts';
import { COLLECTIONS } from '../../src/schema/taxonomy.ts';
import { PROJECT, fixtures } from './scratch.ts';

const frontmatter = (text: string) => parse(/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '') as unknown;

describe('JSON Schemas for editors', () => {
  it('are in sync with src/schema and content/topics (run npm run schema:json if not)', () => {
    for (const [file, text] of jsonSchemas(PROJECT))
      expect(readFileSync(join(PROJECT, file), 'utf8'), `${file} is stale: run npm run schema:json`).toBe(text);
  });

  const ajv = new Ajv({ allErrors: true, strict: false });
  const validators = Object.fromEntries(
    COLLECTIONS.map((c) => [c, ajv.compile(JSON.parse(readFileSync(join(PROJECT, schemaFile(c)), 'utf8')) as object)]),
  );

  it('accept every entry on disk', () => {
    const { content } = loadContent(PROJECT);
    for (const c of COLLECTIONS) {
      for (const e of content[c]) {
        const ok = validators[c]!(frontmatter(readFileSync(join(PROJECT, e.file), 'utf8')));
        expect(ok, `${e.file}: ${JSON.stringify(validators[c]!.errors)}`).toBe(true);
      }
    }
  });

  it('reject broken paper frontmatter the way the build does', () => {
    const rejected = [
      'missing-title',
      'year-as-string',
      'unknown-topic',
      'unknown-relation-type',
      'malformed-arxiv',
      'tldr-too-long',
      'empty-authors',
      'unknown-key',
      'bad-added-date',
      'unknown-family',
      'authors-as-text',
      'relation-without-note',
    ];
    const byName = new Map(fixtures().map((f) => [f.name, f]));
    for (const name of rejected) {
      const f = byName.get(name)!;
      const text = readFileSync(join(f.dir, f.expect[0]!.file), 'utf8');
      expect(validators['papers']!(frontmatter(text)), name).toBe(false);
    }
  });

  it('offer topic ids, relation types and field docs for autocomplete and hover', () => {
    const paper = JSON.parse(readFileSync(join(PROJECT, 'schema/paper.schema.json'), 'utf8')) as {
      properties: Record<string, { description?: string; items?: { enum?: string[]; properties?: Record<string, { enum?: string[] }> } }>;
    };
    expect(paper.properties['topics']!.items!.enum).toContain('attention-mechanisms');
    expect(paper.properties['relations']!.items!.properties!['type']!.enum).toContain('builds-on');
    for (const [key, prop] of Object.entries(paper.properties)) expect(prop.description, key).toBeTruthy();
  });

  it('are wired into VS Code for the YAML language server', () => {
    const settings = JSON.parse(readFileSync(join(PROJECT, '.vscode/settings.json'), 'utf8')) as {
      'yaml.schemas': Record<string, string[]>;
    };
    expect(settings['yaml.schemas']['./schema/paper.schema.json']).toEqual(['content/papers/*.mdx']);
    for (const c of COLLECTIONS) expect(Object.keys(settings['yaml.schemas'])).toContain(`./${schemaFile(c)}`);
  });
});
