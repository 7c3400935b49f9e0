/**
 * Scaled dot-product attention.
 *
 * Vaswani, Shazeer, Parmar, Uszkoreit, Jones, Gomez, Kaiser & Polosukhin (2017),
 * "Attention Is All You Need", arXiv:1706.03762, Eq. (1):
 *
 *     Attention(Q, K, V) = softmax(QKᵀ / √d_k) V
 *
 * with the two additions every later paper uses, in this order:
 *
 *     S_ij = scale · q_i·k_j + B_ij          (scale defaults to 1/√d_k; B is an additive bias, not scaled)
 *     S_ij = −∞  where mask_ij = 0 or (causal and j > i)
 *     W    = softmax(S) row by row          (stable form, see softmax.ts; a fully masked row is 0)
 *     O    = W V
 *
 * A temperature T means scale = 1/(T·√d_k) (see temperatureScale). Q is n×d_k, K is m×d_k, V is m×d_v.
 *
 * Two implementations live here and are tested against each other:
 * - scaledDotProductAttentionNaive: the equation as triple loops, the reference;
 * - scaledDotProductAttention: the fast kernel. Both products are written as A·Bᵀ with row-major A
 *   and B (QKᵀ directly, and W·V as W·(Vᵀ)ᵀ after one transpose of V) and computed by productABt
 *   (attention-kernel.ts, shared with flashAttention) in 4×4 register tiles. Causal attention skips
 *   the tiles above the diagonal. Each entry is still summed in index order, so the fast kernel
 *   agrees with the naive one to the last bits.
 *
 * Both take their input checks from checkAttentionInputs and their masked softmax from softmax.ts.
 */
import { ArgumentError } from './errors.ts';
import { zeros, type Matrix } from './matrix.ts';
import { softmaxRowInPlace } from './softmax.ts';
import { CAUSAL_SKIP, CAUSAL_TRUNCATE, checkAttentionInputs, productABt, type AttentionOptions } from './attention-kernel.ts';

export type { AttentionOptions } from './attention-kernel.ts';

/** What attention returns: the n×d_v output and the n×m attention weights. */
export interface AttentionResult {
  /** n×d_v: row i is Σ_j W_ij v_j. */
  readonly output: Matrix;
  /** n×m: row i is the softmax distribution of query i over the keys (0 where masked). */
  readonly weights: Matrix;
}

/** The scale that corresponds to a softmax temperature T over d_k-dimensional dot products: 1/(T·√d_k). */
export function temperatureScale(temperature: number, dk: number): number {
  if (!Number.isFinite(temperature) || temperature <= 0) {
    throw new ArgumentError('temperatureScale', `temperature is ${temperature}; it must be a positive finite number`);
  }
  if (!Number.isInteger(dk) || dk <= 0) {
    throw new ArgumentError('temperatureScale', `d_k is ${dk}; it must be a positive integer`);
  }
  return 1 / (temperature * Math.sqrt(dk));
}

/**
 * The reference: Eq. (1) written as plain loops, one entry at a time. Same semantics and errors as
 * scaledDotProductAttention; use it in tests and benchmarks, not in demos.
 */
export function scaledDotProductAttentionNaive(q: Matrix, k: Matrix, v: Matrix, options: AttentionOptions = {}): AttentionResult {
  const op = 'scaledDotProductAttention';
  const scale = checkAttentionInputs(op, q, k, v, options);
  const n = q.rows, m = k.rows, d = q.cols, dv = v.cols;
  const bias = options.bias?.data;
  const weights = zeros(n, m); // n×m
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let dot = 0; // q_i·k_j
      for (let p = 0; p < d; p++) dot += q.data[i * d + p]! * k.data[j * d + p]!;
      weights.data[i * m + j] = scale * dot + (bias === undefined ? 0 : bias[i * m + j]!); // S_ij
    }
    const allowedEnd = options.causal === true ? i + 1 : m;
    softmaxRowInPlace(op, weights.data, i * m, m, options.mask?.data ?? null, i * m, allowedEnd); // W_i
  }
  const output = zeros(n, dv); // n×d_v
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < dv; c++) {
      let acc = 0; // Σ_j W_ij V_jc
      for (let j = 0; j < m; j++) acc += weights.data[i * m + j]! * v.data[j * dv + c]!;
      output.data[i * dv + c] = acc;
    }
  }
  return { output, weights };
}

/**
 * Scaled dot-product attention (fast kernel): softmax(scale·QKᵀ + bias, masked) · V.
 * q is n×d_k, k is m×d_k, v is m×d_v. Returns the n×d_v output and the n×m weights.
 */
export function scaledDotProductAttention(q: Matrix, k: Matrix, v: Matrix, options: AttentionOptions = {}): AttentionResult {
  const op = 'scaledDotProductAttention';
  const scale = checkAttentionInputs(op, q, k, v, options);
  const n = q.rows, m = k.rows, d = q.cols, dv = v.cols;
  const causal = options.causal === true;
  const weights = zeros(n, m); // n×m
  const w = weights.data;

  // 1. S = scale · Q Kᵀ (tiles above the diagonal skipped when causal).
  productABt(q.data, k.data, w, n, m, d, d, causal ? CAUSAL_SKIP : 0, scale, m);

  // 2. S += B, then the masked softmax row by row.
  const bias = options.bias?.data;
  const mask = options.mask?.data ?? null;
  for (let i = 0; i < n; i++) {
    const row = i * m;
    if (bias !== undefined) for (let j = 0; j < m; j++) w[row + j]! += bias[row + j]!;
    softmaxRowInPlace(op, w, row, m, mask, row, causal ? i + 1 : m); // W_i
  }

  // 3. O = W V = W (Vᵀ)ᵀ: transpose V once so both products read contiguous rows.
  const vt = new Float64Array(dv * m); // d_v×m
  const vd = v.data;
  for (let j = 0; j < m; j++) {
    for (let c = 0; c < dv; c++) vt[c * m + j] = vd[j * dv + c]!;
  }
  const output = zeros(n, dv); // n×d_v
  productABt(w, vt, output.data, n, dv, m, m, causal ? CAUSAL_TRUNCATE : 0, 1, dv);
  return { output, weights };
}
