/**
 * Lazily loaded browser modules: each src/client/<name>.ts is bundled with esbuild at build time and
 * served as /scripts/<name>.js under a stable name, so the tiny inline head script can import() it on
 * first use without knowing a content hash.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

// Resolved from the project root: in a build this module runs from a bundled chunk, not from src/.
const clientDir = join(process.cwd(), 'src', 'client') + '/';

export const getStaticPaths: GetStaticPaths = () =>
  readdirSync(clientDir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ params: { name: f.slice(0, -3) } }));

export const GET: APIRoute = async ({ params }) => {
  const result = await build({
    entryPoints: [`${clientDir}${params.name}.ts`],
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    write: false,
    legalComments: 'none',
  });
  return new Response(result.outputFiles[0]!.text, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
