// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import contentGuard from './src/integrations/content-guard.ts';
import { loadContent } from './src/integrations/content-loader.ts';
import csp from './src/integrations/csp.ts';
import remarkWikilinks from './src/lib/markdown/remark-wikilinks.ts';
import rehypeKatexStrict from './src/lib/markdown/rehype-katex-strict.ts';
import { KATEX_OPTIONS } from './src/lib/katex-macros.ts';

// The public URL and base path come from the environment, so a fork deploys unchanged:
// SITE_URL=https://you.github.io BASE_PATH=/attention-atlas npm run build
const site = process.env.SITE_URL ?? 'http://localhost:4321';
const base = process.env.BASE_PATH ?? '/';
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  site,
  base,
  output: 'static',
  trailingSlash: 'always',
  integrations: [contentGuard(), mdx(), sitemap({ filter: (page) => !page.includes('/404') }), csp()],
  markdown: {
    // remark/rehype run through the unified processor (Astro 7's default, Sätteri, does not run them).
    processor: unified({
      remarkPlugins: [
        remarkMath,
        [remarkWikilinks, { index: () => loadContent(root, undefined, { check: 'folders' }).knowledge.index, base }],
      ],
      rehypePlugins: [[rehypeKatex, { ...KATEX_OPTIONS }], rehypeKatexStrict],
    }),
  },
  vite: {
    build: {
      // Never inline fonts as data: URIs: a page would ship KaTeX_Size3 in its CSS whether it uses it or
      // not, and the CSP allows fonts from the site only (src/integrations/csp.ts).
      assetsInlineLimit: (file) => (/\.(woff2?|ttf)$/.test(file) ? false : undefined),
      rollupOptions: {
        onwarn(warning, warn) {
          // Every .mdx entry triggers this harmless warning (withastro/astro#18087).
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
