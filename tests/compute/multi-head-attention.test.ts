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
  maskArb,
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

describe('multiHeadAttention: the mask option', () => {
  it('masks every head like scaledDotProductAttention: each head equals sdpa with the same mask', () => {
    fc.assert(
      fc.property(
        fc
          .record({
            n: fc.integer({ min: 1, max: 5 }),
            heads: fc.constantFrom(1, 2, 4),
            causal: fc.boolean(),
            seed: fc.integer({ min: 1, max: 1e6 }),
          })
          .chain((s) => maskArb(s.n, s.n).map((mask) => ({ ...s, mask }))),
        ({ n, heads, causal, seed, mask }) => {
          const d = 2 * heads;
          const x = lcgMatrix(n, d, seed);
          const w = {
            wq: lcgMatrix(d, d, seed + 1),
            wk: lcgMatrix(d, d, seed + 2),
            wv: lcgMatrix(d, d, seed + 3),
            wo: lcgMatrix(d, d, seed + 4),
          };
          const r = multiHeadAttention(x, w, { heads, causal, mask });
          const q = matmul(x, w.wq),
            k = matmul(x, w.wk),
            v = matmul(x, w.wv);
          for (let a = 0; a < heads; a++) {
            const cols = (m: Matrix) => sliceCols(m, 2 * a, 2 * a + 2);
            const head = scaledDotProductAttention(cols(q), cols(k), cols(v), { causal, mask });
            expect(Array.from(r.headWeights[a]!.data)).toEqual(Array.from(head.weights.data));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a fully masked row gives zero weights and a zero output row; an all-ones mask changes nothing', () => {
    const x = lcgMatrix(3, 4, 2);
    const w = { wq: lcgMatrix(4, 4, 3), wk: lcgMatrix(4, 4, 4), wv: lcgMatrix(4, 4, 5), wo: lcgMatrix(4, 4, 6) };
    const mask = matrix([
      [1, 1, 0],
      [0, 0, 0],
      [1, 0, 1],
    ]);
    const r = multiHeadAttention(x, w, { heads: 2, mask });
    for (const hw of r.headWeights) {
      expect(Array.from(hw.data.subarray(3, 6))).toEqual([0, 0, 0]);
      expect([hw.data[2], hw.data[7]]).toEqual([0, 0]);
    }
    expect(Array.from(r.output.data.subarray(4, 8))).toEqual([0, 0, 0, 0]);
    const ones = matrix([
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ]);
    expect(Array.from(multiHeadAttention(x, w, { heads: 2, mask: ones }).output.data)).toEqual(
      Array.from(multiHeadAttention(x, w, { heads: 2 }).output.data),
    );
  });
});

describe('multiHeadAttention: errors', () => {
  it('a mask that is not n×n or not 0/1 throws, naming multiHeadAttention', () => {
    const x = lcgMatrix(3, 4, 1);
    const w = { wq: lcgMatrix(4, 4, 2), wk: lcgMatrix(4, 4, 3), wv: lcgMatrix(4, 4, 4), wo: lcgMatrix(4, 4, 5) };
    expectError(
      () => multiHeadAttention(x, w, { heads: 2, mask: lcgMatrix(3, 2, 1) }),
      ShapeError,
      'multiHeadAttention',
      'mask is 3×2 but the scores are 3×3',
    );
    expectError(
      () =>
        multiHeadAttention(x, w, {
          heads: 2,
          mask: matrix([
            [1, 1, 2],
            [1, 1, 1],
            [1, 1, 1],
          ]),
        }),
      ArgumentError,
      'multiHeadAttention',
      'mask[0][2] is 2',
    );
  });

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
