import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CAUSAL_SKIP, CAUSAL_TRUNCATE, checkAttentionInputs, productABt } from '../../src/compute/attention-kernel.ts';
import { flashAttention } from '../../src/compute/flash-attention.ts';
import { scaledDotProductAttention, scaledDotProductAttentionNaive } from '../../src/compute/scaled-dot-product-attention.ts';
import { fromData, zeros, type Matrix } from '../../src/compute/matrix.ts';
import { lcgMatrix } from './attention-helpers.ts';

/** The message an attention function throws, with its operation name cut off. */
function detail(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message.replace(/^\w+: /, '');
  }
  return 'did not throw';
}

describe('productABt: alpha·A·Bᵀ with an output stride', () => {
  it('a 2×2 by 3×2 product written into rows of stride 5, the spare columns untouched', () => {
    const a = Float64Array.from([1, 2, 3, 4]); // A = [[1, 2], [3, 4]]
    const b = Float64Array.from([1, 0, 0, 1, 1, 1]); // B = [[1, 0], [0, 1], [1, 1]]
    const out = new Float64Array(10).fill(-7);
    productABt(a, b, out, 2, 3, 2, 2, 0, 2, 5);
    expect(Array.from(out)).toEqual([2, 4, 6, -7, -7, 6, 8, 14, -7, -7]);
  });

  it('matches the triple loop entry for entry (tiles, leftovers, both causal flags)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 11 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 1e6 }),
        (n, len, extra, seed) => {
          const A = lcgMatrix(n, len, seed),
            B = lcgMatrix(n, len, seed + 1);
          const ldo = n + extra;
          for (const flag of [0, CAUSAL_SKIP, CAUSAL_TRUNCATE]) {
            // For CAUSAL_TRUNCATE, A's row i is zero beyond column i (like causal weights).
            const a = A.data.slice();
            if (flag === CAUSAL_TRUNCATE) for (let i = 0; i < n; i++) for (let p = i + 1; p < len; p++) a[i * len + p] = 0;
            const out = new Float64Array(n * ldo);
            productABt(a, B.data, out, n, n, len, len, flag, 0.5, ldo);
            for (let i = 0; i < n; i++) {
              for (let j = 0; j < n; j++) {
                if (flag === CAUSAL_SKIP && j > i) continue;
                let s = 0;
                for (let p = 0; p < len; p++) s += a[i * len + p]! * B.data[j * len + p]!;
                expect(out[i * ldo + j]).toBe(0.5 * s);
              }
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('checkAttentionInputs: one set of checks for every exact attention kernel', () => {
  const q = lcgMatrix(3, 4, 1),
    k = lcgMatrix(5, 4, 2),
    v = lcgMatrix(5, 2, 3);
  const bad: [string, () => [Matrix, Matrix, Matrix, Record<string, unknown>]][] = [
    ['columns', () => [q, lcgMatrix(5, 3, 1), v, {}]],
    ['rows', () => [q, k, lcgMatrix(4, 2, 1), {}]],
    ['causal', () => [q, k, v, { causal: true }]],
    ['mask shape', () => [q, k, v, { mask: zeros(3, 4) }]],
    ['mask value', () => [q, k, v, { mask: fromData(3, 5, new Float64Array(15).fill(0.5)) }]],
    ['bias', () => [q, k, v, { bias: zeros(5, 3) }]],
    ['NaN input', () => [q, k, fromData(5, 2, new Float64Array(10).fill(NaN)), {}]],
    ['scale', () => [q, k, v, { scale: Infinity }]],
  ];
  for (const [name, make] of bad) {
    it(`${name}: sdpa, its naive reference and flashAttention throw the same message`, () => {
      const [a, b, c, o] = make();
      const expected = detail(() => checkAttentionInputs('op', a, b, c, o));
      expect(expected).not.toBe('did not throw');
      expect(detail(() => scaledDotProductAttention(a, b, c, o))).toBe(expected);
      expect(detail(() => scaledDotProductAttentionNaive(a, b, c, o))).toBe(expected);
      expect(detail(() => flashAttention(a, b, c, o))).toBe(expected);
    });
  }

  it('returns 1/√d_k by default and the given scale otherwise', () => {
    expect(checkAttentionInputs('op', q, k, v, {})).toBe(0.5);
    expect(checkAttentionInputs('op', q, k, v, { scale: 3 })).toBe(3);
    expect(checkAttentionInputs('op', zeros(2, 0), zeros(2, 0), zeros(2, 1), {})).toBe(1);
  });
});
