import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { multiHeadAttention } from '../../src/compute/multi-head-attention.ts';
import { scaledDotProductAttention } from '../../src/compute/scaled-dot-product-attention.ts';
import { ArgumentError, ShapeError } from '../../src/compute/errors.ts';
import { matmul, matrix, sliceCols, type Matrix } from '../../src/compute/matrix.ts';
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

function identity(d: number): Matrix {
  const rows: number[][] = [];
  for (let i = 0; i < d; i++) rows.push(Array.from({ length: d }, (_, j) => (i === j ? 1 : 0)));
  return matrix(rows);
}

describe('multiHeadAttention: values derived by hand', () => {
  it('one head with identity projections is plain attention of x with itself at scale 1/√d_model', () => {
    const x = matrix([
      [1, 0],
      [0, 1],
      [1, 1],
    ]);
    const I = identity(2);
    const r = multiHeadAttention(x, { wq: I, wk: I, wv: I, wo: I }, { heads: 1 });
    const direct = scaledDotProductAttention(x, x, x);
    expect(Array.from(r.output.data)).toEqual(Array.from(direct.output.data));
    expect(Array.from(r.concat.data)).toEqual(Array.from(direct.output.data));
    // Row 0: scores (1/√2)·[1, 0, 1] → weights ∝ [e^{1/√2}, 1, e^{1/√2}].
    const a = Math.exp(1 / Math.SQRT2);
    expectNumbersClose(r.headWeights[0]!.data.subarray(0, 3), [a / (2 * a + 1), 1 / (2 * a + 1), a / (2 * a + 1)], 1e-15);
  });

  it('each head sees its own contiguous columns and is scaled by 1/√d_k (not 1/√d_model)', () => {
    // d_model 4, 2 heads of d_k 2. Head 0 reads columns 0–1, head 1 reads columns 2–3.
    const x = matrix([
      [2, 0, 0, 0],
      [0, 0, 1, 0],
    ]);
    const I = identity(4);
    const r = multiHeadAttention(x, { wq: I, wk: I, wv: I, wo: I }, { heads: 2 });
    // Head 0: q0·k0 = 4, others 0 → row 0 logits (1/√2)[4, 0]; row 1 logits [0, 0].
    const w = 1 / (1 + Math.exp(-4 / Math.SQRT2));
    expectNumbersClose(r.headWeights[0]!.data, [w, 1 - w, 0.5, 0.5], 1e-15);
    // Head 1: only x1 has a non-zero (column 2): q1·k1 = 1 → row 1 logits (1/√2)[0, 1].
    const u = 1 / (1 + Math.exp(-1 / Math.SQRT2));
    expectNumbersClose(r.headWeights[1]!.data, [0.5, 0.5, 1 - u, u], 1e-15);
    // concat = [head0 | head1]; head0 averages columns 0–1 of x, head1 averages columns 2–3:
    // row 0: [w·2 + (1−w)·0, 0 | ½·0 + ½·1, 0], row 1: [½·2 + ½·0, 0 | (1−u)·0 + u·1, 0].
    expectNumbersClose(r.concat.data, [2 * w, 0, 0.5, 0, 1, 0, u, 0], 1e-15, 1e-16);
    expect(Array.from(r.output.data)).toEqual(Array.from(r.concat.data)); // W^O = I
  });

  it('output = concat · W^O', () => {
    const x = lcgMatrix(5, 6, 3);
    const w = { wq: lcgMatrix(6, 6, 4), wk: lcgMatrix(6, 6, 5), wv: lcgMatrix(6, 6, 6), wo: lcgMatrix(6, 6, 7) };
    const r = multiHeadAttention(x, w, { heads: 3 });
    expect(maxAbsDiff(r.output.data, matmul(r.concat, w.wo).data)).toBe(0);
    expect(r.headWeights).toHaveLength(3);
  });
});

describe('multiHeadAttention: NumPy reference (scripts/reference/multi-head-attention.py)', () => {
  interface Inputs {
    x: Rows;
    wq: Rows;
    wk: Rows;
    wv: Rows;
    wo: Rows;
    heads: number;
    causal: boolean;
  }
  for (const c of loadCases<Inputs, { output: Rows; concat: Rows; headWeights: Rows[] }>('multi-head-attention')) {
    it(c.name, () => {
      const { x, wq, wk, wv, wo, heads, causal } = c.inputs;
      const r = multiHeadAttention(matrix(x), { wq: matrix(wq), wk: matrix(wk), wv: matrix(wv), wo: matrix(wo) }, { heads, causal });
      expectMatrixClose(r.output, c.expected.output, 1e-9, 1e-14, 'output');
      expectMatrixClose(r.concat, c.expected.concat, 1e-9, 1e-14, 'concat');
      expect(r.headWeights).toHaveLength(heads);
      r.headWeights.forEach((hw, a) => expectMatrixClose(hw, c.expected.headWeights[a]!, 1e-9, 1e-15, `head ${a}`));
    });
  }
});

describe('multiHeadAttention: properties', () => {
  const arb = fc
    .record({
      n: fc.integer({ min: 1, max: 6 }),
      heads: fc.integer({ min: 1, max: 4 }),
      dk: fc.integer({ min: 1, max: 3 }),
      causal: fc.boolean(),
    })
    .chain(({ n, heads, dk, causal }) => {
      const d = heads * dk;
      return fc.record({
        heads: fc.constant(heads),
        causal: fc.constant(causal),
        x: matrixArb(n, d),
        wq: matrixArb(d, d, 1),
        wk: matrixArb(d, d, 1),
        wv: matrixArb(d, d, 1),
        wo: matrixArb(d, d, 1),
      });
    });

  it('each head equals scaled dot-product attention on its column slice; causal heads are 0 above the diagonal', () => {
    fc.assert(
      fc.property(arb, ({ heads, causal, x, wq, wk, wv, wo }) => {
        const r = multiHeadAttention(x, { wq, wk, wv, wo }, { heads, causal });
        const dk = x.cols / heads;
        const q = matmul(x, wq),
          k = matmul(x, wk),
          v = matmul(x, wv);
        for (let a = 0; a < heads; a++) {
          const s = (m: Matrix) => sliceCols(m, a * dk, (a + 1) * dk);
          const ref = scaledDotProductAttention(s(q), s(k), s(v), { causal, scale: 1 / Math.sqrt(dk) });
          expect(maxAbsDiff(r.headWeights[a]!.data, ref.weights.data)).toBe(0);
          expect(maxAbsDiff(sliceCols(r.concat, a * dk, (a + 1) * dk).data, ref.output.data)).toBe(0);
          const n = x.rows;
          for (let i = 0; i < n; i++) {
            let sum = 0;
            for (let j = 0; j < n; j++) {
              const w = r.headWeights[a]!.data[i * n + j]!;
              if (causal && j > i) expect(w).toBe(0);
              sum += w;
            }
            expect(Math.abs(sum - 1)).toBeLessThan(1e-12);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('causal: the output at position i does not change when later positions change', () => {
    fc.assert(
      fc.property(arb, fc.double({ min: -3, max: 3, noNaN: true }), ({ heads, x, wq, wk, wv, wo }, noise) => {
        if (x.rows < 2) return;
        const y = matrix(
          Array.from({ length: x.rows }, (_, i) =>
            Array.from(x.data.subarray(i * x.cols, (i + 1) * x.cols), (v) => (i === x.rows - 1 ? v + noise : v)),
          ),
        );
        const a = multiHeadAttention(x, { wq, wk, wv, wo }, { heads, causal: true });
        const b = multiHeadAttention(y, { wq, wk, wv, wo }, { heads, causal: true });
        const prefix = (x.rows - 1) * x.cols;
        expect(maxAbsDiff(a.output.data.subarray(0, prefix), b.output.data.subarray(0, prefix))).toBe(0);
      }),
      { numRuns: 100 },
    );
  });
});

describe('multiHeadAttention: errors', () => {
  const x = lcgMatrix(3, 4, 1);
  const w = { wq: lcgMatrix(4, 4, 2), wk: lcgMatrix(4, 4, 3), wv: lcgMatrix(4, 4, 4), wo: lcgMatrix(4, 4, 5) };
  it('zero, negative or fractional heads throw ArgumentError', () => {
    expectError(() => multiHeadAttention(x, w, { heads: 0 }), ArgumentError, 'multiHeadAttention', 'heads is 0', '3×4');
    expectError(() => multiHeadAttention(x, w, { heads: -2 }), ArgumentError, 'multiHeadAttention');
    expectError(() => multiHeadAttention(x, w, { heads: 1.5 }), ArgumentError, 'multiHeadAttention');
  });
  it('heads that do not divide d_model throw ShapeError', () => {
    expectError(() => multiHeadAttention(x, w, { heads: 3 }), ShapeError, 'multiHeadAttention', '3 heads', 'd_model = 4', '3×4');
  });
  it('weights of the wrong shape throw ShapeError naming them', () => {
    expectError(
      () => multiHeadAttention(x, { ...w, wk: lcgMatrix(4, 3, 1) }, { heads: 2 }),
      ShapeError,
      'multiHeadAttention',
      'wk is 4×3',
      '3×4',
    );
    expectError(() => multiHeadAttention(x, { ...w, wo: lcgMatrix(2, 4, 1) }, { heads: 2 }), ShapeError, 'multiHeadAttention', 'wo is 2×4');
  });
  it('non-finite weights throw ArgumentError', () => {
    const bad = lcgMatrix(4, 4, 9);
    bad.data[5] = Infinity;
    expectError(() => multiHeadAttention(x, { ...w, wv: bad }, { heads: 2 }), ArgumentError, 'multiHeadAttention', 'wv[1][1]');
  });
});
