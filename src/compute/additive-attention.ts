/**
 * Additive (Bahdanau) attention.
 *
 * Bahdanau, Cho & Bengio (2014), "Neural Machine Translation by Jointly Learning to Align and
 * Translate", arXiv:1409.0473, Section 3.1 and Appendix A.1.2:
 *
 *     e_ij = v_aᵀ tanh(W_a s_{i−1} + U_a h_j)
 *     α_ij = exp(e_ij) / Σ_k exp(e_ik)
 *     c_i  = Σ_j α_ij h_j
 *
 * written in the row-vector convention with weights stored in×out (so W_a s becomes s·W):
 *
 *     e_j = vᵀ tanh(s·W + h_j·U),   weights = softmax(e),   context = weights · H
 *
 * with the decoder state s (1×d_s), the annotations H (m×d_h, row j is h_j), W (d_s×d_a),
 * U (d_h×d_a) and v (d_a×1). Several decoder states may be scored at once: s may be n×d_s, giving
 * n×m scores and weights and an n×d_h context (row i uses s_i), the alignment matrix of the paper.
 */
import { ShapeError } from './errors.ts';
import { assertFinite, matmul, shape, zeros, type Matrix } from './matrix.ts';
import { softmaxRowInPlace } from './softmax.ts';

/** The learned parameters of the additive scorer. */
export interface AdditiveAttentionParams {
  /** d_s×d_a: projects the decoder state. */
  readonly w: Matrix;
  /** d_h×d_a: projects each annotation. */
  readonly u: Matrix;
  /** d_a×1: reads the tanh features out to one score. */
  readonly v: Matrix;
}

/** What additive attention returns. */
export interface AdditiveAttentionResult {
  /** n×m (1×m for one state): e_j = vᵀ tanh(s·W + h_j·U). */
  readonly scores: Matrix;
  /** n×m: softmax of the scores, row by row. */
  readonly weights: Matrix;
  /** n×d_h: weights · H. */
  readonly context: Matrix;
}

/** Additive attention of the decoder state(s) s over the annotations h. */
export function additiveAttention(s: Matrix, h: Matrix, p: AdditiveAttentionParams): AdditiveAttentionResult {
  const op = 'additiveAttention';
  const da = p.w.cols;
  if (p.w.rows !== s.cols) {
    throw new ShapeError(op, `s is ${shape(s)} but w is ${shape(p.w)}; w must have ${s.cols} rows (d_s)`);
  }
  if (p.u.rows !== h.cols) {
    throw new ShapeError(op, `h is ${shape(h)} but u is ${shape(p.u)}; u must have ${h.cols} rows (d_h)`);
  }
  if (p.u.cols !== da) {
    throw new ShapeError(op, `w is ${shape(p.w)} but u is ${shape(p.u)}; both must have d_a = ${da} columns`);
  }
  if (p.v.rows !== da || p.v.cols !== 1) {
    throw new ShapeError(op, `v is ${shape(p.v)} but w is ${shape(p.w)}; v must be ${da}×1 (d_a×1)`);
  }
  assertFinite(op, 's', s);
  assertFinite(op, 'h', h);
  assertFinite(op, 'w', p.w);
  assertFinite(op, 'u', p.u);
  assertFinite(op, 'v', p.v);
  const n = s.rows, m = h.rows;
  const sw = matmul(s, p.w); // n×d_a: s_i·W, shared by every j
  const hu = matmul(h, p.u); // m×d_a: h_j·U, shared by every i
  const scores = zeros(n, m); // n×m
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let e = 0; // vᵀ tanh(s_i·W + h_j·U)
      for (let a = 0; a < da; a++) e += p.v.data[a]! * Math.tanh(sw.data[i * da + a]! + hu.data[j * da + a]!);
      scores.data[i * m + j] = e;
    }
  }
  const weights = zeros(n, m); // n×m
  weights.data.set(scores.data);
  for (let i = 0; i < n; i++) softmaxRowInPlace(op, weights.data, i * m, m, null, 0, m); // α_i
  const context = matmul(weights, h); // n×d_h: Σ_j α_ij h_j
  return { scores, weights, context };
}
