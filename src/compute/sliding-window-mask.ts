/**
 * Sliding-window (local, banded) attention masks.
 *
 * Local attention restricts query i to the keys within w positions of it. The causal band
 * i − w ≤ j ≤ i is the pattern of Sparse Transformer's local heads (Child et al. 2019,
 * arXiv:1904.10509, §4.2 A⁽¹⁾) and of Mistral-style sliding-window attention; the symmetric band
 * |i − j| ≤ w is Longformer's (Beltagy et al. 2020, arXiv:2004.05150, §3.1; atlas note beltagy2020longformer)
 * windowed attention. Written as a
 * 0/1 matrix it plugs into the `mask` option of scaledDotProductAttention and flashAttention
 * (1 = may attend, 0 = masked):
 *
 *   causal:     M_ij = 1  ⇔  i − w ≤ j ≤ i          (w + 1 keys per row, fewer near the start)
 *   symmetric:  M_ij = 1  ⇔  |i − j| ≤ w             (2w + 1 keys per row, fewer near the ends)
 */
import { ArgumentError } from './errors.ts';
import { zeros, type Matrix } from './matrix.ts';

/** The length×length 0/1 sliding-window mask with window w ≥ 0. */
export function slidingWindowMask(length: number, window: number, mode: 'causal' | 'symmetric'): Matrix {
  const op = 'slidingWindowMask';
  if (!Number.isInteger(length) || length < 0) throw new ArgumentError(op, `length must be an integer ≥ 0, got ${length}`);
  if (!Number.isInteger(window) || window < 0) throw new ArgumentError(op, `window must be an integer ≥ 0, got ${window}`);
  if (mode !== 'causal' && mode !== 'symmetric') {
    throw new ArgumentError(op, `mode must be 'causal' or 'symmetric', got ${String(mode)}`);
  }
  const out = zeros(length, length); // length×length
  for (let i = 0; i < length; i++) {
    const first = Math.max(0, i - window);
    const last = mode === 'causal' ? i : Math.min(length - 1, i + window);
    for (let j = first; j <= last; j++) out.data[i * length + j] = 1;
  }
  return out;
}

/** The number of allowed (nonzero) entries of a mask: the attention scores actually computed. */
export function countNonzero(mask: Matrix): number {
  let count = 0;
  for (let i = 0; i < mask.data.length; i++) if (mask.data[i] !== 0) count++;
  return count;
}
