/**
 * `npm run gate:links`: linkinator over the built site. Every page of dist/ is a starting point (so
 * a page nothing links to is still checked) and the crawl recurses through same-site links. Every
 * internal link, asset and fragment (#anchor, checked against the ids in the served HTML) must
 * resolve; links to other hosts are not fetched (the check runs offline and is about this site).
 *
 * The site is served by scripts/lib/serve-dist.ts, which behaves like the static host (directory
 * URLs, 404.html with status 404), so a link that works only under `astro preview` still fails.
 * Exits 1 on any broken link and prints `page: url (status)` for each, grouped by target.
 *
 * Usage: node scripts/check-links.ts [site-dir=dist]   (BASE_PATH as at build time)
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { LinkChecker, LinkState, type LinkResult } from 'linkinator';
import { serveDist } from './lib/serve-dist.ts';

const dist = resolve(process.argv[2] ?? 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`gate:links: ${relative(process.cwd(), dist)}/index.html does not exist. Fix: run \`npm run build\` first.`);
  process.exit(1);
}
const base = (process.env['BASE_PATH'] ?? '/').replace(/\/?$/, '/');
const pages = readdirSync(dist, { withFileTypes: true, recursive: true })
  .filter((e) => e.isFile() && e.name.endsWith('.html') && e.name !== '404.html')
  .map((e) => join(e.parentPath, e.name).slice(dist.length + 1).replace(/\\/g, '/').replace(/(^|\/)index\.html$/, '$1'))
  .filter((p) => !p.startsWith('pagefind/'))
  .sort();

const started = performance.now();
const site = await serveDist({ root: dist, base });
const internal = (url: string) => url.startsWith(site.origin + '/');
let results: LinkResult[];
try {
  const checker = new LinkChecker();
  const crawl = await checker.check({
    path: pages.map((p) => site.url + p),
    recurse: true,
    checkFragments: true,
    // A handful of connections is as fast as more on two cores, and a busy machine does not time out.
    concurrency: 8,
    timeout: 60_000,
    // Other hosts are never fetched: the gate runs offline and checks this site's own links.
    linksToSkip: async (url) => !internal(url),
  });
  results = crawl.links;
} finally {
  await site.close();
}

const broken = results.filter((r) => r.state === LinkState.BROKEN);
const checked = results.filter((r) => r.state === LinkState.OK).length;
const skipped = results.filter((r) => r.state === LinkState.SKIPPED).length;
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const local = (url: string | undefined) => (url ? url.replace(site.origin, '') : '(start)');
if (broken.length > 0) {
  const byTarget = new Map<string, LinkResult[]>();
  for (const r of broken) byTarget.set(r.url, [...(byTarget.get(r.url) ?? []), r]);
  console.error(`gate:links: ${broken.length} broken link(s) to ${byTarget.size} target(s) (${seconds} s):`);
  for (const [url, list] of byTarget) {
    const why = list[0]?.failureDetails?.map((d) => (d instanceof Error ? d.message : `HTTP ${d.status}`)).join('; ');
    console.error(`- ${local(url)} (${list[0]?.status ?? 'no status'}${why ? `: ${why}` : ''})`);
    for (const r of list.slice(0, 5)) console.error(`    linked from ${local(r.parent)}`);
    if (list.length > 5) console.error(`    … and ${list.length - 5} more pages`);
  }
  console.error('Fix: correct the link or the anchor in the source (content/, src/), then rebuild.');
  process.exit(1);
}
console.log(`gate:links: ${pages.length} pages, ${checked} internal links and anchors OK, 0 broken, ${skipped} external links not fetched (${seconds} s)`);
