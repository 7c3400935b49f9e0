/**
 * `npm run lint:links` — checks the built site in dist/ for broken internal links and #anchors, with
 * linkinator (scripts/lib/link-check.ts). External hosts are skipped. Run `npm run build` first; when the
 * site was built with BASE_PATH and SITE_URL, run this with the same values.
 *
 * Prints each broken link as `dist/<page>: <link> <problem>. Fix: …` (a link broken on several pages once,
 * with the pages that hold it), and exits 1 when there is any. In GitHub Actions (GITHUB_ACTIONS=true) each one is also an ::error annotation.
 *
 * Options:
 *   --dist DIR    the built site (default: dist/)
 *   --port N      port of the local server (default: LINKS_PORT, else a free port)
 */
import { parseArgs } from 'node:util';
import { checkLinks } from './lib/link-check.ts';

const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, port: { type: 'string' } } });
const started = Date.now();
try {
  const result = await checkLinks({
    root: values.dist,
    base: process.env['BASE_PATH'] ?? '/',
    site: process.env['SITE_URL'] ?? 'http://localhost:4321',
    port: Number(values.port ?? process.env['LINKS_PORT'] ?? 0),
  });
  // One entry per broken link, with the pages that hold it: a broken footer link is one problem, not 150.
  const byLink = new Map<string, string[]>();
  for (const b of result.broken) {
    const key = `${b.link} ${b.problem}`;
    byLink.set(key, [...(byLink.get(key) ?? []), b.page]);
  }
  for (const [problem, pages] of byLink) {
    const shown = pages.slice(0, 5).join(', ') + (pages.length > 5 ? `, and ${pages.length - 5} more` : '');
    console.log(`${pages.length === 1 ? `${pages[0]}: ${problem}` : `${problem}\n  on ${pages.length} pages: ${shown}`}`);
    if (process.env['GITHUB_ACTIONS'] === 'true')
      console.log(`::error title=broken link::${problem} (on ${pages.length} page(s): ${shown})`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const pages = new Set(result.broken.map((b) => b.page)).size;
  console.log(
    result.broken.length === 0
      ? `lint:links: ${result.checked} internal links and anchors checked, ${result.skipped} external skipped; no broken links (${seconds} s).`
      : `lint:links: ${result.broken.length} broken link(s) on ${pages} page(s); ${result.checked} checked, ${result.skipped} external skipped (${seconds} s).`,
  );
  process.exitCode = result.broken.length === 0 ? 0 : 1;
} catch (err) {
  console.error(`lint:links: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
