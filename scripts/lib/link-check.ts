/**
 * The link check behind `npm run lint:links`: serves a built site (scripts/lib/serve-dist.ts, under the
 * base path it was built for) and crawls it with linkinator from the home page and the sitemap,
 * following every internal link, stylesheet url() and #anchor. External hosts are skipped: the check
 * is about the site's own pages, and it must work offline. Absolute links to the configured site
 * (SITE_URL + BASE_PATH, e.g. canonical URLs and the sitemap's entries) are rewritten to the local
 * server, so they are checked too.
 *
 * The site is built with trailingSlash 'always', so an internal link that only works through a
 * redirect (a page link without its trailing slash) is reported as well: some hosts answer it with 404.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LinkChecker, LinkState, type LinkResult } from 'linkinator';
import { serveDist } from './serve-dist.ts';

export interface LinkCheckOptions {
  /** The built site, e.g. dist/. */
  root: string;
  /** The base path the site was built with (BASE_PATH), default "/". */
  base?: string;
  /** The public URL the site was built with (SITE_URL); links to it are checked locally. */
  site?: string;
  /** Port for the local server; 0 picks a free one. */
  port?: number;
}

/** One broken link, with the page it appears on. */
export interface BrokenLink {
  /** The link as a path on the site (base path included), or the external URL. */
  link: string;
  /** The page holding the link, as a file under the built site, e.g. dist/papers/x/index.html. */
  page: string;
  /** What is wrong. */
  problem: string;
}

export interface LinkCheckResult {
  /** Internal URLs checked (pages, assets, anchors). */
  checked: number;
  /** External URLs skipped. */
  skipped: number;
  broken: BrokenLink[];
}

export async function checkLinks(options: LinkCheckOptions): Promise<LinkCheckResult> {
  const base = (options.base ?? '/').replace(/^\/?/, '/').replace(/\/?$/, '/');
  if (!existsSync(join(options.root, 'index.html'))) {
    throw new Error(`${options.root}/index.html does not exist. Fix: run \`npm run build\` first (with the same BASE_PATH).`);
  }
  const server = await serveDist({ root: options.root, base, port: options.port ?? 0, compress: false });
  try {
    const local = server.url; // origin + base, ending in "/"
    const published = options.site ? new URL(base, options.site).href : undefined;
    const rewrites = published && published !== local ? [{ pattern: new RegExp(`^${escapeRegExp(published)}`), replacement: local }] : [];
    // linkinator asks about a link before rewriting it, so links to the public URL are internal too.
    const internal = (link: string) => link.startsWith(`${server.origin}/`) || (published !== undefined && link.startsWith(published));
    const checker = new LinkChecker();
    const redirects: { url: string; target: string | undefined }[] = [];
    checker.on('redirect', (r) => redirects.push({ url: r.url, target: r.targetUrl }));
    const sitemap = existsSync(join(options.root, 'sitemap-index.xml')) ? [`${local}sitemap-index.xml`] : [];
    const result = await checker.check({
      path: local,
      recurse: true,
      ...(sitemap.length ? { sitemap } : {}),
      checkCss: true,
      checkFragments: true,
      redirects: 'warn',
      concurrency: 8,
      timeout: 20_000,
      urlRewriteExpressions: rewrites,
      linksToSkip: async (link) => !internal(link),
    });

    const toPath = (url: string) => (url.startsWith(server.origin) ? url.slice(server.origin.length) : url);
    const toFile = (url: string | undefined) => {
      if (!url) return `${options.root}/index.html`;
      const path = decodeURIComponent(new URL(url).pathname);
      const rel = path.startsWith(base) ? path.slice(base.length) : path.slice(1);
      // A page reached through a redirect ("/papers/b" → "/papers/b/") is still the folder's index.html.
      if (rel === '' || rel.endsWith('/')) return join(options.root, rel, 'index.html');
      return join(options.root, /\.[a-z0-9]+$/i.test(rel) ? rel : join(rel, 'index.html'));
    };

    const broken: BrokenLink[] = [];
    const seen = new Set<string>();
    const add = (b: BrokenLink) => {
      const key = `${b.page}\0${b.link}`;
      if (!seen.has(key)) {
        seen.add(key);
        broken.push(b);
      }
    };
    // The server answers a missing page with 404.html; the links linkinator finds in that body are not the site's.
    const missing = new Set(result.links.filter((r) => r.state === LinkState.BROKEN).map((r) => r.url));
    for (const r of result.links) {
      if (r.state !== LinkState.BROKEN || (r.parent && missing.has(r.parent))) continue;
      add({ link: toPath(r.url), page: toFile(r.parent), problem: describe(r) });
    }
    const parents = new Map<string, string[]>();
    for (const r of result.links) if (r.parent) parents.set(r.url, [...(parents.get(r.url) ?? []), r.parent]);
    for (const r of redirects) {
      if (!r.url.startsWith(server.origin)) continue;
      const target = r.target ? toPath(r.target) : undefined;
      for (const parent of parents.get(r.url) ?? [undefined]) {
        add({
          link: toPath(r.url),
          page: toFile(parent),
          problem: `redirects${target ? ` to ${target}` : ''}. Fix: link to ${target ?? 'the final URL'} directly (pages end in "/": the site uses trailingSlash 'always').`,
        });
      }
    }
    broken.sort((a, b) => a.page.localeCompare(b.page) || a.link.localeCompare(b.link));
    return {
      checked: result.links.filter((r) => r.state !== LinkState.SKIPPED).length,
      skipped: result.links.filter((r) => r.state === LinkState.SKIPPED).length,
      broken,
    };
  } finally {
    await server.close();
  }
}

/** Why linkinator calls a link broken, with a fix. */
function describe(r: LinkResult): string {
  const details = (r.failureDetails ?? []).map((d) => (d instanceof Error ? d.message : `HTTP ${d.status}`)).join('; ');
  if (/fragment|anchor/i.test(details) || (r.url.includes('#') && r.status === 200)) {
    const id = r.url.slice(r.url.indexOf('#') + 1);
    return `no element with id="${decodeURIComponent(id)}" on the target page. Fix: link to an id the page has (headings get one from their text), or drop the #fragment.`;
  }
  if (r.status === 404) return 'is not a page or file of the built site (404). Fix: correct the link, or add the missing page.';
  return `failed${r.status ? ` with HTTP ${r.status}` : ''}${details ? ` (${details})` : ''}. Fix: correct the link.`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
