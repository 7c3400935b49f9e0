import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { silu, swiglu } from '../../src/compute/swiglu.ts';
import { ArgumentError, ShapeError } from '../../src/compute/errors.ts';
import { matmul, matrix } from '../../src/compute/matrix.ts';
import { expectError, expectMatrixClose, expectNumbersClose, lcgMatrix, loadCases, matrixArb, type Rows } from './attention-helpers.ts';

const sigma = (z: number) => 1 / (1 + Math.exp(-z));

describe('swiglu: values derived by hand', () => {
  it('d = f = 1: (SiLU(x·w1)·(x·w3))·w2 = 1·σ(1)·2·3 = 6σ(1)', () => {
    const y = swiglu(matrix([[1]]), { w1: matrix([[1]]), w3: matrix([[2]]), w2: matrix([[3]]) });
    expectNumbersClose(y.data, [6 * sigma(1)], 1e-15);
  });

  it('d = 2, f = 3: every hidden unit gated by its own SiLU', () => {
    const x = matrix([[1, -1]]);
    const w1 = matrix([
      [1, 0, 2],
      [0, 1, 1],
    ]); // x·w1 = [1, −1, 1]
    const w3 = matrix([
      [1, 1, 1],
      [0, 0, 1],
    ]); // x·w3 = [1, 1, 0]
    const w2 = matrix([
      [1, 0],
      [0, 1],
      [5, 5],
    ]);
    // h = [SiLU(1)·1, SiLU(−1)·1, SiLU(1)·0] = [σ(1), −σ(−1), 0]
    expectNumbersClose(swiglu(x, { w1, w3, w2 }).data, [sigma(1), -sigma(-1)], 1e-15);
  });

  it('SiLU is stable for |z| up to 1e4 and beyond: no NaN, no Infinity', () => {
    expect(silu(1e4)).toBe(1e4);
    expect(silu(-1e4)).toBe(-0);
    expect(silu(0)).toBe(0);
    expect(silu(-745)).toBeLessThan(0);
    expectNumbersClose([silu(2), silu(-2)], [2 * sigma(2), -2 * sigma(-2)], 1e-15);
    const y = swiglu(matrix([[1e4], [-1e4]]), { w1: matrix([[1]]), w3: matrix([[1]]), w2: matrix([[1]]) });
    expect(Array.from(y.data)).toEqual([1e8, 0]);
  });
});

describe('swiglu: NumPy + 60-digit decimal reference (scripts/reference/swiglu.py)', () => {
  for (const c of loadCases<{ x: Rows; w1: Rows; w3: Rows; w2: Rows }, { y: Rows }>('swiglu')) {
    it(c.name, () => {
      const { x, w1, w3, w2 } = c.inputs;
      expectMatrixClose(swiglu(matrix(x), { w1: matrix(w1), w3: matrix(w3), w2: matrix(w2) }), c.expected.y, 1e-9, 1e-14, 'y');
    });
  }
});

describe('swiglu: properties', () => {
  it('with w3 = w1 = I and w2 = I it is x ⊙ SiLU(x); it is linear in w2', () => {
    fc.assert(
      fc.property(matrixArb(3, 2, 20), (x) => {
        const I = matrix([
          [1, 0],
          [0, 1],
        ]);
        const y = swiglu(x, { w1: I, w3: I, w2: I });
        expectNumbersClose(
          y.data,
          Array.from(x.data, (z) => silu(z) * z),
          1e-14,
          1e-300,
        );
        const w2 = lcgMatrix(2, 2, 5);
        const y2 = swiglu(x, { w1: I, w3: I, w2 });
        expectNumbersClose(y2.data, matmul(y, w2).data, 1e-12, 1e-12);
      }),
    );
  });
});

describe('swiglu: bad input', () => {
  const x = lcgMatrix(2, 3, 1);
  const w = { w1: lcgMatrix(3, 4, 2), w3: lcgMatrix(3, 4, 3), w2: lcgMatrix(4, 3, 4) };
  it('names the operation and every mismatched shape', () => {
    expectError(() => swiglu(lcgMatrix(2, 2, 1), w), ShapeError, 'swiglu', 'w1 is 3×4 but x is 2×2');
    expectError(() => swiglu(x, { ...w, w3: lcgMatrix(3, 5, 1) }), ShapeError, 'swiglu', 'w3 is 3×5 but w1 is 3×4', 'must be 3×4');
    expectError(() => swiglu(x, { ...w, w2: lcgMatrix(3, 4, 1) }), ShapeError, 'swiglu', 'w2 is 3×4 but must be 4×3');
    expectError(() => swiglu(matrix([[1, Infinity, 0]]), w), ArgumentError, 'swiglu', 'x[0][1] is Infinity');
  });
});
