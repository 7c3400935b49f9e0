/**
 * A small static server for a built site, behaving like a typical static host: directory URLs serve
 * index.html, a directory without its trailing slash redirects, unknown paths get 404.html with status
 * 404, text responses are compressed (brotli or gzip, as the request's Accept-Encoding allows) and
 * hashed assets under _astro/ are cached for a year. Used by the budgets check, Lighthouse and the
 * benchmarks (`astro preview` does not compress, which a real host would).
 *
 * Usage as a CLI: node scripts/lib/serve-dist.ts [dir=dist] [port=4322]
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.bib': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
};
/** Types a static host compresses on the fly (Pagefind's own index files are already gzipped). */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt', '.bib']);

const BROTLI_11 = { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } };
/**
 * Compressed sizes at the settings of the page-weight budgets, gzip at zlib's default level 6 and
 * brotli at quality 11, computed on libuv's thread pool (the event loop stays free).
 */
export const gzipSize = async (buf: Buffer): Promise<number> => (await promisify(gzip)(buf, { level: 6 })).length;
export const brotliSize = async (buf: Buffer): Promise<number> => (await promisify(brotliCompress)(buf, BROTLI_11)).length;
export function isCompressible(path: string): boolean {
  return COMPRESSIBLE.has(extname(path).toLowerCase());
}

export interface ServedSite {
  /** Origin plus base path, ending in "/", e.g. http://127.0.0.1:4322/. */
  url: string;
  origin: string;
  port: number;
  close(): Promise<void>;
}

export interface ServeOptions {
  root: string;
  port?: number;
  /** Base path the site was built for (BASE_PATH), default "/". */
  base?: string;
  /** Set false to serve everything uncompressed. */
  compress?: boolean;
  /** Called for every response with its URL path, status and body bytes as sent (compressed when it was). */
  onResponse?: (response: { path: string; status: number; bytes: number }) => void;
}

/** Maps a URL path to a file under root, or undefined. A directory without a trailing slash maps to "redirect". */
export function resolvePath(root: string, base: string, pathname: string): string | 'redirect' | undefined {
  let p: string;
  try {
    p = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (!p.startsWith(base)) return undefined;
  p = '/' + p.slice(base.length);
  const full = normalize(join(root, p));
  if (full !== root && !full.startsWith(root + sep)) return undefined;
  if (existsSync(full) && statSync(full).isDirectory()) {
    if (!p.endsWith('/')) return 'redirect';
    const index = join(full, 'index.html');
    return existsSync(index) ? index : undefined;
  }
  if (existsSync(full)) return full;
  return undefined;
}

export function serveDist(options: ServeOptions): Promise<ServedSite> {
  const root = resolve(options.root);
  const base = (options.base ?? '/').replace(/\/?$/, '/');
  const compress = options.compress ?? true;
  const cache = new Map<string, Buffer>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const found = resolvePath(root, base, url.pathname);
    if (found === 'redirect') {
      options.onResponse?.({ path: url.pathname, status: 301, bytes: 0 });
      res.writeHead(301, { Location: url.pathname + '/' + url.search });
      res.end();
      return;
    }
    let file = found;
    let status = 200;
    if (!file) {
      status = 404;
      file = join(root, '404.html');
      if (!existsSync(file)) {
        options.onResponse?.({ path: url.pathname, status: 404, bytes: 9 });
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('not found');
        return;
      }
    }
    const ext = extname(file).toLowerCase();
    const headers: Record<string, string> = {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': url.pathname.startsWith(`${base}_astro/`)
        ? 'public, max-age=31536000, immutable'
        : 'public, max-age=0, must-revalidate',
      'X-Content-Type-Options': 'nosniff',
    };
    const accept = String(req.headers['accept-encoding'] ?? '');
    const encoding =
      !compress || !isCompressible(file) ? undefined : /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : undefined;
    if (encoding) {
      const key = `${encoding}:${file}`;
      let body = cache.get(key);
      if (!body) {
        const raw = readFileSync(file);
        body = encoding === 'br' ? brotliCompressSync(raw, BROTLI_11) : gzipSync(raw, { level: 6 });
        cache.set(key, body);
      }
      options.onResponse?.({ path: url.pathname, status, bytes: req.method === 'HEAD' ? 0 : body.length });
      res.writeHead(status, { ...headers, 'Content-Encoding': encoding, Vary: 'Accept-Encoding', 'Content-Length': String(body.length) });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    const size = statSync(file).size;
    options.onResponse?.({ path: url.pathname, status, bytes: req.method === 'HEAD' ? 0 : size });
    res.writeHead(status, { ...headers, 'Content-Length': String(size) });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const origin = `http://127.0.0.1:${port}`;
      resolvePromise({
        url: `${origin}${base}`,
        origin,
        port,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const site = await serveDist({
    root: process.argv[2] ?? 'dist',
    port: Number(process.argv[3] ?? 4322),
    base: process.env['BASE_PATH'] ?? '/',
  });
  console.log(`serving ${process.argv[2] ?? 'dist'} at ${site.url}`);
}
