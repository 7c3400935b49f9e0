import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { softmax, softmaxRowInPlace } from '../../src/compute/softmax.ts';
import { ArgumentError, ShapeError } from '../../src/compute/errors.ts';
import { fromData, matrix } from '../../src/compute/matrix.ts';
import { expectError, expectNumbersClose, maskArb, matrixArb, maxAbsDiff, rowSum } from './attention-helpers.ts';

describe('softmax: values derived by hand', () => {
  it('logits 0 and ln 2 give 1/3 and 2/3', () => {
    expectNumbersClose(softmax(matrix([[0, Math.log(2)]])).data, [1 / 3, 2 / 3], 1e-15);
  });

  it('logits 1, 2, 3 give e^k / (e + e² + e³)', () => {
    const z = Math.E + Math.E ** 2 + Math.E ** 3;
    expectNumbersClose(softmax(matrix([[1, 2, 3]])).data, [Math.E / z, Math.E ** 2 / z, Math.E ** 3 / z], 1e-15);
  });

  it('masked entries are exactly 0 and the rest renormalise', () => {
    const w = softmax(
      matrix([
        [5, 1, 1],
        [2, 2, 9],
      ]),
      matrix([
        [0, 1, 1],
        [1, 1, 0],
      ]),
    );
    expect(Array.from(w.data)).toEqual([0, 0.5, 0.5, 0.5, 0.5, 0]);
  });

  it('a fully masked row is all zeros, not NaN', () => {
    const w = softmax(
      matrix([
        [1, 2],
        [3, 4],
      ]),
      matrix([
        [0, 0],
        [1, 1],
      ]),
    );
    expect(Array.from(w.data.subarray(0, 2))).toEqual([0, 0]);
    expect(rowSum(w, 1)).toBeCloseTo(1, 15);
  });

  it('logits ±1e4 stay finite: [1e4, −1e4] gives [1, 0]', () => {
    expect(
      Array.from(
        softmax(
          matrix([
            [1e4, -1e4],
            [-1e4, -1e4],
          ]),
        ).data,
      ),
    ).toEqual([1, 0, 0.5, 0.5]);
  });

  it('the row routine respects a causal end and a mask offset', () => {
    const row = Float64Array.from([9, 0, 0, 0, 7, 7]);
    const mask = Float64Array.from([1, 1, 0, 1]);
    softmaxRowInPlace('test', row, 2, 4, mask, 0, 3); // entries 2…5 of row; allowed: j < 3 and mask ≠ 0 → j = 0, 1
    expect(Array.from(row)).toEqual([9, 0, 0.5, 0.5, 0, 0]);
  });
});

describe('softmax: properties', () => {
  const logitsArb = fc
    .record({ n: fc.integer({ min: 1, max: 6 }), m: fc.integer({ min: 1, max: 8 }) })
    .chain(({ n, m }) => fc.record({ x: matrixArb(n, m, 30), mask: maskArb(n, m) }));

  it('rows sum to 1 over allowed entries, masked entries are 0, all weights in [0, 1]', () => {
    fc.assert(
      fc.property(logitsArb, ({ x, mask }) => {
        const w = softmax(x, mask);
        for (let i = 0; i < x.rows; i++) {
          const allowed = mask.data.subarray(i * x.cols, (i + 1) * x.cols).some((b) => b === 1);
          const s = rowSum(w, i);
          if (allowed) expect(Math.abs(s - 1)).toBeLessThan(1e-12);
          else expect(s).toBe(0);
        }
        w.data.forEach((v, idx) => {
          expect(v >= 0 && v <= 1).toBe(true);
          if (mask.data[idx] === 0) expect(v).toBe(0);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('adding a constant to a row changes nothing (shift invariance), even a constant of 1e4', () => {
    fc.assert(
      fc.property(logitsArb, fc.double({ min: -1e4, max: 1e4, noNaN: true }), ({ x, mask }, c) => {
        const shifted = fromData(
          x.rows,
          x.cols,
          x.data.map((v) => v + c),
        );
        expect(maxAbsDiff(softmax(x, mask).data, softmax(shifted, mask).data)).toBeLessThan(1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('the largest logit gets the largest weight (order is preserved)', () => {
    fc.assert(
      fc.property(logitsArb, ({ x }) => {
        const w = softmax(x);
        for (let i = 0; i < x.rows; i++) {
          for (let a = 0; a < x.cols; a++) {
            for (let b = 0; b < x.cols; b++) {
              if (x.data[i * x.cols + a]! > x.data[i * x.cols + b]!)
                expect(w.data[i * x.cols + a]!).toBeGreaterThanOrEqual(w.data[i * x.cols + b]!);
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('softmax: errors', () => {
  it('names the operation and the shapes', () => {
    expectError(() => softmax(matrix([[1, 2]]), matrix([[1, 1, 1]])), ShapeError, 'softmax', 'mask is 1×3', '1×2');
    expectError(() => softmax(matrix([[1, Number.NaN]])), ArgumentError, 'softmax', 'logits[0][1]');
    expectError(() => softmax(matrix([[1, 2]]), matrix([[1, 2]])), ArgumentError, 'softmax', 'mask[0][1]');
  });
});
