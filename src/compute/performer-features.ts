/**
 * FAVOR+: positive orthogonal random features for the softmax kernel.
 *
 * Choromanski et al. 2020, "Rethinking Attention with Performers" (arXiv:2009.14794), Lemma 1 and
 * Section 2.3 ("positive random features"):
 *
 *   SM(x, y) = exp(xᵀy) = E_{ω∼N(0, I_d)} [ exp(ωᵀx − ‖x‖²/2) · exp(ωᵀy − ‖y‖²/2) ]
 *   φ(x) = (1/√m) · ( exp(ω_1ᵀx − ‖x‖²/2), …, exp(ω_mᵀx − ‖x‖²/2) )
 *
 * so φ(x)ᵀφ(y) is an unbiased estimate of exp(xᵀy) with strictly positive terms. Softmax attention
 * uses the kernel on q/d^{1/4} and k/d^{1/4} (so that their product carries the 1/√d), and then
 * Att(Q, K, V) ≈ D̂⁻¹ (φ(Q)(φ(K)ᵀV)),  D̂ = diag(φ(Q)(φ(K)ᵀ1_L)), in O(n·m·d) instead of O(n²·d).
 */
import { ArgumentError, ShapeError } from './errors.ts';
import { assertFinite, shape, zeros, type Matrix } from './matrix.ts';

/** φ(X) for X n×d and ω m×d: the n×m matrix of positive features exp(ω_jᵀx_i − ‖x_i‖²/2)/√m. */
export function performerFeatures(x: Matrix, projection: Matrix): Matrix {
  const op = 'performerFeatures';
  if (x.cols !== projection.cols) {
    throw new ShapeError(op, `x is ${shape(x)} but projection is ${shape(projection)}; their columns (d) must match`);
  }
  if (projection.rows < 1) throw new ShapeError(op, `projection is ${shape(projection)}; it needs at least one row (feature)`);
  assertFinite(op, 'x', x);
  assertFinite(op, 'projection', projection);
  const n = x.rows;
  const d = x.cols;
  const m = projection.rows;
  const out = zeros(n, m); // n×m
  const invSqrtM = 1 / Math.sqrt(m);
  for (let i = 0; i < n; i++) {
    const xo = i * d;
    let half = 0; // ‖x_i‖²/2
    for (let c = 0; c < d; c++) half += x.data[xo + c]! * x.data[xo + c]!;
    half /= 2;
    for (let j = 0; j < m; j++) {
      const wo = j * d;
      let dot = 0; // ω_jᵀx_i
      for (let c = 0; c < d; c++) dot += projection.data[wo + c]! * x.data[xo + c]!;
      out.data[i * m + j] = Math.exp(dot - half) * invSqrtM;
    }
  }
  return out;
}

/**
 * FAVOR+ softmax attention (non-causal, bidirectional): D̂⁻¹ φ(Q')(φ(K')ᵀV) with Q' = Q·d^{−1/4},
 * K' = K·d^{−1/4} (or Q·√scale, K·√scale when `scale` is given), approximating
 * softmax(scale·QKᵀ)V. The features of each query row, and of all keys together, are divided by a
 * common constant before use (a max-stabiliser): it cancels in D̂⁻¹ and only prevents overflow.
 */
export function performerAttention(
  q: Matrix,
  k: Matrix,
  v: Matrix,
  projection: Matrix,
  options: { scale?: number } = {},
): { output: Matrix } {
  const op = 'performerAttention';
  if (q.cols !== k.cols) throw new ShapeError(op, `q is ${shape(q)} but k is ${shape(k)}; their columns must match`);
  if (k.rows !== v.rows) throw new ShapeError(op, `k is ${shape(k)} but v is ${shape(v)}; they need the same number of rows`);
  if (projection.cols !== q.cols) {
    throw new ShapeError(op, `projection is ${shape(projection)} but q is ${shape(q)}; projection needs d = ${q.cols} columns`);
  }
  assertFinite(op, 'v', v);
  const d = q.cols;
  const scale = options.scale ?? 1 / Math.sqrt(d);
  if (!Number.isFinite(scale) || scale <= 0) throw new ArgumentError(op, `scale must be a positive finite number, got ${scale}`);
  const root = Math.sqrt(scale); // d^{−1/4} by default
  const scaled = (x: Matrix): Matrix => {
    const out = zeros(x.rows, x.cols); // rows×d
    for (let i = 0; i < x.data.length; i++) out.data[i] = x.data[i]! * root;
    return out;
  };
  const qf = performerLogFeatures(scaled(q), projection); // n×m, log φ(q'_i)
  const kf = performerLogFeatures(scaled(k), projection); // m_k×m, log φ(k'_j)
  const n = q.rows;
  const mk = k.rows;
  const m = projection.rows;
  const dv = v.cols;
  // Keys: one shared stabiliser (the max over all key features), so relative key weights are kept.
  let kMax = -Infinity;
  for (let i = 0; i < kf.data.length; i++) kMax = Math.max(kMax, kf.data[i]!);
  for (let i = 0; i < kf.data.length; i++) kf.data[i] = Math.exp(kf.data[i]! - kMax); // m_k×m
  // Queries: a per-row stabiliser, which cancels between numerator and denominator of that row.
  for (let i = 0; i < n; i++) {
    let rowMax = -Infinity;
    for (let j = 0; j < m; j++) rowMax = Math.max(rowMax, qf.data[i * m + j]!);
    for (let j = 0; j < m; j++) qf.data[i * m + j] = Math.exp(qf.data[i * m + j]! - rowMax); // n×m
  }
  const kv = new Float64Array(m * dv); // φ(K)ᵀV, m×dv
  const z = new Float64Array(m); // φ(K)ᵀ1, m
  for (let j = 0; j < mk; j++) {
    for (let f = 0; f < m; f++) {
      const phi = kf.data[j * m + f]!;
      z[f]! += phi;
      for (let c = 0; c < dv; c++) kv[f * dv + c]! += phi * v.data[j * dv + c]!;
    }
  }
  const output = zeros(n, dv); // n×dv
  for (let i = 0; i < n; i++) {
    let denom = 0; // φ(q_i)ᵀz
    for (let f = 0; f < m; f++) denom += qf.data[i * m + f]! * z[f]!;
    if (!(denom > 0)) continue; // no keys (or every feature underflowed): a row of 0, never NaN
    for (let f = 0; f < m; f++) {
      const w = qf.data[i * m + f]! / denom;
      if (w === 0) continue;
      for (let c = 0; c < dv; c++) output.data[i * dv + c]! += w * kv[f * dv + c]!;
    }
  }
  return { output };
}

/** log φ(x) entrywise: ω_jᵀx_i − ‖x_i‖²/2 − ln(m)/2 (n×m), the overflow-free form of performerFeatures. */
function performerLogFeatures(x: Matrix, projection: Matrix): Matrix {
  assertFinite('performerAttention', 'input', x);
  assertFinite('performerAttention', 'projection', projection);
  const n = x.rows;
  const d = x.cols;
  const m = projection.rows;
  const out = zeros(n, m); // n×m
  const logSqrtM = Math.log(m) / 2;
  for (let i = 0; i < n; i++) {
    let half = 0;
    for (let c = 0; c < d; c++) half += x.data[i * d + c]! * x.data[i * d + c]!;
    half /= 2;
    for (let j = 0; j < m; j++) {
      let dot = 0;
      for (let c = 0; c < d; c++) dot += projection.data[j * d + c]! * x.data[i * d + c]!;
      out.data[i * m + j] = dot - half - logSqrtM;
    }
  }
  return out;
}
