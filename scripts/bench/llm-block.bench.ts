/**
 * Speed of the modern-LLM-block kernels of src/compute: groupedQueryAttention and selectiveScan.
 *
 * Run: `npm run bench -- llm-block` (or `node scripts/bench/llm-block.bench.ts`). Prints two Markdown
 * tables and writes bench-results/llm-block.json.
 *
 * 1. groupedQueryAttention for n = 256, d_model = 512, h = 8 query heads (d_k = 64) and g = 1, 2, 8
 *    key/value heads, not causal: the public function (fast attention kernel) beside
 *    groupedQueryAttentionNaive (the same heads through scaledDotProductAttentionNaive), in the same
 *    rounds, with their ratio and the max |difference| of the outputs. Both include the four
 *    projections (plain matmul), which are most of the work at this size.
 * 2. selectiveScan for L = 1,024 and 4,096 steps, D = 64 channels, N = 16 states, with Mamba-like
 *    inputs (Δ = softplus of a uniform, A = −exp of a uniform). The nested loop is the reference and
 *    the only path, so the table reports its time per state update (L·D·N updates, one exp each).
 *
 * Inputs are deterministic (the module's seeded generator). Implementations take turns within each
 * round so drifting machine speed hits both alike. Benchmarks report; they never assert timings.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { groupedQueryAttention, selectiveScan } from '../../src/compute/index.ts';
import { fmtMs as fmt, race, uniformMatrix } from './lib/race.ts';
import { groupedQueryAttentionNaive } from '../../src/compute/grouped-query-attention.ts';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const results: Record<string, unknown>[] = [];

// Warm up the JIT on small problems.
{
  const x = uniformMatrix(32, 64, 1);
  const w = { wq: uniformMatrix(64, 64, 2), wk: uniformMatrix(64, 16, 3), wv: uniformMatrix(64, 16, 4), wo: uniformMatrix(64, 64, 5) };
  for (let i = 0; i < 3; i++) {
    groupedQueryAttention(x, w, { heads: 4, kvHeads: 1 });
    groupedQueryAttentionNaive(x, w, { heads: 4, kvHeads: 1 });
    selectiveScan(
      uniformMatrix(64, 8, 6),
      uniformMatrix(64, 8, 7, 0, 1),
      uniformMatrix(8, 4, 8, -1, 0),
      uniformMatrix(64, 4, 9),
      uniformMatrix(64, 4, 10),
    );
  }
}

const N_TOKENS = 256,
  D_MODEL = 512,
  HEADS = 8;
const DK = D_MODEL / HEADS;
console.log(`### groupedQueryAttention (n = ${N_TOKENS}, d_model = ${D_MODEL}, h = ${HEADS}, d_k = ${DK})\n`);
console.log('| kvHeads | fast median (ms) | naive median (ms) | naive / fast | max abs diff |');
console.log('|---:|---:|---:|---:|---:|');
const x = uniformMatrix(N_TOKENS, D_MODEL, 100);
const scaleW = 1 / Math.sqrt(D_MODEL);
const wq = uniformMatrix(D_MODEL, D_MODEL, 101, -scaleW, scaleW);
const wo = uniformMatrix(D_MODEL, D_MODEL, 104, -scaleW, scaleW);
for (const kvHeads of [1, 2, 8]) {
  const w = {
    wq,
    wk: uniformMatrix(D_MODEL, kvHeads * DK, 102 + kvHeads, -scaleW, scaleW),
    wv: uniformMatrix(D_MODEL, kvHeads * DK, 103 + kvHeads, -scaleW, scaleW),
    wo,
  };
  const options = { heads: HEADS, kvHeads };
  const fast = groupedQueryAttention(x, w, options).output.data;
  const naive = groupedQueryAttentionNaive(x, w, options).output.data;
  let diff = 0;
  for (let i = 0; i < fast.length; i++) diff = Math.max(diff, Math.abs(fast[i]! - naive[i]!));
  const t = race(
    { fast: () => void groupedQueryAttention(x, w, options), naive: () => void groupedQueryAttentionNaive(x, w, options) },
    8000,
  );
  console.log(
    `| ${kvHeads} | ${fmt(t['fast']!)} | ${fmt(t['naive']!)} | ${(t['naive']! / t['fast']!).toFixed(2)} | ${diff.toExponential(1)} |`,
  );
  results.push({
    bench: 'groupedQueryAttention',
    n: N_TOKENS,
    dModel: D_MODEL,
    heads: HEADS,
    kvHeads,
    fastMs: t['fast'],
    naiveMs: t['naive'],
    maxAbsDiff: diff,
  });
}

const D = 64,
  N = 16;
console.log(`\n### selectiveScan (D = ${D}, N = ${N}; the reference loop is the only path)\n`);
console.log('| L | median (ms) | state updates | ns per update |');
console.log('|---:|---:|---:|---:|');
for (const L of [1024, 4096]) {
  const u = uniformMatrix(L, D, 200 + L);
  const delta = uniformMatrix(L, D, 201 + L, -4, 1);
  for (let i = 0; i < delta.data.length; i++) delta.data[i] = Math.log1p(Math.exp(delta.data[i]!)); // softplus
  const a = uniformMatrix(D, N, 202 + L, -1, 1);
  for (let i = 0; i < a.data.length; i++) a.data[i] = -Math.exp(a.data[i]!); // −exp(A_log) < 0
  const b = uniformMatrix(L, N, 203 + L),
    c = uniformMatrix(L, N, 204 + L);
  const d = Array.from({ length: D }, () => 1);
  const t = race({ scan: () => void selectiveScan(u, delta, a, b, c, d) }, L >= 4096 ? 8000 : 4000);
  const updates = L * D * N;
  console.log(
    `| ${L.toLocaleString('en-US')} | ${fmt(t['scan']!)} | ${updates.toLocaleString('en-US')} | ${((t['scan']! * 1e6) / updates).toFixed(2)} |`,
  );
  results.push({ bench: 'selectiveScan', L, D, N, ms: t['scan'], nsPerUpdate: (t['scan']! * 1e6) / updates });
}

mkdirSync(join(REPO, 'bench-results'), { recursive: true });
writeFileSync(join(REPO, 'bench-results', 'llm-block.json'), JSON.stringify({ date: new Date().toISOString(), results }, null, 1));
