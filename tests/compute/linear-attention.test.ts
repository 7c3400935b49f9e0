import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { eluPlusOne, linearAttention, linearAttentionNaive } from '../../src/compute/linear-attention.ts';
import { ArgumentError, ShapeError } from '../../src/compute/errors.ts';
import { zeros } from '../../src/compute/matrix.ts';
import { close, expectClose, loadReference, m, randomMatrix } from './reference-helpers.ts';

interface Ref {
  cases: {
    name: string;
    causal: boolean;
    eps: number;
    q: number[][];
    k: number[][];
    v: number[][];
    output: number[][];
    kv: number[][];
    z: number[];
  }[];
}
const ref = loadReference<Ref>('linear-attention');

describe('linearAttention: hand-derived values', () => {
  // Keys k_0 = (0, 0), k_1 = (1, 1) map to φ = (1, 1), (2, 2); values are the unit vectors.
  const K = m([
    [0, 0],
    [1, 1],
  ]);
  const V = m([
    [1, 0],
    [0, 1],
  ]);
  it('φ(x) = elu(x) + 1', () => {
    expect([eluPlusOne(2), eluPlusOne(0), eluPlusOne(-1)]).toEqual([3, 1, Math.exp(-1)]);
  });
  it('weights keys by φ(q)·φ(k), with no 1/√d', () => {
    // q = (1, 0) → φ = (2, 1); k_0 = (0, 0) → (1, 1), k_1 = (1, 1) → (2, 2).
    // sims: 2·1 + 1·1 = 3 and 2·2 + 1·2 = 6, so out = (3·v_0 + 6·v_1)/9.
    const r = linearAttention(m([[1, 0]]), K, V);
    expectClose(r.output.data, [1 / 3, 2 / 3]);
    expectClose(r.kv!.data, [1, 2, 1, 2]); // S = φ(K)ᵀV = [[1, 2], [1, 2]]
    expectClose(r.z!, [3, 3]);
  });
  it('causal row i only sees keys 0 … i (row 0 returns v_0 exactly)', () => {
    const r = linearAttention(
      m([
        [1, 0],
        [1, 0],
      ]),
      K,
      V,
      { causal: true },
    );
    expectClose(r.output.data, [1, 0, 1 / 3, 2 / 3]);
  });
  it('eps is added to the denominator', () => {
    const r = linearAttention(m([[1, 0]]), K, V, { eps: 1 });
    expectClose(r.output.data, [3 / 10, 6 / 10]);
  });
  it('no keys gives a zero output, not NaN', () => {
    const r = linearAttention(m([[1, 2]]), zeros(0, 2), zeros(0, 3));
    expect(Array.from(r.output.data)).toEqual([0, 0, 0]);
  });
});

describe('linearAttention: NumPy reference values', () => {
  for (const c of ref.cases) {
    it(c.name, () => {
      const r = linearAttention(m(c.q), m(c.k), m(c.v), { causal: c.causal, eps: c.eps });
      expectClose(r.output.data, c.output.flat());
      expectClose(r.kv!.data, c.kv.flat());
      expectClose(r.z!, c.z);
    });
  }
});

describe('linearAttention: properties', () => {
  it('the O(n) form equals the quadratic form, causal or not', () => {
    fc.assert(
      fc.property(
        fc.record({
          n: fc.integer({ min: 1, max: 12 }),
          m: fc.integer({ min: 1, max: 12 }),
          d: fc.integer({ min: 1, max: 6 }),
          dv: fc.integer({ min: 1, max: 5 }),
          causal: fc.boolean(),
          eps: fc.constantFrom(0, 1e-6, 0.5),
          seed: fc.nat(),
        }),
        (p) => {
          const mk = p.causal ? p.n : p.m;
          const q = randomMatrix(p.n, p.d, p.seed, -3, 3);
          const k = randomMatrix(mk, p.d, p.seed + 1, -3, 3);
          const v = randomMatrix(mk, p.dv, p.seed + 2);
          const fast = linearAttention(q, k, v, { causal: p.causal, eps: p.eps }).output.data;
          const slow = linearAttentionNaive(q, k, v, { causal: p.causal, eps: p.eps }).output.data;
          return fast.every((x, i) => close(x, slow[i]!, 1e-12, 1e-14));
        },
      ),
      { numRuns: 200 },
    );
  });
  it('naive weights are non-negative, sum to 1 with eps = 0 and vanish above the diagonal when causal', () => {
    const x = randomMatrix(7, 3, 5, -2, 2);
    const { weights } = linearAttentionNaive(x, x, x, { causal: true });
    for (let i = 0; i < 7; i++) {
      let sum = 0;
      for (let j = 0; j < 7; j++) {
        const w = weights.data[i * 7 + j]!;
        expect(w).toBeGreaterThanOrEqual(0);
        if (j > i) expect(w).toBe(0);
        sum += w;
      }
      expect(sum).toBeCloseTo(1, 14);
    }
  });
});

describe('linearAttention: bad input', () => {
  const x = randomMatrix(3, 2, 1);
  it('throws named errors', () => {
    expect(() => linearAttention(x, randomMatrix(3, 4, 1), x)).toThrow(ShapeError);
    expect(() => linearAttention(x, x, randomMatrix(4, 2, 1))).toThrow(/linearAttention: k is 3×2 but v is 4×2/);
    expect(() => linearAttention(x, randomMatrix(5, 2, 1), randomMatrix(5, 2, 1), { causal: true })).toThrow(/causal/);
    expect(() => linearAttention(x, x, x, { eps: -1 })).toThrow(ArgumentError);
    expect(() => linearAttentionNaive(x, x, x, { eps: NaN })).toThrow(ArgumentError);
  });
});
