/**
 * The lineage graph at 1,000 papers: the site built over the real content plus synthetic notes
 * (scripts/bench/lib/synthetic.ts) up to BENCH_GRAPH_NODES papers in total, served compressed, and
 * the overview /graph/all/ (every paper at once, the heaviest view) driven in Chromium. Reports the
 * page's size, how long the page takes to become interactive, the first frame of a drag (from the
 * pointer move that starts it to the end of the frame that shows it moved), the frame intervals
 * while panning and zooming (pointer drag, ctrl + wheel, keyboard), and how long the "No topics" and
 * "All topics" toggles and an ancestor/descendant highlight take to apply, each to the end of the
 * frame that shows it. Also the focused view /graph/ (the page a reader lands on): its size and
 * node count. Reported, never asserted.
 *
 * Usage: node scripts/bench/graph.bench.ts
 *   BENCH_GRAPH_NODES=1000   BENCH_PORT=4399   BENCH_KEEP=1 (keep .bench-tmp/graph-<n>/)
 *   BENCH_GRAPH_DIST=<dir>   (measure an already built dist/ instead of building one, e.g.
 *   .bench-tmp/site-1000/dist left by the search benchmark)
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../lib/chromium.ts';
import { serveDist } from '../lib/serve-dist.ts';
import { fmt, timed } from './lib/measure.ts';
import { REPO, prepareFullSite, realContent, syntheticNotes } from './lib/synthetic.ts';

const target = Number(process.env['BENCH_GRAPH_NODES'] ?? 1000);
const port = Number(process.env['BENCH_PORT'] ?? 4399);
const keep = process.env['BENCH_KEEP'] === '1';
const tmp = join(REPO, '.bench-tmp');
const dir = join(tmp, `graph-${target}`);

let dist = process.env['BENCH_GRAPH_DIST'];
if (!dist) {
  const real = realContent();
  const realPapers = readdirSync(join(REPO, 'content', 'papers')).filter((f) => f.endsWith('.mdx')).length;
  const extra = Math.max(0, target - realPapers);
  mkdirSync(tmp, { recursive: true });
  prepareFullSite(dir, syntheticNotes(extra, real));
  const astro = join(REPO, 'node_modules', 'astro', 'bin', 'astro.mjs');
  console.log(`building the site with ${realPapers} real + ${extra} synthetic papers …`);
  const t = timed(`'${process.execPath}' '${astro}' build --config astro.bench.config.mjs`, dir, join(tmp, `graph-${target}.log`));
  if (!t.ok) {
    console.error(`graph bench: the build failed. Last lines of its log:\n${t.log.split('\n').slice(-30).join('\n')}`);
    process.exit(1);
  }
  console.log(`  built in ${fmt(t.wallS)} s wall, ${fmt(t.cpuS)} s CPU`);
  dist = join(dir, 'dist');
}
const html = readFileSync(join(dist, 'graph', 'all', 'index.html'));
const focusHtml = readFileSync(join(dist, 'graph', 'index.html'));

const site = await serveDist({ root: dist, port });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // The server compresses each file on first request; a static host serves it precompressed.
  await page.request.get(`${site.url}graph/all/`, { headers: { 'Accept-Encoding': 'br, gzip' }, timeout: 180_000 });
  const started = Date.now();
  await page.goto(`${site.url}graph/all/`, { waitUntil: 'load', timeout: 180_000 });
  await page.waitForFunction(() => document.querySelector('[data-graph-viewport]')?.classList.contains('is-live'), undefined, {
    timeout: 180_000,
  });
  const interactiveMs = Date.now() - started;
  const counts = await page.evaluate(() => ({
    nodes: document.querySelectorAll('svg[data-lg-svg] .lg-node').length,
    edges: document.querySelectorAll('svg[data-lg-svg] .lg-edge').length,
    elements: document.querySelectorAll('*').length,
  }));

  /** Frame intervals (ms) while `act` runs, from a requestAnimationFrame loop in the page. */
  const frames = async (act: () => Promise<void>): Promise<number[]> => {
    await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __stop: boolean };
      w.__frames = [];
      w.__stop = false;
      let last = performance.now();
      const tick = (t: number) => {
        w.__frames.push(t - last);
        last = t;
        if (!w.__stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await act();
    return page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __stop: boolean };
      w.__stop = true;
      return w.__frames.slice(1);
    });
  };
  // Measured after scrolling, so the pointer is in the middle of the visible drawing (a paper's
  // preview card opens below its box there, not over the next drag's starting point).
  await page.locator('[data-graph-viewport]').scrollIntoViewIfNeeded();
  const box = (await page.locator('[data-graph-viewport]').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = Math.min(box.y + box.height / 2, 850);
  /** From the pointer move that starts a drag to the end of the frame that shows the graph moved. */
  const firstDragFrame = async (): Promise<number> => {
    await page.evaluate(() => {
      const w = window as unknown as { __firstMove?: Promise<number> };
      const vp = document.querySelector('[data-graph-viewport]')!;
      const svg = vp.querySelector('svg')!;
      const before = svg.style.transform;
      w.__firstMove = new Promise((resolve) => {
        const onMove = () => {
          vp.removeEventListener('pointermove', onMove, true);
          const t0 = performance.now();
          requestAnimationFrame(() => {
            // After this frame's rAF callbacks (the graph's transform), its style, layout and paint
            // run; a message posted now is handled once they are done.
            const ch = new MessageChannel();
            ch.port1.onmessage = () => resolve(svg.style.transform !== before ? performance.now() - t0 : -1);
            ch.port2.postMessage(0);
          });
        };
        vp.addEventListener('pointerdown', () => vp.addEventListener('pointermove', onMove, true), { capture: true, once: true });
      });
    });
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx - 40, cy + 10, { steps: 1 });
    const ms = await page.evaluate(() => (window as unknown as { __firstMove: Promise<number> }).__firstMove);
    await page.mouse.up();
    return ms;
  };
  const firstFrames: number[] = [];
  for (let i = 0; i < 5; i++) firstFrames.push(await firstDragFrame());
  const drag = await frames(async () => {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 0; i < 90; i++) await page.mouse.move(cx - i * 6, cy + Math.sin(i / 9) * 60, { steps: 1 });
    await page.mouse.up();
  });
  const wheel = await frames(async () => {
    await page.mouse.move(cx, cy);
    await page.keyboard.down('Control');
    for (let i = 0; i < 60; i++) await page.mouse.wheel(0, i < 30 ? -40 : 40);
    await page.keyboard.up('Control');
  });
  const keys = await frames(async () => {
    await page.locator('[data-graph-viewport]').focus();
    for (let i = 0; i < 40; i++) await page.keyboard.press(['ArrowLeft', 'ArrowUp', '+', 'ArrowRight', '-'][i % 5]!);
  });

  /**
   * Time from a control change to the end of the `frames`-th painted frame after it, in ms, after
   * `quietMs` of waiting first. Chromium rasterizes a frame's pixels on other threads and the next
   * frame waits for them, so one frame (the default) bills a toggle's raster to the change after it;
   * 1 s of quiet and two frames count a toggle's own raster instead.
   */
  const apply = (act: string, { quietMs = 0, frames = 1 } = {}) =>
    page.evaluate(
      async ({ what, quietMs, frames }) => {
        if (quietMs) await new Promise((r) => setTimeout(r, quietMs));
        const t0 = performance.now();
        if (what === 'none' || what === 'all') document.querySelector<HTMLButtonElement>(`button[data-check="topic:${what}"]`)!.click();
        else {
          const s = document.querySelector<HTMLSelectElement>('select[name="focus"]')!;
          s.value = what;
          s.dispatchEvent(new Event('change', { bubbles: true }));
        }
        for (let i = 1; i < frames; i++) await new Promise((r) => requestAnimationFrame(r));
        // The end of the last frame: a message posted from its rAF is handled after that frame's
        // style, layout and paint.
        await new Promise<void>((r) =>
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => r();
            ch.port2.postMessage(0);
          }),
        );
        return performance.now() - t0;
      },
      { what: act, quietMs, frames },
    );
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[2]!;
  // Median of five runs each: the machine may be shared, and single runs vary.
  const median = async (act: string) => {
    const xs: number[] = [];
    for (let i = 0; i < 5; i++) {
      xs.push(await apply(act));
      await apply(act === 'none' ? 'all' : act === 'all' ? 'none' : '');
    }
    return mid(xs);
  };
  const filterNone = await median('none');
  const filterAll = await median('all');
  // The same toggles, each after 1 s of quiet, to the end of the second frame.
  const settledRuns: { none: number[]; all: number[] } = { none: [], all: [] };
  for (let i = 0; i < 5; i++) {
    settledRuns.none.push(await apply('none', { quietMs: 1000, frames: 2 }));
    settledRuns.all.push(await apply('all', { quietMs: 1000, frames: 2 }));
  }
  // Let the last toggle's raster finish, so the highlight is not billed for it.
  await page.waitForTimeout(1500);
  const highlight = await median('vaswani2017attention');
  const clear = await apply('');

  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
    return `${s.length} frames, median ${fmt(q(0.5))} ms, p95 ${fmt(q(0.95))} ms, max ${fmt(s.at(-1) ?? 0)} ms, ${s.filter((x) => x > 50).length} over 50 ms`;
  };
  const focusNodes = (focusHtml.toString().match(/class="lg-node /g) ?? []).length;
  const firstSorted = [...firstFrames].sort((a, b) => a - b);
  console.log(`\n/graph/all/ with ${counts.nodes} papers and ${counts.edges} relations (${counts.elements} DOM elements)\n`);
  console.log('| measure | value |\n| --- | --- |');
  console.log(
    `| graph/all/index.html | ${(html.length / 1024).toFixed(0)} KiB raw, ${(gzipSync(html, { level: 9 }).length / 1024).toFixed(0)} KiB gzip |`,
  );
  console.log(
    `| graph/index.html (focused view, ${focusNodes} papers) | ${(focusHtml.length / 1024).toFixed(0)} KiB raw, ${(gzipSync(focusHtml, { level: 9 }).length / 1024).toFixed(0)} KiB gzip |`,
  );
  console.log(`| first frame of a drag (median of 5; all) | ${fmt(firstSorted[2]!)} ms (${firstSorted.map((x) => fmt(x)).join(', ')}) |`);
  console.log(`| load to interactive | ${interactiveMs} ms |`);
  console.log(`| drag pan | ${stats(drag)} |`);
  console.log(`| ctrl + wheel zoom | ${stats(wheel)} |`);
  console.log(`| keyboard pan and zoom | ${stats(keys)} |`);
  console.log(`| filter: no topics / all topics (median of 5) | ${fmt(filterNone)} ms / ${fmt(filterAll)} ms to the next frame |`);
  console.log(
    `| filter, each after 1 s of quiet: no topics / all topics (median of 5) | ${fmt(mid(settledRuns.none))} ms / ${fmt(mid(settledRuns.all))} ms to the second frame |`,
  );
  console.log(`| highlight the Transformer's lineage (median of 5) / clear | ${fmt(highlight)} ms / ${fmt(clear)} ms to the next frame |`);
} finally {
  await browser.close();
  await site.close();
  if (!keep && !process.env['BENCH_GRAPH_DIST'] && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}
