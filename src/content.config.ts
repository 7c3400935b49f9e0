/**
 * Astro content collections. The schemas come from src/schema/, shared with the scripts and tests.
 * Entries live at the repository root in content/<collection>/.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { conceptSchema, paperSchema, pathSchema, resourceSchema, topicSchema } from './schema/index.ts';

/** Files starting with _ are drafts and are skipped. */
const files = (dir: string, ext: 'md' | 'mdx') => glob({ pattern: `**/[^_]*.${ext}`, base: `./content/${dir}` });

export const collections = {
  papers: defineCollection({ loader: files('papers', 'mdx'), schema: paperSchema }),
  concepts: defineCollection({ loader: files('concepts', 'mdx'), schema: conceptSchema }),
  topics: defineCollection({ loader: files('topics', 'md'), schema: topicSchema }),
  paths: defineCollection({ loader: files('paths', 'md'), schema: pathSchema }),
  resources: defineCollection({ loader: files('resources', 'md'), schema: resourceSchema }),
};
