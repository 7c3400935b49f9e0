import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { groupedQueryAttention, groupedQueryAttentionNaive } from '../../src/compute/grouped-query-attention.ts';
import { multiHeadAttention } from '../../src/compute/multi-head-attention.ts';
import { scaledDotProductAttention } from '../../src/compute/scaled-dot-product-attention.ts';
import { ArgumentError, ShapeError } from '../../src/compute/errors.ts';
import { matmul, matrix, sliceCols } from '../../src/compute/matrix.ts';
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

const I2 = matrix([
  [1, 0],
  [0, 1],
]);

/** Random GQA weights for d_model and h query heads sharing g key/value heads. */
function weights(dModel: number, heads: number, kvHeads: number, seed: number) {
  const dk = dModel / heads;
  return {
    wq: lcgMatrix(dModel, heads * dk, seed),
    wk: lcgMatrix(dModel, kvHeads * dk, seed + 1),
    wv: lcgMatrix(dModel, kvHeads * dk, seed + 2),
    wo: lcgMatrix(heads * dk, dModel, seed + 3),
  };
}

describe('groupedQueryAttention: values derived by hand', () => {
  it('two query heads sharing one key/value head (MQA) on x = I', () => {
    // d_k = 1, k = [1, 0]ᵀ, v = [0, 1]ᵀ. Head 0 (q = [1, 0]): row 0 scores [1, 0] → weights
    // [e, 1]/(e + 1), output 1/(e + 1); row 1 scores [0, 0] → ½. Head 1 (q = [0, 1]) is the mirror.
    const r = groupedQueryAttention(I2, { wq: I2, wk: matrix([[1], [0]]), wv: matrix([[0], [1]]), wo: I2 }, { heads: 2, kvHeads: 1 });
    const e = Math.E;
    expectNumbersClose(r.output.data, [1 / (e + 1), 0.5, 0.5, 1 / (e + 1)], 1e-15);
    expectNumbersClose(r.headWeights[0]!.data, [e / (e + 1), 1 / (e + 1), 0.5, 0.5], 1e-15);
    expectNumbersClose(r.headWeights[1]!.data, [0.5, 0.5, e / (e + 1), 1 / (e + 1)], 1e-15);
  });

  it('query head a reads key/value head ⌊a/(h/g)⌋: heads 0–1 use block 0, heads 2–3 use block 1', () => {
    const x = lcgMatrix(5, 8, 11);
    const w = weights(8, 4, 2, 20);
    const r = groupedQueryAttention(x, w, { heads: 4, kvHeads: 2, causal: true });
    const q = matmul(x, w.wq),
      k = matmul(x, w.wk),
      v = matmul(x, w.wv);
    for (let a = 0; a < 4; a++) {
      const b = Math.floor(a / 2);
      const head = scaledDotProductAttention(
        sliceCols(q, 2 * a, 2 * a + 2),
        sliceCols(k, 2 * b, 2 * b + 2),
        sliceCols(v, 2 * b, 2 * b + 2),
        {
          causal: true,
        },
      );
      expect(Array.from(r.headWeights[a]!.data)).toEqual(Array.from(head.weights.data));
    }
    expect(r.headWeights).toHaveLength(4);
    expect([r.output.rows, r.output.cols]).toEqual([5, 8]);
  });

  it('a mask works as in scaledDotProductAttention: a fully masked row gives 0 weights and 0 output', () => {
    const mask = matrix([
      [0, 0],
      [1, 0],
    ]);
    const r = groupedQueryAttention(I2, { wq: I2, wk: matrix([[1], [0]]), wv: matrix([[2], [3]]), wo: I2 }, { heads: 2, kvHeads: 1, mask });
    expect(Array.from(r.headWeights[0]!.data)).toEqual([0, 0, 1, 0]);
    expect(Array.from(r.output.data)).toEqual([0, 0, 2, 2]);
  });
});

describe('groupedQueryAttention: NumPy reference (scripts/reference/grouped-query-attention.py)', () => {
  type Inputs = { x: Rows; wq: Rows; wk: Rows; wv: Rows; wo: Rows; heads: number; kvHeads: number; causal: boolean };
  for (const c of loadCases<Inputs, { output: Rows; headWeights: Rows[] }>('grouped-query-attention')) {
    it(c.name, () => {
      const { x, wq, wk, wv, wo, heads, kvHeads, causal } = c.inputs;
      const r = groupedQueryAttention(
        matrix(x),
        { wq: matrix(wq), wk: matrix(wk), wv: matrix(wv), wo: matrix(wo) },
        { heads, kvHeads, causal },
      );
      expectMatrixClose(r.output, c.expected.output, 1e-9, 1e-15, 'output');
      c.expected.headWeights.forEach((w, a) => expectMatrixClose(r.headWeights[a]!, w, 1e-9, 1e-15, `headWeights[${a}]`));
    });
  }
});

describe('groupedQueryAttention: properties', () => {
  const sizes = fc.record({
    n: fc.integer({ min: 1, max: 6 }),
    heads: fc.constantFrom(1, 2, 4),
    dk: fc.integer({ min: 1, max: 3 }),
    causal: fc.boolean(),
    seed: fc.integer({ min: 1, max: 1e6 }),
  });

  it('with kvHeads = heads it is multi-head attention, bit for bit', () => {
    fc.assert(
      fc.property(sizes, ({ n, heads, dk, causal, seed }) => {
        const d = heads * dk;
        const x = lcgMatrix(n, d, seed);
        const w = weights(d, heads, heads, seed + 7);
        const g = groupedQueryAttention(x, w, { heads, kvHeads: heads, causal });
        const m = multiHeadAttention(x, w, { heads, causal });
        expect(Array.from(g.output.data)).toEqual(Array.from(m.output.data));
        for (let a = 0; a < heads; a++) expect(Array.from(g.headWeights[a]!.data)).toEqual(Array.from(m.headWeights[a]!.data));
      }),
      { numRuns: 60 },
    );
  });

  it('the fast path and the naive reference agree to the last bit', () => {
    fc.assert(
      fc.property(sizes, ({ n, heads, dk, causal, seed }) => {
        const x = lcgMatrix(n, heads * dk, seed);
        const w = weights(heads * dk, heads, heads > 1 ? heads / 2 : 1, seed + 3);
        const options = { heads, kvHeads: heads > 1 ? heads / 2 : 1, causal };
        expect(Array.from(groupedQueryAttention(x, w, options).output.data)).toEqual(
          Array.from(groupedQueryAttentionNaive(x, w, options).output.data),
        );
      }),
      { numRuns: 40 },
    );
  });

  it('multi-query attention (kvHeads = 1): causal weight rows sum to 1 and are 0 above the diagonal', () => {
    fc.assert(
      fc.property(
        sizes.chain((s) => matrixArb(s.n, s.heads * s.dk, 3).map((x) => ({ ...s, x }))),
        ({ n, heads, dk, seed, x }) => {
          const r = groupedQueryAttention(x, weights(heads * dk, heads, 1, seed), { heads, kvHeads: 1, causal: true });
          for (const w of r.headWeights) {
            for (let i = 0; i < n; i++) {
              expect(Math.abs(rowSum(w, i) - 1)).toBeLessThan(1e-12);
              for (let j = i + 1; j < n; j++) expect(w.data[i * n + j]).toBe(0);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('groupedQueryAttention: bad input', () => {
  const x = lcgMatrix(3, 8, 1);
  it('heads not divisible by kvHeads', () => {
    expectError(
      () => groupedQueryAttention(x, weights(8, 4, 1, 2), { heads: 4, kvHeads: 3 }),
      ArgumentError,
      'groupedQueryAttention',
      'kvHeads = 3 does not divide heads = 4',
    );
  });
  it('kvHeads < 1 or not an integer, heads < 1', () => {
    expectError(
      () => groupedQueryAttention(x, weights(8, 4, 1, 2), { heads: 4, kvHeads: 0 }),
      ArgumentError,
      'groupedQueryAttention',
      'kvHeads is 0',
      'x is 3×8',
    );
    expectError(
      () => groupedQueryAttention(x, weights(8, 4, 1, 2), { heads: 4, kvHeads: 1.5 }),
      ArgumentError,
      'groupedQueryAttention',
      'kvHeads is 1.5',
    );
    expectError(
      () => groupedQueryAttention(x, weights(8, 4, 1, 2), { heads: 0, kvHeads: 1 }),
      ArgumentError,
      'groupedQueryAttention',
      'heads is 0',
    );
  });
  it('heads that do not divide d_model', () => {
    expectError(
      () => groupedQueryAttention(x, weights(8, 4, 1, 2), { heads: 3, kvHeads: 1 }),
      ShapeError,
      'groupedQueryAttention',
      '3 heads do not divide d_model = 8',
      'x is 3×8',
    );
  });
  it('weight shapes that disagree with heads and kvHeads', () => {
    const w = weights(8, 4, 2, 2);
    expectError(
      () => groupedQueryAttention(x, w, { heads: 4, kvHeads: 1 }),
      ShapeError,
      'groupedQueryAttention',
      'wk is 8×4 but must be 8×2',
      'x is 3×8',
    );
    expectError(
      () => groupedQueryAttention(x, { ...w, wv: lcgMatrix(8, 6, 3) }, { heads: 4, kvHeads: 2 }),
      ShapeError,
      'groupedQueryAttention',
      'wv is 8×6 but must be 8×4',
    );
    expectError(
      () => groupedQueryAttention(x, { ...w, wo: lcgMatrix(4, 8, 3) }, { heads: 4, kvHeads: 2 }),
      ShapeError,
      'groupedQueryAttention',
      'wo is 4×8 but must be 8×8',
    );
    expectError(
      () => groupedQueryAttention(x, { ...w, wq: lcgMatrix(8, 4, 3) }, { heads: 4, kvHeads: 2 }),
      ShapeError,
      'groupedQueryAttention',
      'wq is 8×4 but must be 8×8',
    );
  });
  it('non-finite input and a mask of the wrong size', () => {
    const w = weights(2, 2, 1, 2);
    expectError(
      () => groupedQueryAttention(matrix([[1, NaN]]), w, { heads: 2, kvHeads: 1 }),
      ArgumentError,
      'groupedQueryAttention',
      'x[0][1] is NaN',
    );
    expectError(
      () => groupedQueryAttention(matrix([[1, 2]]), w, { heads: 2, kvHeads: 1, mask: I2 }),
      ShapeError,
      'groupedQueryAttention',
      'mask is 2×2 but the scores are 1×1',
    );
  });
});
