import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { additiveAttention } from '../../src/compute/additive-attention.ts';
import { ArgumentError, ShapeError } from '../../src/compute/errors.ts';
import { matrix } from '../../src/compute/matrix.ts';
import {
  expectError,
  expectMatrixClose,
  expectNumbersClose,
  lcgMatrix,
  loadCases,
  matrixArb,
  rowSum,
  type Rows,
} from './attention-helpers.ts';

describe('additiveAttention: values derived by hand', () => {
  it('one-dimensional case: e_j = v·tanh(s·w + h_j·u)', () => {
    // s = 0.5, h = [0, 1], w = u = 1, v = 2 → e = [2 tanh 0.5, 2 tanh 1.5].
    const r = additiveAttention(matrix([[0.5]]), matrix([[0], [1]]), { w: matrix([[1]]), u: matrix([[1]]), v: matrix([[2]]) });
    const e0 = 2 * Math.tanh(0.5),
      e1 = 2 * Math.tanh(1.5);
    expectNumbersClose(r.scores.data, [e0, e1], 1e-15);
    const z = Math.exp(e0) + Math.exp(e1);
    expectNumbersClose(r.weights.data, [Math.exp(e0) / z, Math.exp(e1) / z], 1e-14);
    expectNumbersClose(r.context.data, [Math.exp(e1) / z], 1e-14); // weights · [0, 1]
  });

  it('zero projections give equal scores, uniform weights and the mean annotation as context', () => {
    const h = matrix([
      [1, 2],
      [3, 4],
      [5, 9],
    ]);
    const r = additiveAttention(matrix([[7, -1]]), h, { w: matrix([[0], [0]]), u: matrix([[0], [0]]), v: matrix([[4]]) });
    expect(Array.from(r.scores.data)).toEqual([0, 0, 0]);
    expectNumbersClose(r.weights.data, [1 / 3, 1 / 3, 1 / 3], 1e-15);
    expectNumbersClose(r.context.data, [3, 5], 1e-15);
  });

  it('the tanh saturates: scores are bounded by Σ|v_a| however large the inputs', () => {
    const r = additiveAttention(matrix([[1e6]]), matrix([[1e6], [-1e6]]), {
      w: matrix([[1, -1]]),
      u: matrix([[1, 1]]),
      v: matrix([[0.5], [2]]),
    });
    expect(Array.from(r.scores.data)).toEqual([0.5 * 1 + 2 * 0, 0.5 * 0 + 2 * -1]); // tanh(2e6)=1, tanh(0)=0; tanh(0)=0, tanh(−2e6)=−1
  });
});

describe('additiveAttention: NumPy reference (scripts/reference/additive-attention.py)', () => {
  interface Inputs {
    s: Rows;
    h: Rows;
    w: Rows;
    u: Rows;
    v: Rows;
  }
  for (const c of loadCases<Inputs, { scores: Rows; weights: Rows; context: Rows }>('additive-attention')) {
    it(c.name, () => {
      const { s, h, w, u, v } = c.inputs;
      const r = additiveAttention(matrix(s), matrix(h), { w: matrix(w), u: matrix(u), v: matrix(v) });
      expectMatrixClose(r.scores, c.expected.scores, 1e-9, 1e-15, 'scores');
      expectMatrixClose(r.weights, c.expected.weights, 1e-9, 1e-15, 'weights');
      expectMatrixClose(r.context, c.expected.context, 1e-9, 1e-15, 'context');
    });
  }
});

describe('additiveAttention: properties', () => {
  const arb = fc
    .record({
      n: fc.integer({ min: 1, max: 3 }),
      m: fc.integer({ min: 1, max: 6 }),
      ds: fc.integer({ min: 1, max: 4 }),
      dh: fc.integer({ min: 1, max: 4 }),
      da: fc.integer({ min: 1, max: 5 }),
    })
    .chain(({ n, m, ds, dh, da }) =>
      fc.record({ s: matrixArb(n, ds), h: matrixArb(m, dh), w: matrixArb(ds, da), u: matrixArb(dh, da), v: matrixArb(da, 1) }),
    );

  it('weights sum to 1, |e_j| ≤ Σ|v_a|, and the context is a convex combination of the annotations', () => {
    fc.assert(
      fc.property(arb, ({ s, h, w, u, v }) => {
        const r = additiveAttention(s, h, { w, u, v });
        const bound = v.data.reduce((acc, x) => acc + Math.abs(x), 0);
        r.scores.data.forEach((e) => expect(Math.abs(e)).toBeLessThanOrEqual(bound + 1e-12));
        for (let i = 0; i < s.rows; i++) {
          expect(Math.abs(rowSum(r.weights, i) - 1)).toBeLessThan(1e-12);
          for (let c = 0; c < h.cols; c++) {
            const col = Array.from({ length: h.rows }, (_, j) => h.data[j * h.cols + c]!);
            const x = r.context.data[i * h.cols + c]!;
            expect(x).toBeGreaterThanOrEqual(Math.min(...col) - 1e-12);
            expect(x).toBeLessThanOrEqual(Math.max(...col) + 1e-12);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('scoring several decoder states at once equals scoring each on its own', () => {
    fc.assert(
      fc.property(arb, ({ s, h, w, u, v }) => {
        const all = additiveAttention(s, h, { w, u, v });
        for (let i = 0; i < s.rows; i++) {
          const one = additiveAttention(matrix([Array.from(s.data.subarray(i * s.cols, (i + 1) * s.cols))]), h, { w, u, v });
          expect(Array.from(one.weights.data)).toEqual(Array.from(all.weights.data.subarray(i * h.rows, (i + 1) * h.rows)));
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('additiveAttention: errors', () => {
  const s = lcgMatrix(1, 3, 1),
    h = lcgMatrix(5, 4, 2);
  const p = { w: lcgMatrix(3, 6, 3), u: lcgMatrix(4, 6, 4), v: lcgMatrix(6, 1, 5) };
  it('shape mismatches throw ShapeError naming the shapes', () => {
    expectError(() => additiveAttention(s, h, { ...p, w: lcgMatrix(2, 6, 3) }), ShapeError, 'additiveAttention', '1×3', '2×6');
    expectError(() => additiveAttention(s, h, { ...p, u: lcgMatrix(3, 6, 3) }), ShapeError, 'additiveAttention', '5×4', '3×6');
    expectError(() => additiveAttention(s, h, { ...p, u: lcgMatrix(4, 5, 3) }), ShapeError, 'additiveAttention', '3×6', '4×5');
    expectError(() => additiveAttention(s, h, { ...p, v: lcgMatrix(1, 6, 3) }), ShapeError, 'additiveAttention', 'v is 1×6', '6×1');
  });
  it('non-finite inputs throw ArgumentError', () => {
    const bad = lcgMatrix(5, 4, 2);
    bad.data[0] = Number.NaN;
    expectError(() => additiveAttention(s, bad, p), ArgumentError, 'additiveAttention', 'h[0][0]');
  });
});
