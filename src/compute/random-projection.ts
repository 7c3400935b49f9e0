/**
 * Random projection matrices ω ∈ R^{m×d} for random-feature attention.
 *
 * Choromanski et al. 2020, "Rethinking Attention with Performers" (arXiv:2009.14794), Section 2.4
 * ("Orthogonal random features"): the rows ω_1 … ω_m are either i.i.d. N(0, I_d), or drawn so that
 * rows within each block of d are exactly orthogonal while each row keeps the marginal N(0, I_d).
 * The orthogonal construction (as in the authors' reference code, "scaling = 0"): for each block,
 * orthonormalise a d×d Gaussian matrix by Gram–Schmidt, then give row i the length ‖g_i‖ of a fresh
 * Gaussian vector g_i ∈ R^d, so the length is χ_d-distributed exactly as for a Gaussian row.
 * Keeping the N(0, I) marginal is what keeps the Performer estimator of exp(q·k) unbiased.
 *
 * Draw order (a contract shared with scripts/reference/random_projection.py), from one seeded stream:
 * - i.i.d.: m·d normals, row-major;
 * - orthogonal: per block of d rows, d·d normals row-major (the block), then d·d normals row-major
 *   whose row norms become the row lengths; the last block keeps only its first m mod d rows.
 */
import { ArgumentError } from './errors.ts';
import { zeros, type Matrix } from './matrix.ts';
import { assertSeed, gramSchmidtRows, seededRandom } from './seeded-random.ts';

/** A features×d matrix of Gaussian rows ω_i ~ N(0, I_d), optionally orthogonal within blocks of d. */
export function randomProjection(features: number, d: number, seed: number, orthogonal = false): Matrix {
  const op = 'randomProjection';
  if (!Number.isInteger(features) || features < 1) throw new ArgumentError(op, `features must be a positive integer, got ${features}`);
  if (!Number.isInteger(d) || d < 1) throw new ArgumentError(op, `d must be a positive integer, got ${d}`);
  assertSeed(op, seed);
  const random = seededRandom(seed);
  const out = zeros(features, d); // m×d
  if (!orthogonal) {
    for (let i = 0; i < features * d; i++) out.data[i] = random.normal();
    return out;
  }
  const block = new Float64Array(d * d); // d×d Gaussian block, orthonormalised in place
  for (let start = 0; start < features; start += d) {
    for (let i = 0; i < d * d; i++) block[i] = random.normal();
    gramSchmidtRows(block, d, d); // d×d with orthonormal rows
    const rows = Math.min(d, features - start);
    for (let r = 0; r < d; r++) {
      let norm2 = 0; // ‖g_r‖² of a fresh Gaussian row, χ²_d
      for (let c = 0; c < d; c++) {
        const g = random.normal();
        norm2 += g * g;
      }
      if (r >= rows) continue;
      const length = Math.sqrt(norm2);
      for (let c = 0; c < d; c++) out.data[(start + r) * d + c] = length * block[r * d + c]!; // row start+r of m×d
    }
  }
  return out;
}
