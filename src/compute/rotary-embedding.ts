/**
 * Rotary position embedding (RoPE).
 *
 * Su, Lu, Pan, Murtadha, Wen & Liu (2021), "RoFormer: Enhanced Transformer with Rotary Position
 * Embedding", arXiv:2104.09864 (atlas note su2021roformer), Eqs. (14)–(15) and the efficient form (34):
 *
 *     R^d_{Θ,m} x = (x_1, x_2, x_3, x_4, …) ⊗ (cos mθ_1, cos mθ_1, cos mθ_2, cos mθ_2, …)
 *                 + (−x_2, x_1, −x_4, x_3, …) ⊗ (sin mθ_1, sin mθ_1, sin mθ_2, sin mθ_2, …)
 *     θ_i = 10000^(−2(i−1)/d),  i = 1 … d/2
 *
 * i.e. each interleaved pair (x_{2i}, x_{2i+1}) (0-based here) of the row at position p is rotated
 * counter-clockwise by the angle p·base^(−2i/d):
 *
 *     x'_{2i}   = x_{2i} cos(pθ_i) − x_{2i+1} sin(pθ_i)
 *     x'_{2i+1} = x_{2i} sin(pθ_i) + x_{2i+1} cos(pθ_i)
 *
 * Rotations compose, so ⟨R_p q, R_r k⟩ = ⟨q, R_{r−p} k⟩: after RoPE a query–key dot product depends
 * on the positions only through the offset r − p (the paper's Eq. (16)).
 *
 * The frequencies come from ropeFrequencies (rope-frequencies.ts), so the optional `scaling` (linear
 * position interpolation or NTK-aware base scaling) stretches the same rotations to a longer context.
 */
import { ArgumentError, ShapeError } from './errors.ts';
import { assertFinite, shape, zeros, type Matrix } from './matrix.ts';
import { ropeThetas, type RopeScaling } from './rope-frequencies.ts';

/** Options of the rotary embedding. */
export interface RotaryOptions {
  /** Position of each row; defaults to 0 … n−1. May be any finite numbers (e.g. offsets in a KV cache). */
  readonly positions?: readonly number[] | undefined;
  /** The base of the frequencies θ_i = base^(−2i/d); 10000 by default. */
  readonly base?: number | undefined;
  /** Context extension (see ropeFrequencies): 'linear' divides every θ_i by factor, 'ntk' raises the base. */
  readonly scaling?: RopeScaling | undefined;
}

/** Rotates every interleaved pair of each row of x (n×d) by its position's angles; returns a new n×d matrix. */
export function rotaryEmbedding(x: Matrix, options: RotaryOptions = {}): Matrix {
  const op = 'rotaryEmbedding';
  const n = x.rows, d = x.cols;
  if (d % 2 !== 0) {
    throw new ShapeError(op, `x is ${shape(x)}; d = ${d} is odd, but RoPE rotates pairs (2i, 2i+1) and needs an even d`);
  }
  const positions = options.positions;
  if (positions !== undefined) {
    if (positions.length !== n) {
      throw new ShapeError(op, `x is ${shape(x)} but ${positions.length} positions were given; one per row is needed`);
    }
    for (let r = 0; r < n; r++) {
      if (!Number.isFinite(positions[r])) {
        throw new ArgumentError(op, `positions[${r}] is ${positions[r]}; positions must be finite numbers (x is ${shape(x)})`);
      }
    }
  }
  const thetas = ropeThetas(op, d, { base: options.base, scaling: options.scaling }); // θ_i = base^(−2i/d), rescaled
  assertFinite(op, 'x', x);
  const out = zeros(n, d); // n×d
  for (let i = 0; i < d / 2; i++) {
    const theta = thetas[i]!;
    for (let r = 0; r < n; r++) {
      const p = positions === undefined ? r : positions[r]!;
      const angle = p * theta; // pθ_i
      const c = Math.cos(angle), s = Math.sin(angle);
      const x0 = x.data[r * d + 2 * i]!, x1 = x.data[r * d + 2 * i + 1]!; // the pair (x_2i, x_2i+1)
      out.data[r * d + 2 * i] = x0 * c - x1 * s;
      out.data[r * d + 2 * i + 1] = x0 * s + x1 * c;
    }
  }
  return out;
}
