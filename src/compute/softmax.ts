/**
 * The numerically stable, masked softmax that every attention kernel in src/compute shares.
 *
 * Bridle, J. S. (1990), "Probabilistic interpretation of feedforward classification network outputs",
 * names the normalised exponential; the attention form is Vaswani et al. (2017), "Attention Is All You
 * Need", arXiv:1706.03762, Eq. (1): Attention(Q, K, V) = softmax(QKᵀ/√d_k)·V, applied row by row.
 *
 * For one row of logits s_1 … s_m with a set A of allowed positions:
 *
 *     softmax(s)_j = exp(s_j − max_{k∈A} s_k) / Σ_{l∈A} exp(s_l − max_{k∈A} s_k)   for j ∈ A,
 *     softmax(s)_j = 0                                                            for j ∉ A.
 *
 * Subtracting the maximum over the allowed entries changes nothing mathematically (the factor
 * exp(−max) cancels) but keeps every exponent ≤ 0, so nothing overflows: logits of ±1e4 give finite
 * weights. The largest allowed entry contributes exp(0) = 1, so the denominator is ≥ 1 and never 0.
 *
 * Edge cases, all decided here once for every kernel:
 * - a row with no allowed entry (fully masked) gets weights of exactly 0, never NaN;
 * - if some allowed logits are +Infinity (a dot product that overflowed), they share the weight
 *   equally and every other entry gets 0: the limit of the softmax as those logits grow; if all
 *   allowed logits are −Infinity they are equal, so they share the weight equally;
 * - a NaN logit (e.g. +∞ + −∞ inside an overflowing dot product) throws an ArgumentError.
 */
import { ArgumentError, ShapeError } from './errors.ts';
import { assertFinite, shape, zeros, type Matrix } from './matrix.ts';

/**
 * Replaces row[start … start+length) by its masked softmax, in place; allocates nothing.
 *
 * Entry j (0-based within the row) is allowed when j < allowedEnd and, if a mask is given,
 * mask[maskStart + j] !== 0. Pass allowedEnd = length for "no causal limit" and
 * allowedEnd = i + 1 for the causal row i. Masked entries are overwritten with exactly 0.
 *
 * `operation` names the public function for the error raised on a NaN logit.
 */
export function softmaxRowInPlace(
  operation: string,
  row: Float64Array,
  start: number,
  length: number,
  mask: Float64Array | null,
  maskStart: number,
  allowedEnd: number,
): void {
  const end = Math.min(length, allowedEnd); // entries end…length−1 are causally hidden
  // max over allowed entries (NaN logits are skipped here and caught through the sum below).
  let max = -Infinity;
  let allowedCount = 0;
  if (mask === null) {
    for (let j = start; j < start + end; j++) {
      const s = row[j]!;
      max = s > max ? s : max;
    }
    allowedCount = Math.max(0, end);
  } else {
    for (let j = 0; j < end; j++) {
      if (mask[maskStart + j] === 0) continue;
      const s = row[start + j]!;
      max = s > max ? s : max;
      allowedCount++;
    }
  }
  if (allowedCount === 0) {
    row.fill(0, start, start + length); // fully masked row: weights exactly 0
    return;
  }
  if (max === Infinity || max === -Infinity) {
    infiniteRow(operation, row, start, length, mask, maskStart, end, max);
    return;
  }
  // exp(s_j − max) ∈ [0, 1]; the max itself gives exactly 1, so 1 ≤ sum ≤ m.
  let sum = 0;
  if (mask === null) {
    for (let j = start; j < start + end; j++) {
      const e = Math.exp(row[j]! - max);
      row[j] = e;
      sum += e;
    }
  } else {
    for (let j = 0; j < end; j++) {
      if (mask[maskStart + j] === 0) {
        row[start + j] = 0;
        continue;
      }
      const e = Math.exp(row[start + j]! - max);
      row[start + j] = e;
      sum += e;
    }
  }
  if (sum !== sum) throw nanLogit(operation, row, start, end, mask, maskStart); // a NaN logit spreads to the sum
  row.fill(0, start + end, start + length); // causally hidden tail
  const inv = 1 / sum;
  for (let j = start; j < start + end; j++) row[j]! *= inv;
}

/**
 * The limits of the softmax when the largest allowed logit is infinite (an overflowing dot product):
 * if it is +∞, the +∞ entries split the mass evenly and the rest get 0; if it is −∞, every allowed
 * logit is −∞, all are equal, so they split it evenly.
 */
function infiniteRow(
  operation: string,
  row: Float64Array,
  start: number,
  length: number,
  mask: Float64Array | null,
  maskStart: number,
  end: number,
  max: number,
): void {
  let winners = 0;
  for (let j = 0; j < end; j++) {
    if (mask !== null && mask[maskStart + j] === 0) continue;
    const s = row[start + j]!;
    if (s !== s) throw nanLogit(operation, row, start, end, mask, maskStart);
    if (s === max) winners++;
  }
  const w = 1 / winners;
  for (let j = 0; j < length; j++) {
    const allowed = j < end && (mask === null || mask[maskStart + j] !== 0);
    row[start + j] = allowed && row[start + j] === max ? w : 0;
  }
}

function nanLogit(
  operation: string,
  row: Float64Array,
  start: number,
  end: number,
  mask: Float64Array | null,
  maskStart: number,
): ArgumentError {
  let j = 0;
  while (j < end && !((mask === null || mask[maskStart + j] !== 0) && Number.isNaN(row[start + j]))) j++;
  return new ArgumentError(operation, `logit ${j} of a row is NaN (an overflowing dot product, ∞ − ∞?); scores must stay finite`);
}

/**
 * Row-wise stable softmax of an n×m matrix of logits, optionally masked (1 = allowed, 0 = masked).
 * A row with no allowed entry becomes all zeros. Returns a new n×m matrix of weights.
 */
export function softmax(logits: Matrix, mask?: Matrix): Matrix {
  const op = 'softmax';
  assertFinite(op, 'logits', logits);
  if (mask !== undefined) assertMask(op, mask, logits.rows, logits.cols);
  const out = zeros(logits.rows, logits.cols); // n×m
  out.data.set(logits.data);
  for (let i = 0; i < logits.rows; i++) {
    softmaxRowInPlace(op, out.data, i * logits.cols, logits.cols, mask?.data ?? null, i * logits.cols, logits.cols);
  }
  return out;
}

/** Throws unless `mask` is rows×cols and holds only 0 (masked) and 1 (may attend). */
export function assertMask(operation: string, mask: Matrix, rows: number, cols: number): void {
  if (mask.rows !== rows || mask.cols !== cols) {
    throw new ShapeError(operation, `mask is ${shape(mask)} but the scores are ${rows}×${cols}; they must match`);
  }
  for (let i = 0; i < mask.data.length; i++) {
    const v = mask.data[i]!;
    if (v !== 0 && v !== 1) {
      const r = Math.floor(i / cols);
      throw new ArgumentError(operation, `mask[${r}][${i - r * cols}] is ${v}; a mask holds 1 (may attend) or 0 (masked)`);
    }
  }
}
