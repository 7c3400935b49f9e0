/**
 * The SwiGLU feed-forward layer.
 *
 * Shazeer (2020), "GLU Variants Improve Transformer", arXiv:2002.05202, Eq. (6) (FFN_SwiGLU), with
 * Swish_1 = SiLU; the feed-forward layer of LLaMA (Touvron et al. 2023, arXiv:2302.13971). Row-vector
 * convention, no biases:
 *
 *     FFN(x) = (SiLU(x W1) ⊙ (x W3)) W2,     SiLU(z) = z · σ(z),  σ(z) = 1 / (1 + e^(−z))
 *
 * x is n×d, W1 and W3 are d×f, W2 is f×d. σ is evaluated as 1/(1 + e^(−z)) for z ≥ 0 and e^z/(1 + e^z)
 * for z < 0, so the exponent is never positive: no overflow, and SiLU(−1e4) is −0-ish, never NaN.
 */
import { ShapeError } from './errors.ts';
import { assertFinite, matmul, shape, zeros, type Matrix } from './matrix.ts';

/** The three projections of SwiGLU: w1 and w3 are d×f (gate and up), w2 is f×d (down). */
export interface SwigluWeights {
  readonly w1: Matrix;
  readonly w3: Matrix;
  readonly w2: Matrix;
}

/** SiLU(z) = z·σ(z), with σ computed without ever exponentiating a positive number. */
export function silu(z: number): number {
  if (z >= 0) return z / (1 + Math.exp(-z));
  const e = Math.exp(z); // ∈ (0, 1)
  return (z * e) / (1 + e);
}

/** SwiGLU feed-forward of x (n×d): (SiLU(x·W1) ⊙ (x·W3))·W2, n×d. */
export function swiglu(x: Matrix, w: SwigluWeights): Matrix {
  const op = 'swiglu';
  const d = x.cols, f = w.w1.cols;
  if (w.w1.rows !== d) {
    throw new ShapeError(op, `w1 is ${shape(w.w1)} but x is ${shape(x)}; w1 needs ${d} rows (d×f)`);
  }
  if (w.w3.rows !== d || w.w3.cols !== f) {
    throw new ShapeError(op, `w3 is ${shape(w.w3)} but w1 is ${shape(w.w1)}; w3 must be ${d}×${f} like w1`);
  }
  if (w.w2.rows !== f || w.w2.cols !== d) {
    throw new ShapeError(op, `w2 is ${shape(w.w2)} but must be ${f}×${d} (f×d; w1 is ${shape(w.w1)}, x is ${shape(x)})`);
  }
  assertFinite(op, 'x', x);
  assertFinite(op, 'w1', w.w1);
  assertFinite(op, 'w3', w.w3);
  assertFinite(op, 'w2', w.w2);
  const gate = matmul(x, w.w1); // n×f
  const up = matmul(x, w.w3); // n×f
  const h = zeros(x.rows, f); // n×f
  for (let i = 0; i < h.data.length; i++) h.data[i] = silu(gate.data[i]!) * up.data[i]!;
  return matmul(h, w.w2); // n×d
}
