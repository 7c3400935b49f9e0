/**
 * Demo frame time in Chromium: for every demo instance on every concept page, the time of one
 * recompute plus redraw, at the default sizes and at the maximum sizes the demo accepts.
 *
 * Method: the built site (dist/) is served by scripts/lib/serve-dist.ts and opened in Chromium
 * (1280×800). For each demo element, its recompute() is called, the work a change of a control
 * triggers (read controls → src/compute → rewrite the live parts; the element runs it in the frame
 * after the change). It is called from a requestAnimationFrame callback, at the start of a frame,
 * and two times are taken from it:
 * - script: until recompute() returns (compute + DOM writes);
 * - frame: until a task queued at that moment runs, which is after the browser has done that
 *   frame's style, layout and paint (main-thread work; rasterising happens off the main thread),
 *   so it is the recompute plus the redraw.
 * Each is the median of 9 repetitions (the first, which may compile code, is dropped).
 *
 * Maximum sizes: every size control of the instance (tokens, d, heads, n, layers, experts, …, listed
 * in SIZE_FIELDS) is given an oversized value (a 120-word sentence, 100000, or the last option of a
 * select), and the demo clamps it to its safe bound (tokens ≤ 64, d ≤ 128, …), exactly as a reader
 * typing a huge value would see. The table prints the values the demo actually used.
 * One frame is 16.7 ms at 60 Hz; the goal is a default-size update within one frame.
 * Reported, never asserted.
 *
 * Run: `npm run bench -- demos` after `npm run build`. Writes bench-results/demos.json.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../lib/chromium.ts';
import { serveDist } from '../lib/serve-dist.ts';
import { REPO } from './lib/synthetic.ts';

/** The controls of each demo that set a size; everything else (seeds, rates, modes) keeps its default. */
const SIZE_FIELDS = new Set([
  'source',
  'target',
  'd',
  'da', // additive-attention
  'alibiHeads',
  'alibiLength',
  'sinLength',
  'sinD',
  'ropeD', // sinusoidal-encoding, rotary-embedding, alibi
  'sentence',
  'heads',
  'dk',
  'padTo', // multi-head-attention, mixture-of-experts, pretraining-objectives
  'n',
  'errN',
  'errD',
  'draws',
  'costD', // efficient-attention, flash-attention
  'x',
  'layers',
  'depthD',
  'tokens', // layer-normalization
  'experts',
  'dModel',
  'dFF',
  'paramExperts', // mixture-of-experts
  'kvHeads',
  'cacheHeads',
  'cacheKvHeads',
  'headDim',
  'batch', // grouped-query-attention (with sentence, heads, dk, layers, tokens)
  'paramD', // gated-feed-forward (with x)
  'trainLength',
  'targetLength', // rope-scaling (with d)
  'costK',
  'costR', // low-rank-adaptation (with costD)
  'u',
  'costN', // selective-scan (with costD)
]);
const LONG_SENTENCE = Array.from(
  { length: 120 },
  (_, i) => ['the', 'model', 'attends', 'to', 'every', 'token', 'in', 'its', 'context', 'window'][i % 10],
).join(' ');
const LONG_VECTOR = Array.from({ length: 200 }, (_, i) => String(((i * 37) % 23) - 11)).join(', ');

const dist = join(REPO, 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error('demos bench: dist/index.html does not exist. Fix: run `npm run build` first.');
  process.exit(1);
}
const conceptPages = readdirSync(join(dist, 'concepts'))
  .filter(
    (d) =>
      existsSync(join(dist, 'concepts', d, 'index.html')) &&
      readFileSync(join(dist, 'concepts', d, 'index.html'), 'utf8').includes(' data-demo="'),
  )
  .sort();

interface Measured {
  page: string;
  demo: string;
  id: string;
  size: 'default' | 'max';
  sizes: string;
  scriptMs: number;
  frameMs: number;
  error: string | null;
}

const site = await serveDist({ root: dist });
const browser = await launchChromium();
const rows: Measured[] = [];
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  for (const slug of conceptPages) {
    await page.goto(`${site.url}concepts/${slug}/`, { waitUntil: 'load' });
    // Every demo element upgraded (its module loaded and defined).
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-demo]')].every(
          (el) => el.tagName.includes('-') && customElements.get(el.tagName.toLowerCase()),
        ),
      undefined,
      { timeout: 30_000 },
    );
    const result = await page.evaluate(
      async ({ sizeFields, longSentence, longVector }) => {
        const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
        const nextPaint = () => new Promise<number>((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)));
        type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
        const fieldsOf = (el: Element) => [...el.querySelectorAll<Field>('[data-field]')].filter((f) => f.closest('[data-demo]') === el);
        const sizesOf = (el: Element) =>
          fieldsOf(el)
            .filter((f) => sizeFields.includes(f.dataset['field']!))
            .map((f) => {
              const v = f.value;
              const shown =
                f.dataset['field'] === 'sentence' || f.dataset['field'] === 'source' || f.dataset['field'] === 'target'
                  ? `${v.trim().split(/\s+/).length} words`
                  : f.dataset['field'] === 'x' || f.dataset['field'] === 'u'
                    ? `${v.split(',').length} values`
                    : v;
              return `${f.dataset['field']}=${shown}`;
            })
            .join(', ');
        const time = async (el: Element) => {
          const script: number[] = [];
          const frame: number[] = [];
          for (let rep = 0; rep < 10; rep++) {
            await nextPaint();
            // Called at the start of a frame, from a requestAnimationFrame callback: the
            // browser's style, layout and paint for this frame follow in the same rendering task,
            // and a task queued here runs only after them.
            const t = await new Promise<{ script: number; frame: number }>((resolve) =>
              requestAnimationFrame(() => {
                const t0 = performance.now();
                (el as HTMLElement & { recompute(): number }).recompute();
                const t1 = performance.now();
                setTimeout(() => resolve({ script: t1 - t0, frame: performance.now() - t0 }), 0);
              }),
            );
            if (rep === 0) continue;
            script.push(t.script);
            frame.push(t.frame);
          }
          return { scriptMs: median(script), frameMs: median(frame) };
        };
        const out: { demo: string; id: string; size: 'default' | 'max'; sizes: string; scriptMs: number; frameMs: number }[] = [];
        for (const el of document.querySelectorAll('[data-demo]')) {
          const demo = el.getAttribute('data-demo')!;
          const id = el.id;
          out.push({ demo, id, size: 'default', sizes: sizesOf(el) || '(fixed size)', ...(await time(el)) });
          const sizeControls = fieldsOf(el).filter((f) => sizeFields.includes(f.dataset['field']!));
          for (const f of sizeControls) {
            const name = f.dataset['field']!;
            if (f instanceof HTMLSelectElement) f.value = f.options[f.options.length - 1]!.value;
            else if (name === 'sentence' || name === 'source' || name === 'target') f.value = longSentence;
            else if (name === 'x' || name === 'u') f.value = longVector;
            else f.value = '100000';
            f.dispatchEvent(new Event('input', { bubbles: true }));
            f.dispatchEvent(new Event('change', { bubbles: true }));
            await nextPaint();
          }
          if (sizeControls.length > 0) out.push({ demo, id, size: 'max', sizes: sizesOf(el), ...(await time(el)) });
        }
        return out;
      },
      { sizeFields: [...SIZE_FIELDS], longSentence: LONG_SENTENCE, longVector: LONG_VECTOR },
    );
    for (const r of result) rows.push({ page: `/concepts/${slug}/`, ...r, error: consoleErrors.length ? consoleErrors.join(' | ') : null });
    consoleErrors.length = 0;
  }
} finally {
  await browser.close();
  await site.close();
}

const f = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
console.log(`Chromium, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; median of 9 updates; one frame at 60 Hz = 16.7 ms.\n`);
console.log(
  '| page | demo (id) | sizes | script ms | frame ms (script + style, layout, paint) | within 16.7 ms |\n| --- | --- | --- | ---: | ---: | :---: |',
);
for (const r of rows)
  console.log(
    `| ${r.page} | ${r.demo} (${r.id}) | ${r.size}: ${r.sizes} | ${f(r.scriptMs)} | ${f(r.frameMs)} | ${r.frameMs <= 16.7 ? 'yes' : 'no'} |${r.error ? ` console: ${r.error}` : ''}`,
  );
const worst = (size: string) => rows.filter((r) => r.size === size).reduce((a, b) => (b.frameMs > a.frameMs ? b : a));
for (const size of ['default', 'max']) {
  const w = worst(size);
  console.log(`\nworst at ${size} sizes: ${w.demo} (${w.id}) on ${w.page}, ${f(w.frameMs)} ms per frame`);
}
mkdirSync(join(REPO, 'bench-results'), { recursive: true });
writeFileSync(join(REPO, 'bench-results', 'demos.json'), JSON.stringify({ date: new Date().toISOString(), rows }, null, 1));
