import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { layerNorm } from '../../src/compute/layer-norm.ts';
import { ArgumentError, ShapeError } from '../../src/compute/errors.ts';
import { fromData, matrix } from '../../src/compute/matrix.ts';
import {
  expectError,
  expectMatrixClose,
  expectNumbersClose,
  lcgMatrix,
  loadCases,
  matrixArb,
  maxAbsDiff,
  type Rows,
} from './attention-helpers.ts';

const ones = (d: number) => new Array<number>(d).fill(1);
const zeros = (d: number) => new Array<number>(d).fill(0);

describe('layerNorm: values derived by hand', () => {
  it('[1, 2, 3, 4] with ε = 0: mean 2.5, biased variance 1.25', () => {
    const y = layerNorm(matrix([[1, 2, 3, 4]]), ones(4), zeros(4), 0);
    const s = Math.sqrt(1.25);
    expectNumbersClose(y.data, [-1.5 / s, -0.5 / s, 0.5 / s, 1.5 / s], 1e-15);
  });

  it('ε defaults to 1e-5 and sits inside the square root: [1, −1] → ±1/√(1 + 1e-5)', () => {
    const y = layerNorm(matrix([[1, -1]]), ones(2), zeros(2));
    expectNumbersClose(y.data, [1 / Math.sqrt(1 + 1e-5), -1 / Math.sqrt(1 + 1e-5)], 1e-15);
  });

  it('γ scales and β shifts each column', () => {
    const y = layerNorm(matrix([[1, -1]]), [2, 3], [10, 20], 0);
    expect(Array.from(y.data)).toEqual([12, 17]);
  });

  it('a constant row normalises to 0 (output β), also with ε = 0, never NaN', () => {
    expect(Array.from(layerNorm(matrix([[5, 5, 5]]), ones(3), [1, 2, 3], 0).data)).toEqual([1, 2, 3]);
    expect(Array.from(layerNorm(matrix([[5, 5, 5]]), ones(3), [1, 2, 3]).data)).toEqual([1, 2, 3]);
  });

  it('stays accurate on 1e5 + small noise, where E[x²] − μ² loses every digit', () => {
    const x = matrix([[1e5 + 1e-3, 1e5 - 1e-3, 1e5 + 2e-3, 1e5 - 2e-3]]);
    // Exact: deviations ±1e-3, ±2e-3 (up to the rounding of the inputs); variance 2.5e-6.
    const dev = Array.from(x.data, (v) => v - 1e5);
    const variance = dev.reduce((a, b) => a + b * b, 0) / 4;
    const y = layerNorm(x, ones(4), zeros(4), 0);
    expectNumbersClose(
      y.data,
      dev.map((d) => d / Math.sqrt(variance)),
      1e-9,
    );
    // The one-pass formula really is unusable here (which is why the module avoids it):
    const mean = x.data.reduce((a, b) => a + b, 0) / 4;
    const onePass = x.data.reduce((a, b) => a + b * b, 0) / 4 - mean * mean;
    expect(Math.abs(onePass - variance) / variance).toBeGreaterThan(1e-3);
  });

  it("the concept page's rows with the default ε = 1e-5 (the ε the page states)", () => {
    // 1e8 ± 0.1, ± 0.2: variance 0.025 = 2500 ε, so ε moves the result only in the 4th digit.
    const big = layerNorm(matrix([[1e8 + 0.1, 1e8 - 0.1, 1e8 + 0.2, 1e8 - 0.2]]), ones(4), zeros(4));
    expectNumbersClose(big.data, [0.632329, -0.632329, 1.264658, -1.264658], 0, 5e-7);
    // …and the one-pass formula returns a variance of exactly 0 there.
    const row = [1e8 + 0.1, 1e8 - 0.1, 1e8 + 0.2, 1e8 - 0.2];
    const mean = row.reduce((a, b) => a + b, 0) / 4;
    expect(row.reduce((a, b) => a + b * b, 0) / 4 - mean * mean).toBe(0);
    // 1e5 ± 1e-3, ± 2e-3: variance 2.5e-6 < ε, so ε dominates and the result is 0.28…, not 0.63….
    const small = layerNorm(matrix([[1e5 + 1e-3, 1e5 - 1e-3, 1e5 + 2e-3, 1e5 - 2e-3]]), ones(4), zeros(4));
    expectNumbersClose(small.data, [0.282843, -0.282843, 0.565685, -0.565685], 0, 5e-7);
    // The worked example (1, 2, 3, 6): (−2, −1, 0, 3) / √(3.5 + 1e-5).
    const worked = layerNorm(matrix([[1, 2, 3, 6]]), ones(4), zeros(4));
    expectNumbersClose(worked.data, [-1.069043, -0.534522, 0, 1.603565], 0, 5e-7);
  });

  it('huge rows (1e200) do not overflow', () => {
    const y = layerNorm(matrix([[1e200, -1e200, 3e200]]), ones(3), zeros(3));
    const ref = layerNorm(matrix([[1, -1, 3]]), ones(3), zeros(3), 0);
    expectNumbersClose(y.data, ref.data, 1e-12);
  });
});

describe('layerNorm: NumPy + exact-rational reference (scripts/reference/layer-norm.py)', () => {
  for (const c of loadCases<{ x: Rows; gamma: number[]; beta: number[]; eps: number }, { y: Rows }>('layer-norm')) {
    it(c.name, () => {
      const y = layerNorm(matrix(c.inputs.x), c.inputs.gamma, c.inputs.beta, c.inputs.eps);
      expectMatrixClose(y, c.expected.y, 1e-9, 1e-15, 'y');
    });
  }
});

describe('layerNorm: properties', () => {
  const arb = fc
    .record({ n: fc.integer({ min: 1, max: 5 }), d: fc.integer({ min: 2, max: 12 }) })
    .chain(({ n, d }) => matrixArb(n, d, 100));

  it('with γ = 1, β = 0 each row has mean 0 and variance σ²/(σ² + ε)', () => {
    fc.assert(
      fc.property(arb, (x) => {
        const d = x.cols;
        const y = layerNorm(x, ones(d), zeros(d));
        for (let r = 0; r < x.rows; r++) {
          const row = Array.from(x.data.subarray(r * d, (r + 1) * d));
          const out = Array.from(y.data.subarray(r * d, (r + 1) * d));
          const mu = row.reduce((a, b) => a + b, 0) / d;
          const v = row.reduce((a, b) => a + (b - mu) ** 2, 0) / d;
          const m = out.reduce((a, b) => a + b, 0) / d;
          expect(Math.abs(m)).toBeLessThan(1e-10);
          expect(Math.abs(out.reduce((a, b) => a + b * b, 0) / d - v / (v + 1e-5))).toBeLessThan(1e-9);
        }
      }),
      { numRuns: 200 },
    );
  });

  // Rows on a grid of eighths, so that adding an integer is exact and the test measures the module, not input rounding.
  const gridArb = fc.record({ n: fc.integer({ min: 1, max: 5 }), d: fc.integer({ min: 2, max: 12 }) }).chain(({ n, d }) =>
    fc.array(fc.integer({ min: -800, max: 800 }), { minLength: n * d, maxLength: n * d }).map((k) =>
      fromData(
        n,
        d,
        Float64Array.from(k, (v) => v / 8),
      ),
    ),
  );

  it('adding a constant to a row changes nothing; scaling it changes nothing when ε = 0', () => {
    fc.assert(
      fc.property(gridArb, fc.integer({ min: -100000, max: 100000 }), fc.double({ min: 0.01, max: 100, noNaN: true }), (x, c, a) => {
        const d = x.cols;
        const g = lcgMatrix(1, d, 3).data,
          b = lcgMatrix(1, d, 4).data;
        const base = layerNorm(x, Array.from(g), Array.from(b), 0);
        const shifted = layerNorm(
          fromData(
            x.rows,
            d,
            x.data.map((v) => v + c),
          ),
          Array.from(g),
          Array.from(b),
          0,
        );
        const scaled = layerNorm(
          fromData(
            x.rows,
            d,
            x.data.map((v) => v * a),
          ),
          Array.from(g),
          Array.from(b),
          0,
        );
        expect(maxAbsDiff(base.data, shifted.data)).toBeLessThan(1e-9);
        expect(maxAbsDiff(base.data, scaled.data)).toBeLessThan(1e-9);
      }),
      { numRuns: 150 },
    );
  });
});

describe('layerNorm: errors', () => {
  const x = lcgMatrix(2, 3, 1);
  it('parameter vectors of the wrong length throw ShapeError naming the shapes', () => {
    expectError(() => layerNorm(x, ones(4), zeros(3)), ShapeError, 'layerNorm', '2×3', 'gamma has 4');
    expectError(() => layerNorm(x, ones(3), zeros(2)), ShapeError, 'layerNorm', '2×3', 'beta has 2');
  });
  it('negative or non-finite ε and non-finite inputs throw ArgumentError', () => {
    expectError(() => layerNorm(x, ones(3), zeros(3), -1), ArgumentError, 'layerNorm', 'eps is -1');
    expectError(() => layerNorm(x, [1, Number.NaN, 1], zeros(3)), ArgumentError, 'layerNorm', 'gamma[1]');
    expectError(() => layerNorm(matrix([[1, Infinity, 2]]), ones(3), zeros(3)), ArgumentError, 'layerNorm', 'x[0][1]');
  });
});
