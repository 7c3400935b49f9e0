/**
 * Speed of scaledDotProductAttention (src/compute) beside TensorFlow.js on the same inputs.
 *
 * Run: `npm run bench -- compute` (or `node scripts/bench/compute.bench.ts`). Prints a Markdown table.
 *
 * For n = m = 64, 256, 1024 queries/keys and d_k = d_v = 64, every implementation computes
 * softmax(QKᵀ/√d_k)·V from the same numbers (Float64 for src/compute, Float32 for tfjs, as each
 * library stores them). GFLOP/s counts the two products only: 4·n·m·d flops; the softmax is extra.
 *
 * - "compute (fast)" is the public scaledDotProductAttention; "compute (naive)" is the reference loop.
 * - tfjs-cpu and tfjs-wasm run tf.matMul → tf.mul(scale) → tf.softmax → tf.matMul inside tf.tidy and
 *   read the output back with dataSync() (the weights stay on the backend, which favours tfjs).
 * - The wasm backend loads its .wasm files from node_modules/@tensorflow/tfjs-backend-wasm/dist. If it
 *   cannot start in this Node, its rows say "unavailable" with the reason instead of failing.
 *
 * The machine is shared and its speed drifts over seconds, so the implementations take turns: each
 * round runs every implementation once per size, and the medians are over all rounds. Benchmarks
 * report; they never assert timings.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { fromData, type Matrix } from '../../src/compute/matrix.ts';
import { scaledDotProductAttention, scaledDotProductAttentionNaive } from '../../src/compute/index.ts';

const SIZES = [64, 256, 1024] as const;
const D = 64;
/** Wall-clock budget per size, split between the implementations (ms). */
const BUDGET_MS = 6000;
/** Every implementation runs at least this many timed rounds per size. */
const MIN_ROUNDS = 11;

/** Deterministic inputs: mulberry32 uniforms in [−1, 1). */
function uniforms(count: number, seed: number): Float64Array {
  let a = seed >>> 0;
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  }
  return out;
}

interface Impl {
  readonly name: string;
  /** Runs once and returns the output row-major (for the agreement check). */
  run(): Float64Array | Float32Array;
  /** Called before each timed call (e.g. switch the tfjs backend); not timed. */
  prepare?(): Promise<void>;
  dispose?(): void;
}

interface Row {
  name: string;
  n: number;
  samples: number[];
  note: string;
  output?: Float64Array | Float32Array;
}

async function tfjsImpl(backend: 'cpu' | 'wasm', q: Matrix, k: Matrix, v: Matrix): Promise<Impl> {
  const ok = await tf.setBackend(backend);
  if (!ok) throw new Error(`tf.setBackend('${backend}') returned false`);
  await tf.ready();
  const tq = tf.tensor2d(Float32Array.from(q.data), [q.rows, q.cols]);
  const tk = tf.tensor2d(Float32Array.from(k.data), [k.rows, k.cols]);
  const tv = tf.tensor2d(Float32Array.from(v.data), [v.rows, v.cols]);
  const scale = 1 / Math.sqrt(q.cols);
  return {
    name: `tfjs-${backend}`,
    prepare: async () => {
      if (tf.getBackend() !== backend) await tf.setBackend(backend);
    },
    run: () => {
      const out = tf.tidy(() => {
        const scores = tf.mul(tf.matMul(tq, tk, false, true), scale); // n×m
        return tf.matMul(tf.softmax(scores), tv); // n×d_v
      });
      const data = out.dataSync() as Float32Array;
      out.dispose();
      return data;
    },
    dispose: () => {
      tq.dispose();
      tk.dispose();
      tv.dispose();
    },
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

async function main(): Promise<void> {
  tf.enableProdMode(); // no debug checks, no console nagging
  const here = dirname(fileURLToPath(import.meta.url));
  const wasmDir = join(here, '..', '..', 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist');
  setWasmPaths(pathToFileURL(wasmDir).pathname + '/');
  let wasmProblem = '';
  try {
    if (!(await tf.setBackend('wasm'))) wasmProblem = 'tf.setBackend("wasm") returned false';
    else await tf.ready();
  } catch (e) {
    wasmProblem = e instanceof Error ? e.message : String(e);
  }
  const wasmSimd = wasmProblem === '' ? Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) : false;
  const wasmThreads = wasmProblem === '' ? Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) : false;

  const rows: Row[] = [];
  for (const n of SIZES) {
    const q = fromData(n, D, uniforms(n * D, 1 + n)); // n×d
    const k = fromData(n, D, uniforms(n * D, 2 + n)); // m×d
    const v = fromData(n, D, uniforms(n * D, 3 + n)); // m×d_v
    const impls: Impl[] = [
      { name: 'compute (fast)', run: () => scaledDotProductAttention(q, k, v).output.data },
      { name: 'compute (naive)', run: () => scaledDotProductAttentionNaive(q, k, v).output.data },
      await tfjsImpl('cpu', q, k, v),
    ];
    if (wasmProblem === '') {
      try {
        impls.push(await tfjsImpl('wasm', q, k, v));
      } catch (e) {
        wasmProblem = e instanceof Error ? e.message : String(e);
      }
    }
    const sizeRows: Row[] = impls.map((impl) => ({ name: impl.name, n, samples: [], note: '' }));
    // Warm-up: let the JIT optimise every path, and keep one output for the agreement check.
    for (let w = 0; w < 3; w++) {
      for (let i = 0; i < impls.length; i++) {
        await impls[i]!.prepare?.();
        sizeRows[i]!.output = impls[i]!.run();
      }
    }
    // Timed rounds, taking turns, until the budget is spent (at least MIN_ROUNDS rounds).
    const start = performance.now();
    for (let round = 0; round < MIN_ROUNDS || performance.now() - start < BUDGET_MS; round++) {
      for (let i = 0; i < impls.length; i++) {
        await impls[i]!.prepare?.();
        const t0 = performance.now();
        impls[i]!.run();
        sizeRows[i]!.samples.push(performance.now() - t0);
      }
      if (round > 2000) break;
    }
    const reference = sizeRows[0]!.output!;
    for (const r of sizeRows) {
      const diff = maxAbsDiff(r.output!, reference);
      r.note = `${r.samples.length} runs, max |Δ| vs fast ${diff.toExponential(1)}`;
      delete r.output;
    }
    for (const impl of impls) impl.dispose?.();
    rows.push(...sizeRows);
    if (wasmProblem !== '') rows.push({ name: 'tfjs-wasm', n, samples: [], note: `unavailable: ${wasmProblem}` });
  }

  console.log(`scaledDotProductAttention, d_k = d_v = ${D}, n = m; median of interleaved runs; GFLOP/s = 4·n·m·d / time.`);
  console.log(
    `Node ${process.version}; tfjs-core ${tf.version_core}; tfjs-wasm SIMD ${wasmSimd ? 'on' : 'off'}, threads ${wasmThreads ? 'on' : 'off'}.\n`,
  );
  console.log('| n | implementation | median ms | GFLOP/s | time ÷ fast time | notes |');
  console.log('|---:|---|---:|---:|---:|---|');
  for (const n of SIZES) {
    const fast = median(rows.find((r) => r.n === n && r.name === 'compute (fast)')!.samples);
    for (const r of rows.filter((x) => x.n === n)) {
      if (r.samples.length === 0) {
        console.log(`| ${n} | ${r.name} | – | – | – | ${r.note} |`);
        continue;
      }
      const ms = median(r.samples);
      const gflops = (4 * n * n * D) / (ms * 1e6);
      console.log(`| ${n} | ${r.name} | ${ms.toFixed(3)} | ${gflops.toFixed(2)} | ${(ms / fast).toFixed(2)} | ${r.note} |`);
    }
  }
  const at = (name: string) => {
    const r = rows.find((x) => x.n === 256 && x.name === name);
    return r && r.samples.length > 0 ? median(r.samples) : NaN;
  };
  const fast256 = at('compute (fast)');
  const cpu256 = at('tfjs-cpu');
  const wasm256 = at('tfjs-wasm');
  console.log(
    `\nGoal at n = 256: ≥ 4× faster than tfjs-cpu → ${(cpu256 / fast256).toFixed(2)}×; ` +
      `≤ 1.5× the tfjs-wasm time → ${Number.isNaN(wasm256) ? 'wasm unavailable' : `${(fast256 / wasm256).toFixed(2)}×`}.`,
  );
}

await main();
