/**
 * The open-data export (/papers.json) built from the real content: it validates against its own
 * published JSON Schema (generated from zod) with ajv, parses with the zod schema it came from, and
 * holds what the knowledge base holds.
 */
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/integrations/content-loader.ts';
import { buildOpenData, type OpenDataInput } from '../../src/lib/open-data.ts';
import { openDataJsonSchema } from '../../src/lib/open-data-schema.ts';
import { OPEN_DATA_VERSION, openDataSchema } from '../../src/schema/open-data.ts';
import type { COLLECTIONS } from '../../src/schema/taxonomy.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SITE = 'https://example.org';
const BASE = '/atlas/';

function input(): OpenDataInput {
  const { content, problems, knowledge } = loadContent(ROOT);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  const entries = <C extends (typeof COLLECTIONS)[number]>(c: C) => content[c].map((e) => ({ id: e.id, data: e.data! }));
  return {
    site: SITE,
    base: BASE,
    papers: entries('papers'),
    concepts: entries('concepts'),
    topics: entries('topics'),
    paths: entries('paths'),
    resources: entries('resources'),
    knowledge,
  };
}

describe('open data export', () => {
  const src = input();
  const data = buildOpenData(src);
  // What /papers.json serves: the object after a JSON round trip.
  const json = JSON.parse(JSON.stringify(data)) as typeof data;
  const schema = openDataJsonSchema(`${SITE}${BASE}schema/papers.schema.json`);

  it('validates against its own published JSON Schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: true, validateFormats: false });
    const validate = ajv.compile(schema);
    const ok = validate(json);
    expect(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 1)).toBe(true);
    expect(schema['$id']).toBe('https://example.org/atlas/schema/papers.schema.json');
    expect(schema['$schema']).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('parses with the zod schema the JSON Schema was generated from', () => {
    expect(openDataSchema.safeParse(json).success).toBe(true);
  });

  it('rejects what the schema forbids: a wrong version, an unknown relation type, an extra field, a bad date', () => {
    const validate = new Ajv({ allErrors: true, strict: true, validateFormats: false }).compile(schema);
    const broken = [
      { ...json, schemaVersion: '0.0.1' },
      { ...json, relations: [{ ...json.relations[0]!, type: 'inspired-by' }] },
      { ...json, papers: [{ ...json.papers[0]!, citations: 12 }] },
      { ...json, papers: [{ ...json.papers[0]!, added: '22 November 2026' }] },
      { ...json, topics: undefined },
    ];
    for (const b of broken) expect(validate(b), JSON.stringify(b).slice(0, 80)).toBe(false);
  });

  it('holds every entry with real metadata and absolute page URLs', () => {
    expect(json.schemaVersion).toBe(OPEN_DATA_VERSION);
    expect(json.$schema).toBe('https://example.org/atlas/schema/papers.schema.json');
    expect(json.papers).toHaveLength(src.papers.length);
    expect(json.concepts).toHaveLength(src.concepts.length);
    expect(json.topics).toHaveLength(src.topics.length);
    expect(json.paths).toHaveLength(src.paths.length);
    expect(json.resources).toHaveLength(src.resources.length);
    const vaswani = json.papers.find((p) => p.id === 'vaswani2017attention')!;
    expect(vaswani).toMatchObject({
      arxiv: '1706.03762',
      year: 2017,
      title: 'Attention Is All You Need',
      page: 'https://example.org/atlas/papers/vaswani2017attention/',
    });
    expect(vaswani.authors[0]).toBe('Ashish Vaswani');
    expect(vaswani.added).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Oldest first: the 1991 mixture of local experts opens the list.
    expect(json.papers[0]).toMatchObject({
      id: 'jacobs1991adaptive',
      page: 'https://example.org/atlas/papers/jacobs1991adaptive/',
      url: 'https://doi.org/10.1162/neco.1991.3.1.79',
    });
    expect(json.topics.find((t) => t.id === 'moe')!.page).toBe('https://example.org/atlas/topics/moe/');
    expect(json.concepts.find((c) => c.id === 'rotary-embedding')!.short).toBe('RoPE');
    expect(json.paths.every((p) => p.steps.length >= 2)).toBe(true);
  });

  it('lists exactly the relations and wikilinks of the knowledge', () => {
    expect(json.relations).toHaveLength(src.knowledge.relations.length);
    expect(json.mentions).toHaveLength(src.knowledge.mentions.length);
    // …which is every relation written in the paper frontmatter.
    expect(json.relations).toHaveLength(src.papers.reduce((n, p) => n + p.data.relations.length, 0));
    const ids = new Set(json.papers.map((p) => p.id));
    for (const r of json.relations) expect(ids.has(r.source) && ids.has(r.target), `${r.source}→${r.target}`).toBe(true);
    expect(json.relations).toContainEqual(expect.objectContaining({ source: 'dao2022flashattention', target: 'vaswani2017attention' }));
    expect(json.mentions.length).toBeGreaterThan(100);
  });
});
