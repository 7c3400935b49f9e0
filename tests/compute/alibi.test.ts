import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { alibiBias, alibiSlopes } from '../../src/compute/alibi.ts';
import { scaledDotProductAttention } from '../../src/compute/scaled-dot-product-attention.ts';
import { ArgumentError } from '../../src/compute/errors.ts';
import { fromData } from '../../src/compute/matrix.ts';
import { expectError, expectMatrixClose, expectNumbersClose, loadCases, type Rows } from './attention-helpers.ts';

describe('alibiSlopes: values derived by hand', () => {
  it('8 heads: 1/2, 1/4, …, 1/256 (the paper’s example)', () => {
    expect(alibiSlopes(8)).toEqual([1 / 2, 1 / 4, 1 / 8, 1 / 16, 1 / 32, 1 / 64, 1 / 128, 1 / 256]);
  });
  it('16 heads: 2^(−0.5), 2^(−1), …, 2^(−8)', () => {
    expectNumbersClose(
      alibiSlopes(16),
      Array.from({ length: 16 }, (_, k) => 2 ** (-(k + 1) / 2)),
      1e-15,
    );
  });
  it('6 heads: the 4-head slopes, then slopes 1 and 3 of the 8-head sequence, unsorted', () => {
    expect(alibiSlopes(6)).toEqual([1 / 4, 1 / 16, 1 / 64, 1 / 256, 1 / 2, 1 / 8]);
  });
  it('1 head: 2^(−8)', () => {
    expect(alibiSlopes(1)).toEqual([1 / 256]);
  });
});

describe('alibiBias: values derived by hand', () => {
  it('slope 1/2, length 3', () => {
    expect(Array.from(alibiBias(3, 0.5).data)).toEqual([0, 0, 0, -0.5, 0, 0, -1, -0.5, 0]);
  });
  it('has no negative zeros (the diagonal and upper triangle are +0)', () => {
    expect(Array.from(alibiBias(4, 0.25).data).every((x) => !Object.is(x, -0))).toBe(true);
    expect(Array.from(alibiBias(3, -2).data).every((x) => !Object.is(x, -0))).toBe(true);
  });
});

describe('ALiBi: NumPy reference with the authors’ get_slopes (scripts/reference/alibi.py)', () => {
  const cases = loadCases<{ heads?: number; length?: number; slope?: number }, { slopes?: number[]; bias?: Rows }>('alibi');
  for (const c of cases) {
    it(c.name, () => {
      if (c.expected.slopes) {
        const slopes = alibiSlopes(c.inputs.heads!);
        expect(slopes).toHaveLength(c.inputs.heads!);
        expectNumbersClose(slopes, c.expected.slopes, 1e-12, 0);
      } else {
        expectMatrixClose(alibiBias(c.inputs.length!, c.inputs.slope!), c.expected.bias!, 1e-12, 0);
      }
    });
  }
});

describe('ALiBi: properties', () => {
  it('slopes are distinct, in (0, 1), and the first p of them form the power-of-two sequence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), (h) => {
        const s = alibiSlopes(h);
        expect(s).toHaveLength(h);
        expect(new Set(s).size).toBe(h);
        s.forEach((x) => expect(x > 0 && x < 1).toBe(true));
        let p = 1;
        while (p * 2 <= h) p *= 2;
        expectNumbersClose(
          s.slice(0, p),
          Array.from({ length: p }, (_, k) => 2 ** ((-8 * (k + 1)) / p)),
          1e-15,
          0,
        );
      }),
      { numRuns: 100 },
    );
  });

  it('the bias is Toeplitz, ≤ 0, zero on and above the diagonal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.double({ min: 1e-4, max: 2, noNaN: true }), (n, m) => {
        const b = alibiBias(n, m);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            const x = b.data[i * n + j]!;
            if (j >= i) expect(x).toBe(0);
            else expect(x).toBe(-m * (i - j));
            if (i > 0 && j > 0) expect(x).toBe(b.data[(i - 1) * n + j - 1]!);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('with equal content scores, causal ALiBi weights decay geometrically: w_ij ∝ e^(−m(i−j))', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.double({ min: 0.01, max: 1.5, noNaN: true }), (n, m) => {
        const zeros = fromData(n, 1, new Float64Array(n));
        const { weights } = scaledDotProductAttention(zeros, zeros, zeros, { causal: true, bias: alibiBias(n, m) });
        const i = n - 1;
        for (let j = 1; j <= i; j++) {
          const ratio = weights.data[i * n + j - 1]! / weights.data[i * n + j]!;
          expect(Math.abs(ratio - Math.exp(-m))).toBeLessThan(1e-12);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('ALiBi: errors', () => {
  it('zero, negative or fractional heads throw ArgumentError', () => {
    expectError(() => alibiSlopes(0), ArgumentError, 'alibiSlopes', 'heads is 0');
    expectError(() => alibiSlopes(2.5), ArgumentError, 'alibiSlopes');
  });
  it('bad lengths and slopes throw ArgumentError', () => {
    expectError(() => alibiBias(-1, 0.5), ArgumentError, 'alibiBias', 'length is -1');
    expectError(() => alibiBias(3, Number.NaN), ArgumentError, 'alibiBias', 'slope is NaN');
  });
});
