/**
 * FlashAttention and linear attention against scaledDotProductAttention (src/compute).
 *
 * Run: `npm run bench -- flash` (or `node scripts/bench/flash.bench.ts`). Prints two Markdown tables.
 *
 * 1. flashAttention (default block size B = 64) vs scaledDotProductAttention for n = m = 256, 1024,
 *    4096 with d = dv = 64: median wall time, and the numbers each holds besides Q, K, V and the
 *    output — flashAttention's measured `peakScratchElements`, and for sdpa the n×m weights matrix it
 *    materialises (its `weights.data.length`). The max |difference| of the outputs is shown as a check.
 * 2. linearAttention (non-causal, φ = elu + 1) vs scaledDotProductAttention for n = 256 … 4096,
 *    d = 64: median times and their ratio. Linear attention is O(n·d²), softmax attention O(n²·d).
 *
 * Inputs are deterministic (the module's seeded generator). Implementations take turns within each
 * round so drifting machine speed hits both alike. Benchmarks report; they never assert timings.
 */
import { flashAttention, linearAttention, scaledDotProductAttention } from '../../src/compute/index.ts';
import { fmtMs as fmt, race, uniformMatrix } from './lib/race.ts';

const D = 64;

const int = (x: number) => x.toLocaleString('en-US');

// Warm up the JIT on a small problem.
{
  const x = uniformMatrix(128, D, 1);
  for (let i = 0; i < 3; i++) {
    flashAttention(x, x, x);
    scaledDotProductAttention(x, x, x);
    linearAttention(x, x, x);
  }
}

console.log(`### flashAttention vs scaledDotProductAttention (d = ${D}, B = 64)\n`);
console.log(
  '| n | flash median (ms) | sdpa median (ms) | flash / sdpa | flash peak scratch | sdpa n×m weights | scratch ratio | max abs diff |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const n of [256, 1024, 4096]) {
  const q = uniformMatrix(n, D, 10 + n);
  const k = uniformMatrix(n, D, 20 + n);
  const v = uniformMatrix(n, D, 30 + n);
  const flash = flashAttention(q, k, v);
  const exact = scaledDotProductAttention(q, k, v);
  let diff = 0;
  for (let i = 0; i < exact.output.data.length; i++) diff = Math.max(diff, Math.abs(flash.output.data[i]! - exact.output.data[i]!));
  const t = race(
    {
      flash: () => void flashAttention(q, k, v),
      sdpa: () => void scaledDotProductAttention(q, k, v),
    },
    n >= 4096 ? 20_000 : 4000,
  );
  const weights = exact.weights.data.length;
  console.log(
    `| ${n} | ${fmt(t['flash']!)} | ${fmt(t['sdpa']!)} | ${(t['flash']! / t['sdpa']!).toFixed(2)} | ${int(flash.peakScratchElements)} | ${int(weights)} | ${(weights / flash.peakScratchElements).toFixed(1)}× | ${diff.toExponential(1)} |`,
  );
}

console.log(`\n### linearAttention vs scaledDotProductAttention as n grows (d = ${D})\n`);
console.log('| n | linear median (ms) | sdpa median (ms) | sdpa / linear |');
console.log('|---:|---:|---:|---:|');
for (const n of [256, 512, 1024, 2048, 4096]) {
  const q = uniformMatrix(n, D, 40 + n);
  const k = uniformMatrix(n, D, 50 + n);
  const v = uniformMatrix(n, D, 60 + n);
  const t = race(
    {
      linear: () => void linearAttention(q, k, v),
      sdpa: () => void scaledDotProductAttention(q, k, v),
    },
    n >= 4096 ? 12_000 : 3000,
  );
  console.log(`| ${n} | ${fmt(t['linear']!)} | ${fmt(t['sdpa']!)} | ${(t['sdpa']! / t['linear']!).toFixed(1)}× |`);
}
