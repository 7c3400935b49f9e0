import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { loraLinear } from '../../src/compute/lora-linear.ts';
import { ArgumentError, ShapeError } from '../../src/compute/errors.ts';
import { matmul, matrix, zeros, type Matrix } from '../../src/compute/matrix.ts';
import { expectError, expectMatrixClose, expectNumbersClose, lcgMatrix, loadCases, matrixArb, type Rows } from './attention-helpers.ts';

/**
 * Numerical rank by Gaussian elimination with partial pivoting; pivots below tol·max|m| or below the
 * absolute floor (the rounding noise of a difference of two O(10) products) count as zero.
 */
function rank(m: Matrix, tol = 1e-9, floor = 0): number {
  const a = Array.from({ length: m.rows }, (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  const scale = Math.max(1e-300, ...Array.from(m.data, Math.abs));
  let r = 0;
  for (let c = 0; c < m.cols && r < m.rows; c++) {
    let p = r;
    for (let i = r + 1; i < m.rows; i++) if (Math.abs(a[i]![c]!) > Math.abs(a[p]![c]!)) p = i;
    if (Math.abs(a[p]![c]!) <= Math.max(tol * scale, floor)) continue;
    [a[r], a[p]] = [a[p]!, a[r]!];
    for (let i = r + 1; i < m.rows; i++) {
      const f = a[i]![c]! / a[r]![c]!;
      for (let j = c; j < m.cols; j++) a[i]![j]! -= f * a[r]![j]!;
    }
    r++;
  }
  return r;
}

describe('loraLinear: values derived by hand', () => {
  it('x = [1, 2], W0 = I, A = [1, 1]ᵀ, B = [1, 0], α = 2, r = 1: [1, 2] + 2·3·[1, 0] = [7, 2]', () => {
    const I = matrix([
      [1, 0],
      [0, 1],
    ]);
    expect(Array.from(loraLinear(matrix([[1, 2]]), I, matrix([[1], [1]]), matrix([[1, 0]]), 2).data)).toEqual([7, 2]);
  });
  it('α/r scaling: rank 2 with α = 2 halves to a factor 1', () => {
    const x = matrix([[1, 0]]);
    const a = matrix([
      [1, 1],
      [0, 0],
    ]); // x·A = [1, 1]
    const b = matrix([[3], [4]]); // (x·A)·B = 7
    expect(Array.from(loraLinear(x, matrix([[10], [0]]), a, b, 2).data)).toEqual([17]);
  });
});

describe('loraLinear: NumPy reference with the merged weight (scripts/reference/lora-linear.py)', () => {
  for (const c of loadCases<{ x: Rows; w0: Rows; a: Rows; b: Rows; alpha: number }, { y: Rows }>('lora-linear')) {
    it(c.name, () => {
      const { x, w0, a, b, alpha } = c.inputs;
      expectMatrixClose(loraLinear(matrix(x), matrix(w0), matrix(a), matrix(b), alpha), c.expected.y, 1e-9, 1e-13, 'y');
    });
  }
});

describe('loraLinear: properties', () => {
  const arb = fc
    .record({
      n: fc.integer({ min: 1, max: 5 }),
      d: fc.integer({ min: 1, max: 6 }),
      k: fc.integer({ min: 1, max: 6 }),
      r: fc.integer({ min: 1, max: 3 }),
    })
    .chain(({ n, d, k, r }) =>
      fc.record({
        x: matrixArb(n, d, 3),
        w0: matrixArb(d, k, 3),
        a: matrixArb(d, r, 3),
        b: matrixArb(r, k, 3),
        alpha: fc.double({ min: -16, max: 16, noNaN: true }),
      }),
    );

  it('B = 0 gives exactly the base layer x·W0', () => {
    fc.assert(
      fc.property(arb, ({ x, w0, a, alpha }) => {
        expect(Array.from(loraLinear(x, w0, a, zeros(a.cols, w0.cols), alpha).data)).toEqual(Array.from(matmul(x, w0).data));
      }),
    );
  });

  it('the change x·W − x·W0 has rank ≤ r (on x = I it is (α/r)·A·B itself)', () => {
    fc.assert(
      fc.property(arb, ({ w0, a, b, alpha }) => {
        const d = w0.rows;
        const x = zeros(d, d);
        for (let i = 0; i < d; i++) x.data[i * d + i] = 1;
        const y = loraLinear(x, w0, a, b, alpha);
        const base = matmul(x, w0);
        const diff = zeros(y.rows, y.cols);
        for (let i = 0; i < diff.data.length; i++) diff.data[i] = y.data[i]! - base.data[i]!;
        expect(rank(diff, 1e-8, 1e-10)).toBeLessThanOrEqual(a.cols);
        const ab = matmul(a, b);
        expectNumbersClose(
          diff.data,
          Array.from(ab.data, (v) => (alpha / a.cols) * v),
          1e-9,
          1e-12,
        );
      }),
    );
  });

  it('a random rank-2 update on a generic input has rank exactly 2', () => {
    const x = lcgMatrix(6, 5, 1),
      w0 = lcgMatrix(5, 4, 2),
      a = lcgMatrix(5, 2, 3),
      b = lcgMatrix(2, 4, 4);
    const y = loraLinear(x, w0, a, b, 8),
      base = matmul(x, w0);
    const diff = zeros(6, 4);
    for (let i = 0; i < 24; i++) diff.data[i] = y.data[i]! - base.data[i]!;
    expect(rank(diff)).toBe(2);
  });
});

describe('loraLinear: bad input', () => {
  const x = lcgMatrix(2, 3, 1),
    w0 = lcgMatrix(3, 4, 2),
    a = lcgMatrix(3, 2, 3),
    b = lcgMatrix(2, 4, 4);
  it('names the operation and the shapes', () => {
    expectError(() => loraLinear(x, lcgMatrix(2, 4, 1), a, b, 1), ShapeError, 'loraLinear', 'w0 is 2×4 but x is 2×3');
    expectError(() => loraLinear(x, w0, lcgMatrix(4, 2, 1), b, 1), ShapeError, 'loraLinear', 'a is 4×2 but x is 2×3');
    expectError(() => loraLinear(x, w0, a, lcgMatrix(2, 3, 1), 1), ShapeError, 'loraLinear', 'b is 2×3 but must be 2×4');
    expectError(() => loraLinear(x, w0, zeros(3, 0), zeros(0, 4), 1), ShapeError, 'loraLinear', 'a is 3×0', 'rank r');
    expectError(() => loraLinear(x, w0, a, b, NaN), ArgumentError, 'loraLinear', 'alpha is NaN');
    expectError(
      () =>
        loraLinear(
          matrix([
            [1, 2, NaN],
            [0, 0, 0],
          ]),
          w0,
          a,
          b,
          1,
        ),
      ArgumentError,
      'loraLinear',
      'x[0][2] is NaN',
    );
  });
});
