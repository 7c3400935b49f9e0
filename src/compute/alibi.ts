/**
 * ALiBi: attention with linear biases.
 *
 * Press, Smith & Lewis (2021), "Train Short, Test Long: Attention with Linear Biases Enables Input
 * Length Extrapolation", arXiv:2108.12409, Section 3:
 *
 *     softmax(q_i Kᵀ + m · [−(i−1), …, −2, −1, 0])
 *
 * Query i (1-based in the paper) adds −m·(i−j) to its score for key j ≤ i; no position embeddings
 * are added anywhere. The head-specific slope m is fixed, not learned: for h heads a geometric
 * sequence starting at 2^(−8/h) with the same ratio, i.e. m_k = 2^(−8k/h) for k = 1 … h. When h is
 * not a power of two, the authors' reference code (github.com/ofirpress/attention_with_linear_biases,
 * get_slopes) takes the slopes for the largest power of two p ≤ h and then every other slope of the
 * 2p sequence (the 1st, 3rd, 5th, …) until there are h; we keep that order, unsorted.
 *
 * The bias is meant for causal attention: pass it as `bias` together with `causal: true`, and the
 * zeros above the diagonal are masked anyway.
 */
import { ArgumentError } from './errors.ts';
import { zeros, type Matrix } from './matrix.ts';

/** The h geometric slopes m_k = 2^(−8k/h) of the power-of-two case, k = 1 … h. */
function powerOfTwoSlopes(h: number): number[] {
  const slopes: number[] = [];
  for (let k = 1; k <= h; k++) slopes.push(Math.pow(2, (-8 * k) / h));
  return slopes;
}

/** The ALiBi slope of every head, in head order (the reference code's order, unsorted). */
export function alibiSlopes(heads: number): number[] {
  if (!Number.isInteger(heads) || heads < 1) {
    throw new ArgumentError('alibiSlopes', `heads is ${heads}; it must be a positive integer`);
  }
  let p = 1; // the largest power of two ≤ heads
  while (p * 2 <= heads) p *= 2;
  if (p === heads) return powerOfTwoSlopes(heads);
  const extra = powerOfTwoSlopes(2 * p).filter((_, index) => index % 2 === 0); // 2^(−8(2k−1)/(2p))
  return [...powerOfTwoSlopes(p), ...extra.slice(0, heads - p)];
}

/** The length×length ALiBi bias of one head: −slope·(i−j) for j ≤ i, and 0 above the diagonal. */
export function alibiBias(length: number, slope: number): Matrix {
  if (!Number.isInteger(length) || length < 0) {
    throw new ArgumentError('alibiBias', `length is ${length}; it must be a non-negative integer (asked for ${length}×${length})`);
  }
  if (!Number.isFinite(slope)) {
    throw new ArgumentError('alibiBias', `slope is ${slope}; it must be a finite number`);
  }
  const bias = zeros(length, length); // length×length, zero above the diagonal
  for (let i = 0; i < length; i++) {
    for (let j = 0; j <= i; j++) bias.data[i * length + j] = slope * (j - i) + 0; // −slope·(i−j); "+ 0" turns −0 into 0
  }
  return bias;
}
