import { describe, it, expect } from 'vitest';
import { linformerAttention, linformerPooling, linformerProjection } from '../../src/compute/linformer-attention.ts';
import { scaledDotProductAttention } from '../../src/compute/scaled-dot-product-attention.ts';
import { ShapeError, ArgumentError } from '../../src/compute/errors.ts';
import { expectClose, loadReference, m, maxAbsDiff, randomMatrix } from './reference-helpers.ts';
import { toRows, zeros, type Matrix } from '../../src/compute/matrix.ts';

interface Ref {
  cases: {
    name: string;
    q: number[][];
    k: number[][];
    v: number[][];
    e: number[][];
    f: number[][];
    kProj: number[][];
    vProj: number[][];
    weights: number[][];
    output: number[][];
  }[];
}
const ref = loadReference<Ref>('linformer-attention');

function identity(n: number): Matrix {
  const out = zeros(n, n);
  for (let i = 0; i < n; i++) out.data[i * n + i] = 1;
  return out;
}

describe('linformerAttention', () => {
  it('by hand: averaging all keys into one (E = F = (½, ½)) gives weight 1 on the mean key', () => {
    const half = m([[0.5, 0.5]]);
    const r = linformerAttention(
      m([[1, 0]]),
      m([
        [2, 0],
        [0, 2],
      ]),
      m([
        [4, 0],
        [0, 8],
      ]),
      half,
      half,
    );
    expectClose(r.kProj.data, [1, 1]);
    expectClose(r.vProj.data, [2, 4]);
    expectClose(r.weights.data, [1]);
    expectClose(r.output.data, [2, 4]);
  });
  for (const c of ref.cases) {
    it(`matches NumPy: ${c.name}`, () => {
      const r = linformerAttention(m(c.q), m(c.k), m(c.v), m(c.e), m(c.f));
      expectClose(r.kProj.data, c.kProj.flat());
      expectClose(r.vProj.data, c.vProj.flat());
      expectClose(r.weights.data, c.weights.flat());
      expectClose(r.output.data, c.output.flat());
    });
  }
  it('with E = F = I it is exactly softmax attention', () => {
    const q = randomMatrix(5, 4, 1);
    const k = randomMatrix(9, 4, 2);
    const v = randomMatrix(9, 3, 3);
    const r = linformerAttention(q, k, v, identity(9), identity(9));
    const exact = scaledDotProductAttention(q, k, v);
    expect(maxAbsDiff(r.output.data, exact.output.data)).toBeLessThan(1e-15);
    expect(maxAbsDiff(r.weights.data, exact.weights.data)).toBeLessThan(1e-15);
  });
  it('weights are n×k rows that sum to 1', () => {
    const r = linformerAttention(
      randomMatrix(6, 4, 1),
      randomMatrix(20, 4, 2),
      randomMatrix(20, 2, 3),
      linformerProjection(5, 20, 1),
      linformerProjection(5, 20, 2),
    );
    expect([r.weights.rows, r.weights.cols]).toEqual([6, 5]);
    for (let i = 0; i < 6; i++) expect(r.weights.data.subarray(i * 5, i * 5 + 5).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
  });
  it('linformerProjection has entries of variance 1/k', () => {
    const e = linformerProjection(50, 200, 3);
    const mean2 = e.data.reduce((s, x) => s + x * x, 0) / e.data.length;
    expect(Math.abs(mean2 - 1 / 50)).toBeLessThan((6 * Math.sqrt(2 / e.data.length)) / 50); // Var(x²) = 2/k²
  });
  it('linformerPooling averages contiguous segments and is the identity at k = m', () => {
    expect(toRows(linformerPooling(2, 5))).toEqual([
      [0.5, 0.5, 0, 0, 0],
      [0, 0, 1 / 3, 1 / 3, 1 / 3],
    ]);
    expect(Array.from(linformerPooling(4, 4).data)).toEqual(Array.from(identity(4).data));
    expect(() => linformerPooling(5, 4)).toThrow(ArgumentError);
  });
  it('pooled projections approach softmax attention as k grows on smooth sequences', () => {
    const n = 32;
    const walk = (seed: number) => {
      const x = randomMatrix(n, 4, seed, -0.2, 0.2);
      for (let i = 1; i < n; i++) for (let a = 0; a < 4; a++) x.data[i * 4 + a]! += x.data[(i - 1) * 4 + a]!;
      return x;
    };
    const q = walk(1),
      k = walk(2),
      v = walk(3);
    const exact = scaledDotProductAttention(q, k, v).output.data;
    const errors = [2, 4, 8, 16, 32].map((kk) =>
      maxAbsDiff(linformerAttention(q, k, v, linformerPooling(kk, n), linformerPooling(kk, n)).output.data, exact),
    );
    for (let i = 1; i < errors.length; i++) expect(errors[i]!).toBeLessThan(errors[i - 1]!);
    expect(errors.at(-1)!).toBeLessThan(1e-15);
  });
  it('rejects mismatched projections', () => {
    const q = randomMatrix(4, 3, 1);
    expect(() => linformerAttention(q, q, q, randomMatrix(2, 5, 1), randomMatrix(2, 4, 1))).toThrow(ShapeError);
    expect(() => linformerAttention(q, q, q, randomMatrix(2, 4, 1), randomMatrix(3, 4, 1))).toThrow(
      /linformerAttention: e is 2×4 but f is 3×4/,
    );
    expect(() => linformerAttention(q, q, q, randomMatrix(2, 4, 1), randomMatrix(2, 5, 1))).toThrow(/f is 2×5/);
    expect(() => linformerProjection(0, 4, 1)).toThrow(ArgumentError);
  });
});
