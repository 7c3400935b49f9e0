/**
 * `npm run lint:links` on a tiny built site: broken pages, missing anchors, links that only work through
 * a redirect and broken stylesheet urls are reported with the page that holds them; working links,
 * anchors and external hosts are not. Also under a base path, as a fork's GitHub Pages build has.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../../scripts/lib/link-check.ts';
import { remove } from './scratch.ts';

const made: string[] = [];
afterAll(() => made.forEach(remove));

/** Writes a built site whose internal links start with `base`. */
function site(base: string): string {
  const root = mkdtempSync(join(tmpdir(), 'atlas-links-'));
  made.push(root);
  const page = (title: string, body: string) =>
    `<!doctype html><html lang="en"><head><title>${title}</title><link rel="stylesheet" href="${base}style.css"></head><body>${body}</body></html>`;
  const files: Record<string, string> = {
    'index.html': page(
      'Home',
      [
        `<a href="${base}papers/a/">A</a>`,
        `<a href="${base}papers/a/#method">A, method</a>`,
        `<a href="${base}papers/a/#no-such-section">A, missing section</a>`,
        `<a href="${base}papers/gone/">a deleted note</a>`,
        `<a href="${base}papers/b">B without its slash</a>`,
        `<a href="#top">top</a><span id="top"></span>`,
        '<a href="https://arxiv.org/abs/1706.03762">arXiv</a>',
        `<a href="http://localhost:4321${base}papers/c/">the public URL of a missing page</a>`,
      ].join('\n'),
    ),
    'papers/a/index.html': page('A', `<h2 id="method">Method</h2><a href="${base}">home</a>`),
    'papers/b/index.html': page('B', `<a href="${base}papers/a/#method">A</a><a href="${base}papers/b/#results">own missing anchor</a>`),
    'style.css': `body { background: url(${base}img/ok.svg); } h2 { background: url(${base}img/missing.svg); }`,
    'img/ok.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    '404.html': page('Not found', 'nothing here'),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function expectFindings(broken: { link: string; page: string; problem: string }[], root: string, base: string) {
  const rel = (b: { page: string }) => b.page.slice(root.length + 1);
  const found = broken.map((b) => `${rel(b)}: ${b.link} ${b.problem.split('. Fix:')[0]}`).sort();
  expect(found).toEqual(
    [
      `index.html: ${base}papers/a/#no-such-section no element with id="no-such-section" on the target page`,
      `index.html: ${base}papers/b redirects to ${base}papers/b/`,
      `index.html: ${base}papers/gone/ is not a page or file of the built site (404)`,
      `index.html: ${base}papers/c/ is not a page or file of the built site (404)`,
      `papers/b/index.html: ${base}papers/b/#results no element with id="results" on the target page`,
      `style.css: ${base}img/missing.svg is not a page or file of the built site (404)`,
    ].sort(),
  );
  for (const b of broken) expect(b.problem).toMatch(/ Fix: /);
}

describe('checkLinks', () => {
  it('reports broken links, anchors, redirects and stylesheet urls, and skips external hosts', async () => {
    const root = site('/');
    const result = await checkLinks({ root, base: '/', site: 'http://localhost:4321' });
    expectFindings(result.broken, root, '/');
    expect(result.skipped).toBeGreaterThanOrEqual(1);
    expect(result.checked).toBeGreaterThanOrEqual(8);
  });

  it('checks a site built under a base path, and the absolute links to its public URL', async () => {
    const root = site('/attention-atlas/');
    const result = await checkLinks({ root, base: '/attention-atlas', site: 'http://localhost:4321' });
    expectFindings(result.broken, root, '/attention-atlas/');
  });

  it('passes a site without broken links', async () => {
    const root = mkdtempSync(join(tmpdir(), 'atlas-links-'));
    made.push(root);
    mkdirSync(join(root, 'papers/a'), { recursive: true });
    writeFileSync(
      join(root, 'index.html'),
      '<!doctype html><title>Home</title><a href="/papers/a/#x">A</a><a href="https://example.org/">ext</a>',
    );
    writeFileSync(join(root, 'papers/a/index.html'), '<!doctype html><title>A</title><p id="x">x</p><a href="/">home</a>');
    const result = await checkLinks({ root });
    expect(result.broken).toEqual([]);
    expect(result.skipped).toBe(1);
  });

  it('says to build first when there is no site', async () => {
    const root = mkdtempSync(join(tmpdir(), 'atlas-links-'));
    made.push(root);
    await expect(checkLinks({ root })).rejects.toThrow('Fix: run `npm run build` first');
  });
});
