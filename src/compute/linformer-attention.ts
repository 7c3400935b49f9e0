/**
 * Linformer: attention with the sequence axis of the keys and values projected to a fixed length.
 *
 * Wang, Li, Khabsa, Fang & Ma 2020, "Linformer: Self-Attention with Linear Complexity"
 * (arXiv:2006.04768), eq. (7):
 *
 *   head_i = Attention(Q W_i^Q, E_i K W_i^K, F_i V W_i^V) = softmax( Q W_i^Q (E_i K W_i^K)ᵀ / √d_k ) · F_i V W_i^V
 *
 * With the per-head projections already applied: K' = E·K (k×d), V' = F·V (k×dv), output =
 * softmax(Q·K'ᵀ/√d)·V'. E and F are k×m with k ≪ m, so the weights are n×k, not n×m: time and
 * memory O(n·k). The paper learns E and F; its Theorem 1 (a Johnson–Lindenstrauss argument) shows
 * random Gaussian projections with entries N(0, 1/k) already preserve the attention output with
 * k = O(d/ε²) — `linformerProjection` draws such a matrix from a seed. Untrained random E and F
 * do not approximate softmax attention well (the theorem needs specially scaled E and F); for
 * approximation-error plots without training, `linformerPooling` gives the deterministic
 * segment-mean projection (each of the k rows averages a contiguous run of ⌊m/k⌋ or ⌈m/k⌉ positions),
 * which becomes the identity at k = m.
 */
import { ArgumentError, ShapeError } from './errors.ts';
import { assertFinite, matmul, shape, transpose, zeros, type Matrix } from './matrix.ts';
import { randomProjection } from './random-projection.ts';
import { softmax } from './softmax.ts';

/** Linformer attention: softmax(Q(EK)ᵀ/√d)(FV), returning the n×k weights and the projected K', V'. */
export function linformerAttention(
  q: Matrix,
  k: Matrix,
  v: Matrix,
  e: Matrix,
  f: Matrix,
): { output: Matrix; weights: Matrix; kProj: Matrix; vProj: Matrix } {
  const op = 'linformerAttention';
  if (q.cols !== k.cols) throw new ShapeError(op, `q is ${shape(q)} but k is ${shape(k)}; their columns must match`);
  if (k.rows !== v.rows) throw new ShapeError(op, `k is ${shape(k)} but v is ${shape(v)}; they need the same number of rows`);
  if (e.cols !== k.rows) throw new ShapeError(op, `e is ${shape(e)} but k is ${shape(k)}; e needs m = ${k.rows} columns`);
  if (f.cols !== v.rows) throw new ShapeError(op, `f is ${shape(f)} but v is ${shape(v)}; f needs m = ${v.rows} columns`);
  if (e.rows !== f.rows) throw new ShapeError(op, `e is ${shape(e)} but f is ${shape(f)}; both must project to the same length k`);
  for (const [name, x] of [['q', q], ['k', k], ['v', v], ['e', e], ['f', f]] as const) assertFinite(op, name, x);
  const kProj = matmul(e, k); // K' = E·K: k×d
  const vProj = matmul(f, v); // V' = F·V: k×dv
  const scores = matmul(q, transpose(kProj)); // Q·K'ᵀ: n×k
  const scale = 1 / Math.sqrt(q.cols);
  for (let i = 0; i < scores.data.length; i++) scores.data[i]! *= scale; // /√d
  const weights = softmax(scores); // n×k
  const output = matmul(weights, vProj); // n×dv
  return { output, weights, kProj, vProj };
}

/** A k×m random Linformer projection with i.i.d. N(0, 1/k) entries (the JL projection of Theorem 1). */
export function linformerProjection(k: number, m: number, seed: number): Matrix {
  if (!Number.isInteger(k) || k < 1) throw new ArgumentError('linformerProjection', `k must be a positive integer, got ${k}`);
  const out = randomProjection(k, m, seed); // k×m, N(0, 1)
  const s = 1 / Math.sqrt(k);
  for (let i = 0; i < out.data.length; i++) out.data[i]! *= s; // N(0, 1/k)
  return out;
}

/** A k×m segment-mean projection: row i averages positions ⌊i·m/k⌋ … ⌊(i+1)·m/k⌋ − 1 (1 ≤ k ≤ m). */
export function linformerPooling(k: number, m: number): Matrix {
  const op = 'linformerPooling';
  if (!Number.isInteger(m) || m < 1) throw new ArgumentError(op, `m must be a positive integer, got ${m}`);
  if (!Number.isInteger(k) || k < 1 || k > m) throw new ArgumentError(op, `k must be an integer in [1, m = ${m}], got ${k}`);
  const out = zeros(k, m); // k×m
  for (let i = 0; i < k; i++) {
    const start = Math.floor((i * m) / k);
    const end = Math.floor(((i + 1) * m) / k);
    for (let j = start; j < end; j++) out.data[i * m + j] = 1 / (end - start);
  }
  return out;
}
