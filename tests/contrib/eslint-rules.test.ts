/**
 * The dependency direction of the developers' guide, as enforced by eslint.config.js in `npm run check`:
 * src/compute imports nothing but its own modules, src/schema nothing above it, src/lib no component,
 * layout or page. Each rule is tried on code that breaks it and on code that keeps it.
 */
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { PROJECT } from './scratch.ts';

const eslint = new ESLint({ cwd: PROJECT });

/** The no-restricted-imports messages ESLint reports for `code` as if it lived at `file`. */
async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(PROJECT, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

/** Each file importing its spec gets exactly one import-rule message, containing `expected`. */
async function expectEachRejected(cases: readonly (readonly [file: string, spec: string])[], expected: string): Promise<void> {
  for (const [file, spec] of cases) {
    const messages = await restricted(file, `import * as m from '${spec}';\nexport const f = m;\n`);
    expect(messages, `${file} → ${spec}`).toHaveLength(1);
    expect(messages[0]).toContain(expected);
  }
}

describe('eslint.config.js import rules', () => {
  it('lets src/compute import only its own modules', async () => {
    expect(await restricted('src/compute/new-module.ts', "import { softmax } from './softmax.ts';\nexport const f = softmax;\n")).toEqual(
      [],
    );
    for (const spec of ['node:fs', 'd3-scale', '../lib/slug.ts', '../schema/index.ts']) {
      const messages = await restricted('src/compute/new-module.ts', `import * as m from '${spec}';\nexport const f = m;\n`);
      expect(messages, spec).toHaveLength(1);
      expect(messages[0]).toContain('src/compute imports nothing');
    }
    const reexport = await restricted('src/compute/new-module.ts', "export { scale } from 'd3-scale';\n");
    expect(reexport).toHaveLength(1);
  });

  it('keeps src/schema below src/lib and the site', async () => {
    expect(
      await restricted(
        'src/schema/new-field.ts',
        "import { z } from 'astro/zod';\nimport { PAPER_ID } from './fields.ts';\nexport const f = [z, PAPER_ID];\n",
      ),
    ).toEqual([]);
    for (const spec of ['../lib/slug.ts', '../components/PaperLink.astro', '../pages/index.astro', '../layouts/BaseLayout.astro']) {
      const messages = await restricted('src/schema/new-field.ts', `import * as m from '${spec}';\nexport const f = m;\n`);
      expect(messages, spec).toHaveLength(1);
      expect(messages[0]).toContain('src/schema depends on nothing else in src/');
    }
  });

  it('keeps src/lib below components, layouts and pages', async () => {
    expect(
      await restricted(
        'src/lib/new-helper.ts',
        "import { PAPER_ID } from '../schema/fields.ts';\nimport { slugify } from './slug.ts';\nexport const f = [PAPER_ID, slugify];\n",
      ),
    ).toEqual([]);
    await expectEachRejected(
      [
        ['src/lib/new-helper.ts', '../components/PaperLink.astro'],
        ['src/lib/new-helper.ts', '../layouts/BaseLayout.astro'],
        ['src/lib/new-helper.ts', '../pages/index.astro'],
        ['src/lib/markdown/new-plugin.ts', '../../components/Toc.astro'],
      ],
      'src/lib must not import components, layouts or pages',
    );
  });

  it('keeps src/lib pure: no node: or astro: module, nothing from src/data or src/integrations', async () => {
    await expectEachRejected(
      [
        ['src/lib/new-helper.ts', 'node:fs'],
        ['src/lib/new-helper.ts', 'node:path'],
        ['src/lib/new-helper.ts', 'astro:content'],
        ['src/lib/new-helper.ts', '../data/site-data.ts'],
        ['src/lib/new-helper.ts', '../integrations/content-loader.ts'],
        ['src/lib/markdown/new-plugin.ts', '../../integrations/content-loader.ts'],
      ],
      'src/lib is pure',
    );
    // A type from zod is fine: the schemas are built on it.
    expect(await restricted('src/lib/new-helper.ts', "import type { z } from 'astro/zod';\nexport type T = z.ZodType;\n")).toEqual([]);
  });

  it('keeps src/data below components, layouts and pages', async () => {
    expect(
      await restricted(
        'src/data/new-view.ts',
        "import { getCollection } from 'astro:content';\nimport { slugify } from '../lib/slug.ts';\nexport const f = [getCollection, slugify];\n",
      ),
    ).toEqual([]);
    for (const spec of ['../components/PaperLink.astro', '../pages/index.astro', '../integrations/content-loader.ts']) {
      const messages = await restricted('src/data/new-view.ts', `import * as m from '${spec}';\nexport const f = m;\n`);
      expect(messages, spec).toHaveLength(1);
      expect(messages[0]).toContain('src/data must not import');
    }
  });

  it('leaves components and pages free to import src/lib and src/schema', async () => {
    expect(
      await restricted(
        'src/components/NewWidget.ts',
        "import { slugify } from '../lib/slug.ts';\nimport { PAPER_ID } from '../schema/fields.ts';\nexport const f = [slugify, PAPER_ID];\n",
      ),
    ).toEqual([]);
  });
});
