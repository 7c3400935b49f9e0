/**
 * Factorised sparse attention patterns, as 0/1 masks (1 = may attend).
 *
 * Child, Gray, Radford & Sutskever 2019, "Generating Long Sequences with Sparse Transformers"
 * (arXiv:1904.10509), §4.2–4.3. Each pattern is the union of two index sets A⁽¹⁾_i ∪ A⁽²⁾_i, with
 * stride l ≈ √n so that every row holds O(√n) keys and the whole pattern O(n√n):
 *
 *   strided:  A⁽¹⁾_i = {t, t+1, …, i} with t = max(0, i − l);   A⁽²⁾_i = {j : (i − j) mod l = 0}
 *   fixed:    A⁽¹⁾_i = {j : ⌊j/l⌋ = ⌊i/l⌋};                      A⁽²⁾_i = {j : j mod l ∈ {l − c, …, l − 1}}
 *
 * Both are autoregressive here (j ≤ i), as in the paper's generative models; `causal: false` drops
 * that restriction (the fixed pattern is then the bidirectional variant). Global tokens (Longformer,
 * Beltagy et al. 2020, arXiv:2004.05150; BigBird, Zaheer et al. 2020, arXiv:2007.14062) add full rows
 * and columns for a few chosen positions to any pattern.
 */
import { ArgumentError, ShapeError } from './errors.ts';
import { shape, zeros, type Matrix } from './matrix.ts';

function checkLength(op: string, length: number, stride: number): void {
  if (!Number.isInteger(length) || length < 0) throw new ArgumentError(op, `length must be an integer ≥ 0, got ${length}`);
  if (!Number.isInteger(stride) || stride < 1) throw new ArgumentError(op, `stride must be an integer ≥ 1, got ${stride}`);
}

/** Sparse Transformer's strided pattern: the previous l positions, plus every l-th one before them. */
export function stridedPattern(length: number, stride: number, options: { causal?: boolean } = {}): Matrix {
  const op = 'stridedPattern';
  checkLength(op, length, stride);
  const causal = options.causal ?? true;
  const out = zeros(length, length); // n×n
  for (let i = 0; i < length; i++) {
    for (let j = 0; j < length; j++) {
      if (causal && j > i) continue;
      const offset = Math.abs(i - j);
      if (offset <= stride || offset % stride === 0) out.data[i * length + j] = 1;
    }
  }
  return out;
}

/** Sparse Transformer's fixed pattern: the current block of l, plus the last c "summary" cells of every block. */
export function fixedPattern(length: number, stride: number, summary = 1, options: { causal?: boolean } = {}): Matrix {
  const op = 'fixedPattern';
  checkLength(op, length, stride);
  if (!Number.isInteger(summary) || summary < 1 || summary > stride) {
    throw new ArgumentError(op, `summary (c) must be an integer in [1, stride = ${stride}], got ${summary}`);
  }
  const causal = options.causal ?? true;
  const out = zeros(length, length); // n×n
  for (let i = 0; i < length; i++) {
    for (let j = 0; j < length; j++) {
      if (causal && j > i) continue;
      const sameBlock = Math.floor(j / stride) === Math.floor(i / stride);
      const isSummary = j % stride >= stride - summary;
      if (sameBlock || isSummary) out.data[i * length + j] = 1;
    }
  }
  return out;
}

/** A copy of `mask` in which each global position attends to everything and is attended to by everything. */
export function withGlobalTokens(mask: Matrix, globals: readonly number[]): Matrix {
  const op = 'withGlobalTokens';
  if (mask.rows !== mask.cols) throw new ShapeError(op, `mask is ${shape(mask)} but must be square`);
  const n = mask.rows;
  const out = zeros(n, n); // n×n
  out.data.set(mask.data);
  for (const g of globals) {
    if (!Number.isInteger(g) || g < 0 || g >= n) throw new ArgumentError(op, `global position ${g} is outside [0, ${n})`);
    for (let j = 0; j < n; j++) {
      out.data[g * n + j] = 1; // row g: the global token sees everyone
      out.data[j * n + g] = 1; // column g: everyone sees the global token
    }
  }
  return out;
}
