import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { rmsNorm } from '../../src/compute/rms-norm.ts';
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

describe('rmsNorm: values derived by hand', () => {
  it('[3, 4] with ε = 0: RMS = √12.5', () => {
    const y = rmsNorm(matrix([[3, 4]]), ones(2), 0);
    expectNumbersClose(y.data, [3 / Math.sqrt(12.5), 4 / Math.sqrt(12.5)], 1e-15);
  });

  it('ε defaults to 1e-6 inside the root, and γ scales each column', () => {
    const y = rmsNorm(matrix([[1, -1]]), [2, 5]);
    expectNumbersClose(y.data, [2 / Math.sqrt(1 + 1e-6), -5 / Math.sqrt(1 + 1e-6)], 1e-15);
  });

  it('does not subtract the mean: a constant row maps to ±γ, unlike layer norm', () => {
    expectNumbersClose(rmsNorm(matrix([[7, 7, 7]]), ones(3), 0).data, [1, 1, 1], 1e-15);
    expect(Array.from(layerNorm(matrix([[7, 7, 7]]), ones(3), [0, 0, 0], 0).data)).toEqual([0, 0, 0]);
  });

  it('an all-zero row with ε = 0 gives 0, not NaN; huge rows do not overflow', () => {
    expect(Array.from(rmsNorm(matrix([[0, 0]]), ones(2), 0).data)).toEqual([0, 0]);
    expectNumbersClose(rmsNorm(matrix([[3e200, 4e200]]), ones(2)).data, [3 / Math.sqrt(12.5), 4 / Math.sqrt(12.5)], 1e-14);
  });
});

describe('rmsNorm: NumPy + 60-digit decimal reference (scripts/reference/rms-norm.py)', () => {
  for (const c of loadCases<{ x: Rows; gamma: number[]; eps: number }, { y: Rows }>('rms-norm')) {
    it(c.name, () => expectMatrixClose(rmsNorm(matrix(c.inputs.x), c.inputs.gamma, c.inputs.eps), c.expected.y, 1e-9, 1e-15, 'y'));
  }
});

describe('rmsNorm: properties', () => {
  const arb = fc
    .record({ n: fc.integer({ min: 1, max: 5 }), d: fc.integer({ min: 1, max: 12 }) })
    .chain(({ n, d }) => matrixArb(n, d, 100));

  it('with γ = 1 and ε = 0 every non-zero row has RMS 1', () => {
    fc.assert(
      fc.property(arb, (x) => {
        const y = rmsNorm(x, ones(x.cols), 0);
        for (let r = 0; r < x.rows; r++) {
          const row = y.data.subarray(r * x.cols, (r + 1) * x.cols);
          const inputZero = x.data.subarray(r * x.cols, (r + 1) * x.cols).every((v) => v === 0);
          const ms = row.reduce((a, b) => a + b * b, 0) / x.cols;
          if (inputZero) expect(ms).toBe(0);
          else expect(Math.abs(ms - 1)).toBeLessThan(1e-12);
        }
      }),
      { numRuns: 200 },
    );
  });

  const gridArb = fc.record({ n: fc.integer({ min: 1, max: 5 }), d: fc.integer({ min: 1, max: 12 }) }).chain(({ n, d }) =>
    fc.array(fc.integer({ min: -800, max: 800 }), { minLength: n * d, maxLength: n * d }).map((k) =>
      fromData(
        n,
        d,
        Float64Array.from(k, (v) => v / 8),
      ),
    ),
  );

  it('is invariant to rescaling a row when ε = 0, and equals layer norm on zero-mean rows', () => {
    fc.assert(
      fc.property(gridArb, fc.double({ min: 0.01, max: 100, noNaN: true }), (x, a) => {
        const g = Array.from(lcgMatrix(1, x.cols, 5).data);
        expect(
          maxAbsDiff(
            rmsNorm(x, g, 0).data,
            rmsNorm(
              fromData(
                x.rows,
                x.cols,
                x.data.map((v) => v * a),
              ),
              g,
              0,
            ).data,
          ),
        ).toBeLessThan(1e-12);
        const centred = fromData(x.rows, x.cols, x.data.slice());
        for (let r = 0; r < x.rows; r++) {
          const row = centred.data.subarray(r * x.cols, (r + 1) * x.cols);
          const mu = row.reduce((p, q) => p + q, 0) / x.cols;
          for (let i = 0; i < row.length; i++) row[i]! -= mu;
        }
        const ln = layerNorm(centred, g, new Array<number>(x.cols).fill(0), 1e-6);
        expect(maxAbsDiff(rmsNorm(centred, g, 1e-6).data, ln.data)).toBeLessThan(1e-6);
      }),
      { numRuns: 150 },
    );
  });
});

describe('rmsNorm: errors', () => {
  it('gamma of the wrong length throws ShapeError naming the shapes', () => {
    expectError(() => rmsNorm(lcgMatrix(2, 3, 1), ones(2)), ShapeError, 'rmsNorm', '2×3', 'gamma has 2');
  });
  it('bad ε or non-finite inputs throw ArgumentError', () => {
    expectError(() => rmsNorm(lcgMatrix(2, 3, 1), ones(3), Number.NaN), ArgumentError, 'rmsNorm', 'eps is NaN');
    expectError(() => rmsNorm(matrix([[1, Number.NaN]]), ones(2)), ArgumentError, 'rmsNorm', 'x[0][1]');
  });
});
