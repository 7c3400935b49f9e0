/**
 * A linear layer with a low-rank adaptation (LoRA).
 *
 * Hu, Shen, Wallis, Allen-Zhu, Li, Wang, Wang & Chen (2021), "LoRA: Low-Rank Adaptation of Large
 * Language Models", arXiv:2106.09685, Eq. (3) and Section 4.1 (the α/r scaling), in the row-vector
 * convention with weights stored in×out:
 *
 *     h = x W0 + (α / r) · (x A) B,     W0 d×k frozen,  A d×r,  B r×k,  r = A.cols
 *
 * B starts at zero, so a fresh adapter is exactly the base layer. The update ΔW = (α/r)·A B has rank ≤ r.
 * (x A) B is computed in that order: n·r·(d + k) multiply-adds instead of d·r·k for forming A B.
 */
import { ArgumentError, ShapeError } from './errors.ts';
import { assertFinite, matmul, shape, type Matrix } from './matrix.ts';

/** x·W0 + (alpha/r)·(x·A)·B for x n×d, W0 d×k, A d×r, B r×k; returns n×k. */
export function loraLinear(x: Matrix, w0: Matrix, a: Matrix, b: Matrix, alpha: number): Matrix {
  const op = 'loraLinear';
  const d = x.cols, k = w0.cols, r = a.cols;
  if (w0.rows !== d) {
    throw new ShapeError(op, `w0 is ${shape(w0)} but x is ${shape(x)}; w0 needs ${d} rows (d×k)`);
  }
  if (a.rows !== d) {
    throw new ShapeError(op, `a is ${shape(a)} but x is ${shape(x)}; a needs ${d} rows (d×r)`);
  }
  if (r < 1) {
    throw new ShapeError(op, `a is ${shape(a)}; the rank r = a.cols must be at least 1`);
  }
  if (b.rows !== r || b.cols !== k) {
    throw new ShapeError(op, `b is ${shape(b)} but must be ${r}×${k} (r×k; a is ${shape(a)}, w0 is ${shape(w0)})`);
  }
  if (typeof alpha !== 'number' || !Number.isFinite(alpha)) {
    throw new ArgumentError(op, `alpha is ${String(alpha)}; it must be a finite number`);
  }
  assertFinite(op, 'x', x);
  assertFinite(op, 'w0', w0);
  assertFinite(op, 'a', a);
  assertFinite(op, 'b', b);
  const base = matmul(x, w0); // n×k
  const update = matmul(matmul(x, a), b); // (n×r)·(r×k) = n×k
  const s = alpha / r;
  for (let i = 0; i < base.data.length; i++) {
    const u = update.data[i]!;
    if (u !== 0) base.data[i]! += s * u; // a zero update leaves x·W0 untouched, even its signed zeros
  }
  return base;
}
