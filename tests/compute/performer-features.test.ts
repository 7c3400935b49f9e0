import { describe, it, expect } from 'vitest';
import { performerAttention, performerFeatures } from '../../src/compute/performer-features.ts';
import { randomProjection } from '../../src/compute/random-projection.ts';
import { scaledDotProductAttention } from '../../src/compute/scaled-dot-product-attention.ts';
import { ShapeError, ArgumentError } from '../../src/compute/errors.ts';
import { expectClose, loadReference, m, randomMatrix } from './reference-helpers.ts';

interface Ref {
  cases: { name: string; q: number[][]; k: number[][]; v: number[][]; projection: number[][]; qFeatures: number[][]; output: number[][] }[];
}
const ref = loadReference<Ref>('performer-features');

describe('performerFeatures: values', () => {
  it('φ(0) = 1/√m for every feature, and φ(x) = e^{ω·x − ‖x‖²/2}/√m by hand', () => {
    const w = m([
      [1, 0],
      [0, 2],
      [1, -1],
      [0.5, 0.5],
    ]);
    expectClose(performerFeatures(m([[0, 0]]), w).data, [0.5, 0.5, 0.5, 0.5]);
    // x = (1, 1): ‖x‖²/2 = 1; ω·x = 1, 2, 0, 1.
    expectClose(
      performerFeatures(m([[1, 1]]), w).data,
      [1, Math.E, Math.exp(-1), 1].map((x) => x / 2),
    );
  });
  for (const c of ref.cases) {
    it(`matches NumPy: ${c.name}`, () => {
      expectClose(performerFeatures(m(c.q), m(c.projection)).data, c.qFeatures.flat());
      expectClose(performerAttention(m(c.q), m(c.k), m(c.v), m(c.projection)).output.data, c.output.flat());
    });
  }
  it('features are strictly positive', () => {
    const f = performerFeatures(randomMatrix(10, 4, 3, -3, 3), randomProjection(12, 4, 9));
    expect(f.data.every((x) => x > 0)).toBe(true);
  });
});

describe('performerFeatures: the softmax-kernel estimate is unbiased', () => {
  // For one ω ~ N(0, I): Z = e^{ω·u − (‖q‖² + ‖k‖²)/2} with u = q + k has E[Z] = e^{q·k} and
  // E[Z²] = e^{2‖u‖² − ‖q‖² − ‖k‖²} (the Gaussian moment generating function), so the mean of φ(q)·φ(k)
  // over S seeds of m features has standard deviation σ = √(Var Z / (m·S)). We accept |mean − e^{q·k}| ≤ 6σ,
  // which a correct estimator violates with probability below 1e-8; for these vectors 6σ is under 4% of e^{q·k},
  // while dropping the −‖x‖²/2 correction would be off by a factor e^{(‖q‖²+‖k‖²)/2} ≈ 1.66.
  const q = m([[0.3, -0.2, 0.5, 0.1]]);
  const k = m([[0.4, 0.1, -0.3, 0.6]]);
  const sq = (x: number[]) => x.reduce((s, v) => s + v * v, 0);
  const qv = Array.from(q.data);
  const kv = Array.from(k.data);
  const u = qv.map((x, i) => x + kv[i]!);
  const target = Math.exp(qv.reduce((s, x, i) => s + x * kv[i]!, 0));
  const variance = Math.exp(2 * sq(u) - sq(qv) - sq(kv)) - target * target;
  const features = 16;
  const seeds = 4000;
  const sigma = Math.sqrt(variance / (features * seeds));

  for (const orthogonal of [false, true]) {
    it(`mean over ${seeds} seeds → e^{q·k} (orthogonal: ${orthogonal})`, () => {
      let total = 0;
      for (let s = 0; s < seeds; s++) {
        const w = randomProjection(features, 4, 1000 + s, orthogonal);
        const fq = performerFeatures(q, w).data;
        const fk = performerFeatures(k, w).data;
        let est = 0;
        for (let j = 0; j < features; j++) est += fq[j]! * fk[j]!;
        total += est;
      }
      expect(6 * sigma).toBeLessThan(0.04 * target);
      expect(Math.abs(total / seeds - target)).toBeLessThan(6 * sigma);
    });
  }
});

describe('performerAttention', () => {
  it('approaches softmax attention as the number of features grows', () => {
    const q = randomMatrix(6, 4, 1, -0.5, 0.5);
    const k = randomMatrix(8, 4, 2, -0.5, 0.5);
    const v = randomMatrix(8, 3, 3);
    const exact = scaledDotProductAttention(q, k, v).output.data;
    const error = (features: number) => {
      let worst = 0;
      for (let s = 0; s < 20; s++) {
        const out = performerAttention(q, k, v, randomProjection(features, 4, s, true)).output.data;
        for (let i = 0; i < out.length; i++) worst = Math.max(worst, Math.abs(out[i]! - exact[i]!) / 20);
      }
      return worst;
    };
    const coarse = error(4);
    const fine = error(256);
    expect(fine).toBeLessThan(coarse / 3);
    expect(fine).toBeLessThan(0.01);
  });
  it('rejects mismatched shapes and a bad scale', () => {
    const x = randomMatrix(3, 4, 1);
    expect(() => performerAttention(x, randomMatrix(3, 5, 1), x, randomProjection(4, 4, 1))).toThrow(ShapeError);
    expect(() => performerAttention(x, x, x, randomProjection(4, 3, 1))).toThrow(/projection/);
    expect(() => performerAttention(x, x, x, randomProjection(4, 4, 1), { scale: -1 })).toThrow(ArgumentError);
    expect(() => performerFeatures(x, randomProjection(2, 3, 1))).toThrow(/performerFeatures: x is 3×4/);
  });
});
