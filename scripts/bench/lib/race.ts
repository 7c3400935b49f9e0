/**
 * Shared pieces of the in-process compute benchmarks (flash.bench.ts, llm-block.bench.ts): seeded
 * inputs, a median, and a race that times implementations in alternating rounds so that drifting
 * machine speed hits each alike. Benchmarks report; they never assert timings.
 */
import { seededRandom, zeros, type Matrix } from '../../../src/compute/index.ts';

/** A rows×cols matrix of uniform values in [lo, hi) from the compute module's seeded generator. */
export function uniformMatrix(rows: number, cols: number, seed: number, lo = -1, hi = 1): Matrix {
  const random = seededRandom(seed);
  const out = zeros(rows, cols); // rows×cols
  for (let i = 0; i < out.data.length; i++) out.data[i] = lo + (hi - lo) * random.next();
  return out;
}

export function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Rounds of alternating runs: enough for ~budget ms in total, at least 3 and at most 15 rounds. */
export function race(runs: Record<string, () => void>, budgetMs: number): Record<string, number> {
  const names = Object.keys(runs);
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const started = performance.now();
  for (let round = 0; round < 15; round++) {
    for (const name of names) {
      const t0 = performance.now();
      runs[name]!();
      times[name]!.push(performance.now() - t0);
    }
    if (round >= 2 && performance.now() - started > budgetMs) break;
  }
  return Object.fromEntries(names.map((n) => [n, median(times[n]!)]));
}

/** Milliseconds with as many digits as they deserve. */
export const fmtMs = (ms: number): string => (ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0));
