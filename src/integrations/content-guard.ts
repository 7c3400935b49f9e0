/**
 * Astro integration: the build's content guard.
 *
 * Astro itself exits 0 on a dangling `reference()`, on bad TeX (it ships `.katex-error`), on an empty
 * collection and on a wrong glob base. This integration runs the project's own checks so each of
 * those fails the build, listing every problem at once as `path:line: problem. Fix: …`.
 *
 * It takes the entries from the content loader, which reads content/ once for the whole build (this
 * guard before and after it, and the wikilink plugin during it); the build's log says how many files
 * were read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent } from '../lib/content-rules/index.ts';
import { formatProblem } from '../schema/index.ts';
import { contentReads, loadContent } from './content-loader.ts';

export default function contentGuard(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'attention-atlas:content-guard',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        root = fileURLToPath(config.root);
        const { content, problems, knowledge } = loadContent(root);
        const all = [...problems, ...checkContent(content, { knowledge, requireResults: true })].filter((p) => p.severity === 'error');
        if (all.length === 0) return;
        const report = all.map(formatProblem).join('\n');
        if (command === 'build') {
          throw new Error(
            `content check failed with ${all.length} problem(s):\n${report}\n\nRun \`npm run lint:content\` to see them without building.`,
          );
        }
        logger.warn(`content check found ${all.length} problem(s):\n${report}`);
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const errors: string[] = [];
        let paperPages = 0;
        for (const file of htmlFiles(out)) {
          const html = readFileSync(file, 'utf8');
          if (html.includes('katex-error'))
            errors.push(`${relative(root, file)}: contains a .katex-error. Fix: correct the TeX in its source note.`);
          if (/[\\/]papers[\\/][^\\/]+[\\/]index\.html$/.test(file)) paperPages++;
        }
        const { content } = loadContent(root);
        const papers = content.papers.length;
        const files = Object.values(content).reduce((n, list) => n + list.length, 0);
        logger.info(`the content loader read ${contentReads()} file(s) for ${files} entries`);
        if (paperPages !== papers)
          errors.push(
            `dist has ${paperPages} paper pages but content/papers has ${papers} notes. Fix: check the glob loader base in src/content.config.ts.`,
          );
        if (errors.length > 0) throw new Error(`build output check failed:\n${errors.join('\n')}`);
      },
    },
  };
}

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...htmlFiles(path));
    else if (entry.name.endsWith('.html')) out.push(path);
  }
  return out;
}
