/**
 * Build scaling: the full site (astro build + Pagefind index, exactly `npm run build`) over the real
 * content plus 1,000 and 3,000 synthetic paper notes (scripts/bench/lib/synthetic.ts), against a bare
 * Astro 7 + MDX + KaTeX project (one route, no layout) over the same synthetic notes, built with the
 * unified pipeline the site uses and with Astro 7's Sätteri processor. Every build is cold (its own
 * fresh Astro cache) and runs in .bench-tmp/ (git-ignored).
 *
 * Reports wall time, CPU time, peak RSS and dist/ size per build, and the ratios the issue sets as
 * goals. Reported, never asserted: the exit code is non-zero only when a build fails.
 * The 3,000-note full site is kept in .bench-tmp/site-3000/ for search.bench.ts.
 *
 * Usage: node scripts/bench/build-scaling.bench.ts
 *   BENCH_SIZES=1000,3000   BENCH_BASELINES=unified,satteri   BENCH_KEEP=1 (keep every temp project)
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { dirSize, fmt, timed, type Timing } from './lib/measure.ts';
import { REPO, prepareBareSite, prepareFullSite, realContent, syntheticNotes, type BarePipeline } from './lib/synthetic.ts';

const sizes = (process.env['BENCH_SIZES'] ?? '1000,3000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const baselines = (process.env['BENCH_BASELINES'] ?? 'unified,satteri').split(',').filter(Boolean) as BarePipeline[];
const keep = process.env['BENCH_KEEP'] === '1';
const tmp = join(REPO, '.bench-tmp');
mkdirSync(tmp, { recursive: true });
const astro = join(REPO, 'node_modules', 'astro', 'bin', 'astro.mjs');
const node = process.execPath;

interface Row {
  build: string;
  notes: number;
  pages: number;
  timing: Timing;
  distMB: number;
  files: number;
}
const rows: Row[] = [];
const real = realContent();

function record(build: string, notes: number, dir: string, t: Timing): Row {
  if (!t.ok) {
    console.error(
      `build-scaling: the ${build} build over ${notes} notes failed. Last lines of its log:\n${t.log.split('\n').slice(-40).join('\n')}`,
    );
    process.exit(1);
  }
  const size = dirSize(join(dir, 'dist'));
  const pages = Number(/(\d+) page\(s\) built/.exec(t.log)?.[1] ?? 0);
  const row = { build, notes, pages, timing: t, distMB: size.bytes / 2 ** 20, files: size.files };
  rows.push(row);
  console.log(
    `  ${build.padEnd(22)} ${String(notes).padStart(5)} notes: ${fmt(t.wallS)} s wall, ${fmt(t.cpuS)} s CPU, ${fmt(t.peakRssMB, 0)} MB peak RSS, ${pages} pages, dist ${fmt(row.distMB)} MB`,
  );
  return row;
}

console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, node ${process.version}; load average at start ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}\n`,
);
for (const n of sizes) {
  const notes = syntheticNotes(n, real);
  const full = join(tmp, `site-${n}`);
  prepareFullSite(full, notes);
  record(
    'full site',
    n,
    full,
    timed(
      `'${node}' '${astro}' build --config astro.bench.config.mjs && '${node}' scripts/build-search-index.ts`,
      full,
      join(tmp, `site-${n}.log`),
    ),
  );
  for (const p of baselines) {
    const bare = join(tmp, `bare-${p}-${n}`);
    prepareBareSite(bare, notes, p);
    record(`bare MDX+KaTeX (${p})`, n, bare, timed(`'${node}' '${astro}' build`, bare, join(tmp, `bare-${p}-${n}.log`)));
    if (!keep) rmSync(bare, { recursive: true, force: true });
  }
  if (!keep && n !== Math.max(...sizes)) rmSync(full, { recursive: true, force: true });
}

const get = (build: string, n: number) => rows.find((r) => r.build === build && r.notes === n);
console.log(
  '\n| build | synthetic notes | pages | wall s | CPU s | peak RSS MB | dist MB | files |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
);
for (const r of rows)
  console.log(
    `| ${r.build} | ${r.notes} | ${r.pages} | ${fmt(r.timing.wallS)} | ${fmt(r.timing.cpuS)} | ${fmt(r.timing.peakRssMB, 0)} | ${fmt(r.distMB)} | ${r.files} |`,
  );

const goals: { goal: string; value: string; met: boolean | null }[] = [];
const lo = Math.min(...sizes);
const hi = Math.max(...sizes);
for (const p of baselines) {
  const f = get('full site', lo);
  const b = get(`bare MDX+KaTeX (${p})`, lo);
  if (f && b)
    goals.push({
      goal: `full site ÷ bare (${p}) wall time at ${lo} notes ≤ 1.5`,
      value: (f.timing.wallS / b.timing.wallS).toFixed(2),
      met: f.timing.wallS / b.timing.wallS <= 1.5,
    });
  // CPU time is far less sensitive than wall time to other work on a shared machine.
  if (f?.timing.cpuS && b?.timing.cpuS)
    goals.push({
      goal: `(reference) full site ÷ bare (${p}) CPU time at ${lo} notes`,
      value: (f.timing.cpuS / b.timing.cpuS).toFixed(2),
      met: null,
    });
}
if (lo !== hi) {
  const f1 = get('full site', lo);
  const f3 = get('full site', hi);
  if (f1 && f3)
    goals.push({
      goal: `full site wall time ${hi} ÷ ${lo} notes ≤ ${((3.3 * hi) / 3000).toFixed(1)}`,
      value: (f3.timing.wallS / f1.timing.wallS).toFixed(2),
      met: f3.timing.wallS / f1.timing.wallS <= (3.3 * hi) / 3000,
    });
  if (f1?.timing.cpuS && f3?.timing.cpuS)
    goals.push({
      goal: `(reference) full site CPU time ${hi} ÷ ${lo} notes`,
      value: (f3.timing.cpuS / f1.timing.cpuS).toFixed(2),
      met: null,
    });
  for (const p of baselines) {
    const b1 = get(`bare MDX+KaTeX (${p})`, lo);
    const b3 = get(`bare MDX+KaTeX (${p})`, hi);
    if (b1 && b3)
      goals.push({
        goal: `(reference) bare (${p}) wall time ${hi} ÷ ${lo}`,
        value: (b3.timing.wallS / b1.timing.wallS).toFixed(2),
        met: null,
      });
  }
}
const fh = get('full site', hi);
if (fh)
  goals.push({
    goal: `full site peak RSS at ${hi} notes < 4096 MB`,
    value: fmt(fh.timing.peakRssMB, 0),
    met: fh.timing.peakRssMB === null ? null : fh.timing.peakRssMB < 4096,
  });
console.log('\n| goal | value | met |\n| --- | ---: | :---: |');
for (const g of goals) console.log(`| ${g.goal} | ${g.value} | ${g.met === null ? '–' : g.met ? 'yes' : 'NO'} |`);

mkdirSync(join(REPO, 'bench-results'), { recursive: true });
writeFileSync(
  join(REPO, 'bench-results', 'build-scaling.json'),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      cpus: cpus().length,
      rows: rows.map((r) => ({ ...r, timing: { ...r.timing, log: undefined } })),
      goals,
    },
    null,
    1,
  ),
);
