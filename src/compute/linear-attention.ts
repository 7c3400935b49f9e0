/**
 * Linear (kernelised) attention.
 *
 * Katharopoulos, Vyas, Pappas & Fleuret 2020, "Transformers are RNNs: Fast Autoregressive
 * Transformers with Linear Attention" (arXiv:2006.16236; atlas note katharopoulos2020transformers), equations (4)–(7) and (8)–(12):
 *
 *   V'_i = φ(Q_i)ᵀ Σ_j φ(K_j) V_jᵀ  /  φ(Q_i)ᵀ Σ_j φ(K_j),      φ(x) = elu(x) + 1   (eq. 6, 7)
 *
 * The sums S = Σ_j φ(K_j)V_jᵀ (d×dv) and z = Σ_j φ(K_j) (d) are shared by every query, so the
 * cost is O(n·d·dv) instead of O(n·m·d). Causal (eq. 8–12): the sums run over j ≤ i, i.e. prefix
 * sums S_i = S_{i−1} + φ(K_i)V_iᵀ and z_i = z_{i−1} + φ(K_i), the recurrent "RNN" form.
 * There is no 1/√d: the feature map replaces the exponential. An optional eps is added to the
 * denominator (default 0; φ > 0 keeps it positive unless a feature underflows to 0).
 *
 * `linearAttentionNaive` forms the n×m similarity matrix φ(Q)φ(K)ᵀ explicitly (eq. 4); the fast
 * path is tested against it.
 */
import { ArgumentError, ShapeError } from './errors.ts';
import { assertFinite, shape, zeros, type Matrix } from './matrix.ts';

/** The feature map φ(x) = elu(x) + 1: x + 1 for x > 0, eˣ otherwise (always positive). */
export function eluPlusOne(x: number): number {
  return x > 0 ? x + 1 : Math.exp(x);
}

interface LinearOptions {
  causal?: boolean;
  eps?: number;
}

function check(op: string, q: Matrix, k: Matrix, v: Matrix, options: LinearOptions): number {
  if (q.cols !== k.cols) throw new ShapeError(op, `q is ${shape(q)} but k is ${shape(k)}; their columns must match`);
  if (k.rows !== v.rows) throw new ShapeError(op, `k is ${shape(k)} but v is ${shape(v)}; they need the same number of rows`);
  if (options.causal && q.rows !== k.rows) {
    throw new ShapeError(op, `causal needs as many queries as keys, but q is ${shape(q)} and k is ${shape(k)}`);
  }
  const eps = options.eps ?? 0;
  if (!Number.isFinite(eps) || eps < 0) throw new ArgumentError(op, `eps must be a finite number ≥ 0, got ${eps}`);
  assertFinite(op, 'q', q);
  assertFinite(op, 'k', k);
  assertFinite(op, 'v', v);
  return eps;
}

/** φ applied entrywise: (rows×d) → rows×d. */
function features(x: Matrix): Matrix {
  const out = zeros(x.rows, x.cols); // rows×d
  for (let i = 0; i < x.data.length; i++) out.data[i] = eluPlusOne(x.data[i]!);
  return out;
}

/**
 * Linear attention in O(n·d·dv). Non-causal returns the shared state kv = φ(K)ᵀV (d×dv) and
 * z = Σ_j φ(k_j); causal returns the state after the last position (the same sums over all j).
 * A row whose denominator is 0 (no keys, or features underflowed) is 0, never NaN.
 */
export function linearAttention(
  q: Matrix,
  k: Matrix,
  v: Matrix,
  options: { causal?: boolean; eps?: number } = {},
): { output: Matrix; kv?: Matrix; z?: Float64Array } {
  const op = 'linearAttention';
  const eps = check(op, q, k, v, options);
  const d = q.cols;
  const dv = v.cols;
  const n = q.rows;
  const m = k.rows;
  const fq = features(q); // n×d
  const fk = features(k); // m×d
  const kv = zeros(d, dv); // S = Σ φ(k_j) v_jᵀ, d×dv
  const z = new Float64Array(d); // Σ φ(k_j), d
  const output = zeros(n, dv); // n×dv
  const addKey = (j: number): void => {
    for (let a = 0; a < d; a++) {
      const phi = fk.data[j * d + a]!;
      z[a]! += phi;
      for (let c = 0; c < dv; c++) kv.data[a * dv + c]! += phi * v.data[j * dv + c]!; // d×dv
    }
  };
  const readQuery = (i: number): void => {
    let denom = eps; // φ(q_i)·z + eps
    for (let a = 0; a < d; a++) denom += fq.data[i * d + a]! * z[a]!;
    if (!(denom > 0)) return;
    for (let a = 0; a < d; a++) {
      const w = fq.data[i * d + a]! / denom;
      if (w === 0) continue;
      for (let c = 0; c < dv; c++) output.data[i * dv + c]! += w * kv.data[a * dv + c]!; // 1×dv
    }
  };
  if (options.causal) {
    for (let i = 0; i < n; i++) {
      addKey(i); // S_i = S_{i−1} + φ(k_i)v_iᵀ, z_i = z_{i−1} + φ(k_i)
      readQuery(i);
    }
  } else {
    for (let j = 0; j < m; j++) addKey(j);
    for (let i = 0; i < n; i++) readQuery(i);
  }
  return { output, kv, z };
}

/**
 * The quadratic reference: weights_ij = φ(q_i)·φ(k_j) (0 for j > i when causal), normalised by
 * Σ_j weights_ij + eps; output = normalised weights · V. Returns the normalised n×m weights too.
 */
export function linearAttentionNaive(
  q: Matrix,
  k: Matrix,
  v: Matrix,
  options: { causal?: boolean; eps?: number } = {},
): { output: Matrix; weights: Matrix } {
  const op = 'linearAttentionNaive';
  const eps = check(op, q, k, v, options);
  const d = q.cols;
  const n = q.rows;
  const m = k.rows;
  const fq = features(q); // n×d
  const fk = features(k); // m×d
  const weights = zeros(n, m); // n×m
  for (let i = 0; i < n; i++) {
    let total = eps;
    for (let j = 0; j < m; j++) {
      if (options.causal && j > i) continue;
      let sim = 0; // φ(q_i)·φ(k_j)
      for (let a = 0; a < d; a++) sim += fq.data[i * d + a]! * fk.data[j * d + a]!;
      weights.data[i * m + j] = sim;
      total += sim;
    }
    for (let j = 0; j < m; j++) weights.data[i * m + j] = total > 0 ? weights.data[i * m + j]! / total : 0;
  }
  const dv = v.cols;
  const output = zeros(n, dv); // n×dv = weights · V
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const w = weights.data[i * m + j]!;
      if (w === 0) continue;
      for (let c = 0; c < dv; c++) output.data[i * dv + c]! += w * v.data[j * dv + c]!;
    }
  }
  return { output, weights };
}
