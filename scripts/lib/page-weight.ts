/**
 * Measures what a first visit to a built page transfers, from Chromium's own request log: each page
 * is opened with the browser cache disabled (a first visit) from a static server over dist/, and every
 * request made until the network is idle and the fonts are ready is attributed to HTML, CSS, JS,
 * fonts or other. Sizes are the served files' bytes: raw, gzip (level 6) and brotli (quality 11),
 * as a static host would compress them (fonts and Pagefind's pre-compressed files are not
 * compressed again). Nothing is interacted with, so everything counted runs before interaction.
 *
 * It also checks which fonts the page loaded against the fonts its rendered text uses.
 * Used by scripts/check-budgets.ts (the gate) and scripts/bench/page-weight.bench.ts (the table).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page, Request } from '@playwright/test';
import { loadContent } from '../../src/integrations/content-loader.ts';
import { inlineScripts } from '../../src/integrations/csp.ts';
import { launchChromium } from './chromium.ts';
import { brotliSize, gzipSize, isCompressible, resolvePath, serveDist } from './serve-dist.ts';

export interface Sizes {
  raw: number;
  gzip: number;
  br: number;
  files: string[];
}

export interface PageWeight {
  path: string;
  type: string;
  status: number;
  html: Sizes;
  css: Sizes;
  /** External JavaScript loaded before any interaction (module scripts, their imports, preloads). */
  js: Sizes;
  /** Inline scripts in the HTML (their bytes are inside html too). */
  inlineJs: { count: number; bytes: number };
  fonts: Sizes & { unused: string[]; notWoff2: string[]; duplicates: string[] };
  other: Sizes;
  requests: number;
  thirdParty: string[];
  hasDemos: boolean;
  katexElements: number;
}

/** HTML + CSS + JS, fonts excluded: what the 60 KB paper budget counts. */
export function firstVisit(p: PageWeight, kind: 'raw' | 'gzip' | 'br' = 'gzip'): number {
  return p.html[kind] + p.css[kind] + p.js[kind];
}

function emptySizes(): Sizes {
  return { raw: 0, gzip: 0, br: 0, files: [] };
}

type FileSizes = { raw: number; gzip: number; br: number };
const sizeCache = new Map<string, Promise<FileSizes>>();
/**
 * A file's size raw, gzipped and brotli-compressed (serve-dist.ts), on libuv's thread pool, so
 * brotli 11 on each page's HTML runs beside the browser work instead of blocking this process.
 */
function fileSizes(file: string): Promise<FileSizes> {
  let s = sizeCache.get(file);
  if (!s) {
    const buf = readFileSync(file);
    s = isCompressible(file)
      ? Promise.all([gzipSize(buf), brotliSize(buf)]).then(([gzip, br]) => ({ raw: buf.length, gzip, br }))
      : Promise.resolve({ raw: buf.length, gzip: buf.length, br: buf.length });
    sizeCache.set(file, s);
  }
  return s;
}

async function addTo(target: Sizes, file: string, label: string): Promise<void> {
  const s = await fileSizes(file);
  target.raw += s.raw;
  target.gzip += s.gzip;
  target.br += s.br;
  target.files.push(label);
}

export interface PageSpec {
  path: string;
  type: string;
}

/** Every built page, with its page type (paper pages split into landmark/note and with/without demos). */
export function sitePages(dist: string, root = process.cwd()): PageSpec[] {
  // A paper's depth, from the content loader (the one reader of content/).
  const depth = new Map<string, string>(loadContent(root).content.papers.map((p) => [p.id, String(p.raw?.['depth'] ?? 'note')]));
  const pages: PageSpec[] = [];
  for (const e of readdirSync(dist, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || e.name !== 'index.html') continue;
    const rel = join(e.parentPath, e.name).slice(dist.length).replace(/\\/g, '/');
    if (rel.startsWith('/pagefind/') || rel.startsWith('/_astro/')) continue;
    const path = rel.replace(/index\.html$/, '');
    const parts = path.split('/').filter(Boolean);
    const demos = readFileSync(join(e.parentPath, e.name), 'utf8').includes(' data-demo="');
    let type: string;
    if (parts.length === 0) type = 'home';
    else if (parts.length === 1) type = `${parts[0]} index`;
    else if (parts[0] === 'papers') type = `paper (${depth.get(parts[1]!) ?? 'note'}${demos ? ', demos' : ''})`;
    else if (parts[0] === 'concepts') type = demos ? 'concept with demos' : 'concept';
    else type = `${parts[0]} page`;
    pages.push({ path, type });
  }
  if (existsSync(join(dist, '404.html'))) pages.push({ path: '/404-gates-probe/', type: '404' });
  return pages.sort((a, b) => a.type.localeCompare(b.type) || a.path.localeCompare(b.path));
}

interface FontProbe {
  faces: { family: string; weight: string; style: string; urls: string[] }[];
  used: string[];
  katex: number;
}

/**
 * One tab per worker, reused from page to page with the browser cache disabled (CDP
 * Network.setCacheDisabled, DevTools' "Disable cache", which bypasses the memory cache too), so every
 * visit is a first visit. A fresh browser context per page measures the same bytes but costs a new
 * renderer process each time, which made the gate several times slower.
 */
interface Tab {
  page: Page;
  close(): Promise<void>;
}

async function openTab(browser: Browser): Promise<Tab> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return { page, close: () => context.close() };
}

async function measureOne(tab: Tab, origin: string, root: string, base: string, spec: PageSpec): Promise<PageWeight> {
  const { page } = tab;
  const seen: { url: string; type: string }[] = [];
  let inflight = 0;
  let lastChange = Date.now();
  const settle = () => {
    lastChange = Date.now();
  };
  const onRequest = (r: Request) => {
    seen.push({ url: r.url(), type: r.resourceType() });
    inflight++;
    settle();
  };
  const onDone = () => {
    inflight--;
    settle();
  };
  // Leave the previous page first, so none of its late requests is counted for this one.
  await page.goto('about:blank');
  page.on('request', onRequest);
  page.on('requestfinished', onDone);
  page.on('requestfailed', onDone);
  const res = await page.goto(origin + spec.path, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // Quiet for 200 ms with nothing in flight: everything the page loads on its own has arrived.
  for (const t0 = Date.now(); Date.now() - t0 < 10_000 && (inflight > 0 || Date.now() - lastChange < 200);)
    await new Promise((r) => setTimeout(r, 25));
  const probe: FontProbe = await page.evaluate(async () => {
    await document.fonts.ready;
    const norm = (w: string) => (w === 'normal' || w === '' ? '400' : w === 'bold' ? '700' : w);
    const faces: FontProbe['faces'] = [];
    const visit = (rules: CSSRuleList, href: string) => {
      for (const r of rules) {
        if (r instanceof CSSFontFaceRule) {
          const src = r.style.getPropertyValue('src');
          faces.push({
            family: r.style.getPropertyValue('font-family').replace(/["']/g, '').trim(),
            weight: norm(r.style.getPropertyValue('font-weight')),
            style: r.style.getPropertyValue('font-style') || 'normal',
            urls: [...src.matchAll(/url\(["']?([^"')]+)/g)].map((m) => new URL(m[1]!, href).href),
          });
        } else if ('cssRules' in r) visit((r as CSSGroupingRule).cssRules, href);
      }
    };
    for (const sheet of document.styleSheets) {
      try {
        visit(sheet.cssRules, sheet.href ?? location.href);
      } catch {
        /* cross-origin sheet: reported as a third-party request instead */
      }
    }
    // A face is used when rendered text asks for it, either directly or through an ancestor: the
    // primary font of every inline box around text sets its line metrics (KaTeX's struts), so
    // browsers load it too.
    const used = new Set<string>();
    const visited = new Set<Element>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!(n as Text).data.trim() || !n.parentElement) continue;
      const own = getComputedStyle(n.parentElement);
      if (own.display === 'none' || own.visibility === 'hidden') continue;
      for (let el: Element | null = n.parentElement; el && !visited.has(el); el = el.parentElement) {
        visited.add(el);
        const cs = getComputedStyle(el);
        const family = (cs.fontFamily.split(',')[0] ?? '').replace(/["']/g, '').trim();
        used.add(`${family}|${norm(cs.fontWeight)}|${cs.fontStyle}`);
      }
    }
    return { faces, used: [...used], katex: document.querySelectorAll('.katex').length };
  });
  page.off('request', onRequest);
  page.off('requestfinished', onDone);
  page.off('requestfailed', onDone);
  const p: PageWeight = {
    path: spec.path,
    type: spec.type,
    status: res?.status() ?? 0,
    html: emptySizes(),
    css: emptySizes(),
    js: emptySizes(),
    inlineJs: { count: 0, bytes: 0 },
    fonts: { ...emptySizes(), unused: [], notWoff2: [], duplicates: [] },
    other: emptySizes(),
    requests: seen.length,
    thirdParty: [],
    hasDemos: false,
    katexElements: probe.katex,
  };
  const counted = new Set<string>();
  for (const r of seen) {
    const u = new URL(r.url);
    if (u.protocol === 'data:' || u.protocol === 'blob:') continue;
    if (u.origin !== origin) {
      p.thirdParty.push(r.url);
      continue;
    }
    let file = resolvePath(root, base, u.pathname);
    if (file === 'redirect') continue;
    if (!file) file = join(root, '404.html');
    const label = u.pathname;
    if (counted.has(label)) {
      if (r.type === 'font') p.fonts.duplicates.push(label);
      continue;
    }
    counted.add(label);
    if (r.type === 'document') {
      await addTo(p.html, file, label);
      const html = readFileSync(file, 'utf8');
      p.hasDemos = html.includes(' data-demo="');
      for (const s of inlineScripts(html)) {
        p.inlineJs.count++;
        p.inlineJs.bytes += Buffer.byteLength(s);
      }
    } else if (r.type === 'stylesheet') await addTo(p.css, file, label);
    else if (r.type === 'script') await addTo(p.js, file, label);
    else if (r.type === 'font') {
      await addTo(p.fonts, file, label);
      if (!label.endsWith('.woff2')) p.fonts.notWoff2.push(label);
      const face = probe.faces.find((f) => f.urls.includes(r.url));
      if (!face || !probe.used.includes(`${face.family}|${face.weight}|${face.style}`))
        p.fonts.unused.push(`${label}${face ? ` (${face.family} ${face.weight} ${face.style})` : ' (no @font-face)'}`);
    } else await addTo(p.other, file, label);
  }
  return p;
}

export interface MeasureOptions {
  dist?: string;
  base?: string;
  concurrency?: number;
  onPage?: (p: PageWeight) => void;
}

/** Measures the given pages of a built site (served from a local static server). */
export async function measurePages(pages: PageSpec[], options: MeasureOptions = {}): Promise<PageWeight[]> {
  const dist = resolve(options.dist ?? 'dist');
  const base = (options.base ?? process.env['BASE_PATH'] ?? '/').replace(/\/?$/, '/');
  // Sizes come from the files themselves (fileSizes), so the server sends them uncompressed: its
  // brotli-11 compression of each page, synchronous in this process, had doubled the run's time.
  const site = await serveDist({ root: dist, base, compress: false });
  const browser = await launchChromium();
  const out: PageWeight[] = [];
  try {
    const queue = [...pages];
    const workers = Array.from({ length: options.concurrency ?? 4 }, async () => {
      const tab = await openTab(browser);
      for (let spec = queue.shift(); spec; spec = queue.shift()) {
        const p = await measureOne(tab, site.origin, dist, base, { ...spec, path: base.replace(/\/$/, '') + spec.path });
        out.push(p);
        options.onPage?.(p);
      }
      await tab.close();
    });
    await Promise.all(workers);
  } finally {
    await browser.close();
    await site.close();
  }
  return out.sort((a, b) => a.type.localeCompare(b.type) || a.path.localeCompare(b.path));
}

export const kb = (n: number): string => (n / 1024).toFixed(1);

/** One row per page type: the heaviest page of that type (by gzip first-visit bytes) and the count. */
export function weightTable(pages: PageWeight[]): string {
  const byType = new Map<string, PageWeight[]>();
  for (const p of pages) byType.set(p.type, [...(byType.get(p.type) ?? []), p]);
  const rows = [
    '| page type | pages | heaviest page | HTML gz | CSS gz | JS gz (before interaction) | inline JS B | HTML+CSS+JS gz | br | fonts (files, KB) | requests |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [type, list] of [...byType].sort((a, b) => a[0].localeCompare(b[0]))) {
    const worst = list.reduce((a, b) => (firstVisit(b) > firstVisit(a) ? b : a));
    rows.push(
      `| ${type} | ${list.length} | ${worst.path} | ${kb(worst.html.gzip)} | ${kb(worst.css.gzip)} | ${kb(worst.js.gzip)} | ${worst.inlineJs.bytes} | **${kb(firstVisit(worst))}** | ${kb(firstVisit(worst, 'br'))} | ${worst.fonts.files.length}, ${kb(worst.fonts.raw)} | ${worst.requests} |`,
    );
  }
  return rows.join('\n');
}
