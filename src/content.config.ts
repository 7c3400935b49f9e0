/**
 * Astro content collections. The schemas come from src/schema/, shared with the scripts and tests.
 * Entries live at the repository root in content/<collection>/.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { SCHEMAS, EXTENSIONS } from './schema/index.ts';

const collection = <C extends keyof typeof SCHEMAS>(name: C) =>
  defineCollection({
    loader: glob({ pattern: `**/[^_]*.${EXTENSIONS[name]}`, base: `./content/${name}` }),
    schema: SCHEMAS[name],
  });

export const collections = {
  papers: collection('papers'),
  concepts: collection('concepts'),
  topics: collection('topics'),
  paths: collection('paths'),
  resources: collection('resources'),
};
