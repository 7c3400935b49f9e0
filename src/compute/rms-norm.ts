/**
 * Root mean square layer normalisation (RMSNorm).
 *
 * Zhang & Sennrich (2019), "Root Mean Square Layer Normalization", arXiv:1910.07467 (atlas note
 * zhang2019root), Eq. (4):
 *
 *     ā_i = a_i / RMS(a) · g_i,     RMS(a) = √( (1/n) Σ_i a_i² )
 *
 * with ε inside the square root, as implementations add it:
 *
 *     RMSNorm(x)_i = x_i / √(mean(x²) + ε) · γ_i
 *
 * No mean is subtracted and there is no bias: only the scale of the row is normalised. Rows whose
 * entries exceed 1e150 (or, when ε allows, stay below 1e-150) in size are divided by their largest
 * |x_i| first, with ε scaled to match, so the squares can neither overflow nor underflow. A row with
 * mean(x²) + ε = 0 (ε = 0 and an all-zero row) gives 0.
 */
import { ArgumentError, ShapeError } from './errors.ts';
import { assertFinite, shape, zeros, type Matrix } from './matrix.ts';
import { rowScale } from './layer-norm.ts';

/** RMSNorm of every row of x (n×d) with gain γ (length d); ε defaults to 1e-6. */
export function rmsNorm(x: Matrix, gamma: readonly number[], eps = 1e-6): Matrix {
  const op = 'rmsNorm';
  const n = x.rows, d = x.cols;
  if (gamma.length !== d) {
    throw new ShapeError(op, `x is ${shape(x)} but gamma has ${gamma.length} entries; it needs one per column (${d})`);
  }
  if (typeof eps !== 'number' || !Number.isFinite(eps) || eps < 0) {
    throw new ArgumentError(op, `eps is ${eps}; it must be a finite number ≥ 0`);
  }
  for (let i = 0; i < d; i++) {
    if (typeof gamma[i] !== 'number' || !Number.isFinite(gamma[i])) {
      throw new ArgumentError(op, `gamma[${i}] is ${gamma[i]}; parameters must be finite numbers`);
    }
  }
  assertFinite(op, 'x', x);
  const out = zeros(n, d); // n×d
  for (let r = 0; r < n; r++) {
    const row = r * d;
    let size = 0; // max |x_i|
    for (let i = 0; i < d; i++) size = Math.max(size, Math.abs(x.data[row + i]!));
    const s = rowScale(size, eps); // work with y = x/s when squares would overflow or underflow
    let squares = 0;
    for (let i = 0; i < d; i++) {
      const y = x.data[row + i]! / s;
      squares += y * y;
    }
    const rms = Math.sqrt(squares / d + eps / s / s); // √(mean(y²) + ε/s²) = √(mean(x²) + ε) / s
    for (let i = 0; i < d; i++) {
      out.data[row + i] = rms === 0 ? 0 : (x.data[row + i]! / s / rms) * gamma[i]!;
    }
  }
  return out;
}
