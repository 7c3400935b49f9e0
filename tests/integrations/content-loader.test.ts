/**
 * The content loader reads content/ once per process: every file once, however many callers ask
 * (the build's guard before and after it, the wikilink plugin for each page, the linter), and again
 * only when a file changes. And src/lib, which it feeds, stays pure.
 */
import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentReads, demoFolders, loadContent } from '../../src/integrations/content-loader.ts';
import { PROJECT, remove, scratchContent } from '../contrib/scratch.ts';

describe('loadContent', () => {
  const root = scratchContent();
  afterAll(() => remove(root));
  const files = ['concepts', 'papers', 'paths', 'resources', 'topics'].flatMap((c) => readdirSync(join(root, 'content', c)));

  it('reads each content file once, however often it is asked', () => {
    const before = contentReads();
    const first = loadContent(root);
    expect(contentReads() - before).toBe(files.length);
    expect(files.length).toBe(6);
    for (let i = 0; i < 5; i++) expect(loadContent(root)).toBe(first);
    expect(loadContent(root, join(root, 'content'))).toBe(first);
    expect(contentReads() - before).toBe(files.length);
    // The knowledge comes with the entries: the valid set's links and relations resolve.
    expect(first.problems).toEqual([]);
    expect(first.knowledge.entries.size).toBe(6);
    expect(first.knowledge.relationsTo('bahdanau2014neural').map((r) => r.from)).toEqual(['vaswani2017attention']);
    expect(first.knowledge.brokenLinks).toEqual([]);
    // …and the names search matches, from the same frontmatter.
    expect(first.knowledge.entries.get('papers/vaswani2017attention')).toMatchObject({ short: 'Transformer', arxiv: '1706.03762' });
    expect(first.knowledge.entries.get('concepts/scaled-dot-product-attention')!.aliases).toEqual(['SDPA']);
  });

  it('reads again when a file changes, so `npm run dev` sees edits', () => {
    const first = loadContent(root);
    const before = contentReads();
    const file = join(root, 'content', 'topics', 'attention-mechanisms.md');
    appendFileSync(file, '\nOne more sentence on how the topic grew.\n');
    // The wikilink plugin's cheap check looks at the folders only: an edit is not a new note.
    expect(loadContent(root, undefined, { check: 'folders' })).toBe(first);
    expect(contentReads()).toBe(before);
    const second = loadContent(root);
    expect(second).not.toBe(first);
    expect(contentReads() - before).toBe(files.length);
    expect(second.content.topics[0]!.body).toContain('One more sentence');
    expect(loadContent(root)).toBe(second);
    // A new note changes its folder, which even the cheap check sees.
    writeFileSync(join(root, 'content', 'topics', 'extra.md'), readFileSync(file, 'utf8'));
    const third = loadContent(root, undefined, { check: 'folders' });
    expect(third).not.toBe(second);
    expect(third.content.topics.map((t) => t.id)).toEqual(['attention-mechanisms', 'extra']);
  });

  it('lists the demo folders that hold a PascalCase component, skipping shared/', () => {
    const demoRoot = scratchContent();
    try {
      for (const [folder, file] of [
        ['alibi', 'Alibi.astro'],
        ['shared', 'DemoFrame.astro'],
        ['notes-only', 'view.ts'],
        ['rotary-embedding', 'RotaryEmbedding.astro'],
      ]) {
        mkdirSync(join(demoRoot, 'src', 'demos', folder!), { recursive: true });
        writeFileSync(join(demoRoot, 'src', 'demos', folder!, file!), '');
      }
      expect(demoFolders(demoRoot)).toEqual([
        { name: 'alibi', component: 'src/demos/alibi/Alibi.astro' },
        { name: 'rotary-embedding', component: 'src/demos/rotary-embedding/RotaryEmbedding.astro' },
      ]);
      expect(loadContent(demoRoot).demos.map((d) => d.name)).toEqual(['alibi', 'rotary-embedding']);
      expect(demoFolders(root)).toEqual([]);
    } finally {
      remove(demoRoot);
    }
  });
});

describe('src/lib', () => {
  it('imports no node: module, no astro: virtual module and nothing from src/data or src/integrations', () => {
    const dir = join(PROJECT, 'src', 'lib');
    const offending = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) =>
        [...readFileSync(join(dir, f), 'utf8').matchAll(/^(?:import|export)\b[^;]*?from '([^']+)'/gm)]
          .map((m) => m[1]!)
          .filter((spec) => /^(node:|astro:)|\/(data|integrations)\//.test(spec))
          .map((spec) => `src/lib/${f} imports ${spec}`),
      );
    expect(offending).toEqual([]);
  });
});
