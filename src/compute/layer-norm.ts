/**
 * Layer normalisation.
 *
 * Ba, Kiros & Hinton (2016), "Layer Normalization", arXiv:1607.06450, Eqs. (3)–(4): over the H
 * summed inputs a_i of one layer (one row here),
 *
 *     μ = (1/H) Σ_i a_i,     σ = √( (1/H) Σ_i (a_i − μ)² ),     h_i = g_i (a_i − μ) / σ + b_i
 *
 * with the small ε every implementation adds inside the square root:
 *
 *     LayerNorm(x)_i = γ_i (x_i − μ) / √(σ² + ε) + β_i        (biased variance: divide by H, not H − 1)
 *
 * Accuracy: two passes with a corrected mean (the corrected two-pass algorithm of Chan, Golub &
 * LeVeque, 1983). A first mean μ₀ is refined by the mean residual δ = mean(x − μ₀), whose terms are
 * exact; μ = μ₀ + δ is kept as the two parts, so x_i − μ = (x_i − μ₀) − δ is accurate to the last bits
 * of the deviation even when μ ≈ 1e5 or 1e8 and the deviations are tiny. Then σ² = mean((x − μ)²).
 * The one-pass E[x²] − μ² cancels catastrophically on rows such as 1e5 + small noise and is not used.
 * Rows whose entries exceed 1e150 (or, when ε allows, stay below 1e-150) in size are divided by
 * their largest |x_i| first, with ε scaled to match, so squares neither overflow nor underflow.
 * A row with σ² + ε = 0 (only possible with ε = 0 and a constant row) normalises to 0: output β.
 */
import { ArgumentError, ShapeError } from './errors.ts';
import { assertFinite, shape, zeros, type Matrix } from './matrix.ts';

/** Above this size a row is rescaled before squaring, so the squares cannot overflow. */
const HUGE = 1e150;
/** Below this size a row is rescaled too (when ε allows), so the squares cannot underflow to 0. */
const TINY = 1e-150;

/**
 * The divisor s for a row whose largest |x_i| is `size`: 1 for ordinary rows, `size` for huge rows,
 * and `size` for tiny rows unless ε/s² would overflow (then ε dominates mean(x²) and no rescaling
 * is needed: x/√(0 + ε) is already right).
 */
export function rowScale(size: number, eps: number): number {
  if (size > HUGE) return size;
  if (size > 0 && size < TINY && Number.isFinite(eps / size / size)) return size;
  return 1;
}

/** Layer norm of every row of x (n×d) with gain γ and bias β (length d each); ε defaults to 1e-5. */
export function layerNorm(x: Matrix, gamma: readonly number[], beta: readonly number[], eps = 1e-5): Matrix {
  const op = 'layerNorm';
  const n = x.rows, d = x.cols;
  if (gamma.length !== d) {
    throw new ShapeError(op, `x is ${shape(x)} but gamma has ${gamma.length} entries; it needs one per column (${d})`);
  }
  if (beta.length !== d) {
    throw new ShapeError(op, `x is ${shape(x)} but beta has ${beta.length} entries; it needs one per column (${d})`);
  }
  if (typeof eps !== 'number' || !Number.isFinite(eps) || eps < 0) {
    throw new ArgumentError(op, `eps is ${eps}; it must be a finite number ≥ 0`);
  }
  assertVector(op, 'gamma', gamma);
  assertVector(op, 'beta', beta);
  assertFinite(op, 'x', x);
  const out = zeros(n, d); // n×d
  for (let r = 0; r < n; r++) {
    const row = r * d;
    let size = 0; // max |x_i|
    for (let i = 0; i < d; i++) size = Math.max(size, Math.abs(x.data[row + i]!));
    const s = rowScale(size, eps); // work with y = x/s when squares would overflow or underflow
    const e = eps / s / s; // ε scaled alike: (x−μ)/√(σ²+ε) = (y−μ_y)/√(σ_y² + ε/s²) for y = x/s
    let sum = 0;
    for (let i = 0; i < d; i++) sum += x.data[row + i]! / s;
    const meanHi = sum / d; // μ, first pass (off by a few ulps of the row's size)
    let residual = 0;
    for (let i = 0; i < d; i++) residual += x.data[row + i]! / s - meanHi; // each difference is exact (Sterbenz)
    const meanLo = residual / d; // μ = meanHi + meanLo, kept as two parts: μ itself may not fit in one double
    let squares = 0;
    for (let i = 0; i < d; i++) {
      const dev = x.data[row + i]! / s - meanHi - meanLo; // x_i − μ, accurate to the last bits of the deviation
      squares += dev * dev;
    }
    const variance = squares / d; // biased σ²
    const denom = Math.sqrt(variance + e); // √(σ² + ε)
    for (let i = 0; i < d; i++) {
      const dev = x.data[row + i]! / s - meanHi - meanLo; // x_i − μ
      const normalised = denom === 0 ? 0 : dev / denom;
      out.data[row + i] = gamma[i]! * normalised + beta[i]!;
    }
  }
  return out;
}

/** Throws unless every entry of a parameter vector is a finite number. */
function assertVector(op: string, name: string, v: readonly number[]): void {
  for (let i = 0; i < v.length; i++) {
    if (typeof v[i] !== 'number' || !Number.isFinite(v[i])) {
      throw new ArgumentError(op, `${name}[${i}] is ${v[i]}; parameters must be finite numbers`);
    }
  }
}
