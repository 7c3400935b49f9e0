import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { flashAttention } from '../../src/compute/flash-attention.ts';
import { scaledDotProductAttention, scaledDotProductAttentionNaive } from '../../src/compute/scaled-dot-product-attention.ts';
import { attentionCost } from '../../src/compute/attention-costs.ts';
import { fromData, zeros, type Matrix } from '../../src/compute/matrix.ts';
import { ArgumentError, ShapeError } from '../../src/compute/errors.ts';
import { close, expectClose, loadReference, m, maxAbsDiff, randomMatrix } from './reference-helpers.ts';

interface RefCase {
  name: string;
  blockSize: number;
  causal: boolean;
  q: number[][];
  k: number[][];
  v: number[][];
  mask?: number[][];
  bias?: number[][];
  scale?: number;
  output: number[][];
  rowMax: number[];
  rowSum: number[];
  logSumExp: number[];
}

describe('flashAttention: hand-derived values', () => {
  // q = (1, 0), keys (1, 0) and (0, 1), τ = 1/√2: scores s = (1/√2, 0).
  const q = m([[1, 0]]);
  const k = m([
    [1, 0],
    [0, 1],
  ]);
  const v = m([
    [1, 2],
    [3, 4],
  ]);
  const s0 = 1 / Math.SQRT2;
  const e = Math.exp(-s0); // e^{0 − 1/√2}

  it('with B = 1 runs the online update twice and lands on softmax(s)·V', () => {
    const r = flashAttention(q, k, v, { blockSize: 1, trace: true });
    // After key 0: m = 1/√2, ℓ = 1, O = (1, 2). After key 1: m stays, ℓ = 1 + e, O = (1, 2) + e·(3, 4).
    expectClose(r.output.data, [(1 + 3 * e) / (1 + e), (2 + 4 * e) / (1 + e)]);
    expectClose(r.rowMax, [s0]);
    expectClose(r.rowSum, [1 + e]);
    expectClose(r.logSumExp, [Math.log(Math.exp(s0) + 1)]);
    const steps = r.steps!;
    expect(steps).toHaveLength(2);
    expect(steps[0]).toMatchObject({ keyBlock: 0, queryBlock: 0, keyStart: 0, keyEnd: 1, skipped: false });
    expect(steps[0]!.rowMaxBefore).toEqual([-Infinity]);
    expect(steps[0]!.rowSumBefore).toEqual([0]);
    expectClose(steps[0]!.rowMaxAfter, [s0]);
    expectClose(steps[0]!.rowSumAfter, [1]);
    expectClose(steps[0]!.output[0]!, [1, 2]); // only v_0 seen so far
    expectClose(steps[1]!.blockMax, [0]);
    expectClose(steps[1]!.rowSumBefore, [1]);
    expectClose(steps[1]!.rowSumAfter, [1 + e]);
    expectClose(steps[1]!.output[0]!, r.output.data);
  });

  it('rescales the running sum when a later block holds a larger score', () => {
    // Key order reversed: first s = 0 (m = 0, ℓ = 1), then s = 1/√2 > m, so corr = e^{−1/√2}.
    const r = flashAttention(
      q,
      m([
        [0, 1],
        [1, 0],
      ]),
      m([
        [3, 4],
        [1, 2],
      ]),
      { blockSize: 1, trace: true },
    );
    const second = r.steps![1]!;
    expectClose(second.rowMaxBefore, [0]);
    expectClose(second.rowMaxAfter, [s0]);
    expectClose(second.rowSumAfter, [e * 1 + 1]); // corr·ℓ + e^{s − m_new}
    expectClose(r.output.data, [(1 + 3 * e) / (1 + e), (2 + 4 * e) / (1 + e)]);
  });

  it('gives a fully masked row an output of 0, ℓ = 0 and m = logsumexp = −∞, with no NaN', () => {
    const r = flashAttention(
      m([
        [1, 1],
        [2, 0],
      ]),
      k,
      v,
      {
        mask: m([
          [0, 0],
          [1, 0],
        ]),
        blockSize: 1,
      },
    );
    expect(Array.from(r.output.data.subarray(0, 2))).toEqual([0, 0]);
    expect(r.rowMax[0]).toBe(-Infinity);
    expect(r.rowSum[0]).toBe(0);
    expect(r.logSumExp[0]).toBe(-Infinity);
    expectClose(r.output.data.subarray(2, 4), [1, 2]); // row 1 sees only key 0
    expect(r.output.data.every((x) => !Number.isNaN(x))).toBe(true);
  });

  it('skips causal tiles above the diagonal and records them as skipped', () => {
    const x = randomMatrix(4, 2, 7);
    const r = flashAttention(x, x, x, { causal: true, blockSize: 2, trace: true });
    const order = r.steps!.map((s) => [s.keyBlock, s.queryBlock, s.skipped]);
    expect(order).toEqual([
      [0, 0, false],
      [0, 1, false],
      [1, 0, true],
      [1, 1, false],
    ]);
    const skipped = r.steps![2]!;
    expect(skipped.rowMaxAfter).toEqual(skipped.rowMaxBefore);
    expect(skipped.scores.flat().every((s) => s === -Infinity)).toBe(true);
    expect(maxAbsDiff(r.output.data, scaledDotProductAttentionNaive(x, x, x, { causal: true }).output.data)).toBeLessThan(1e-15);
  });

  it('masks entries inside a tile to −∞ in the trace scores', () => {
    const r = flashAttention(q, k, v, { mask: m([[1, 0]]), blockSize: 2, trace: true });
    expectClose(r.steps![0]!.scores[0]!, [s0, -Infinity]);
    expectClose(r.output.data, [1, 2]);
  });

  it('keeps scores of ±1e4 finite and exact', () => {
    const big = m([
      [100, 0],
      [0, -100],
    ]);
    const r = flashAttention(
      big,
      m([
        [100, 0],
        [-100, 0],
        [0, 100],
      ]),
      m([[1], [2], [3]]),
      { blockSize: 1, scale: 1 },
    );
    // row 0: scores (1e4, −1e4, 0): all weight on key 0. row 1: (0, 0, −1e4): keys 0, 1 share equally.
    expectClose(r.output.data, [1, 1.5]);
    expectClose(r.logSumExp, [1e4, Math.log(2)]);
  });
});

describe('flashAttention: NumPy reference values', () => {
  const ref = loadReference<{ cases: RefCase[] }>('flash-attention');
  for (const c of ref.cases) {
    it(c.name, () => {
      const r = flashAttention(m(c.q), m(c.k), m(c.v), {
        blockSize: c.blockSize,
        causal: c.causal,
        ...(c.mask ? { mask: m(c.mask) } : {}),
        ...(c.bias ? { bias: m(c.bias) } : {}),
        ...(c.scale !== undefined ? { scale: c.scale } : {}),
      });
      expectClose(r.output.data, c.output.flat());
      expectClose(r.rowMax, c.rowMax);
      expectClose(r.rowSum, c.rowSum);
      expectClose(r.logSumExp, c.logSumExp);
    });
  }
});

/** A random attention problem: shapes, block size, and optionally causal, mask and bias. */
const problem = fc
  .record({
    n: fc.integer({ min: 1, max: 14 }),
    m: fc.integer({ min: 1, max: 14 }),
    d: fc.integer({ min: 1, max: 6 }),
    dv: fc.integer({ min: 1, max: 5 }),
    blockSize: fc.integer({ min: 1, max: 16 }),
    causal: fc.boolean(),
    useMask: fc.boolean(),
    useBias: fc.boolean(),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    spread: fc.constantFrom(1, 5, 40),
  })
  .map((p) => ({ ...p, m: p.causal ? p.n : p.m }));

function build(p: { n: number; m: number; d: number; dv: number; useMask: boolean; useBias: boolean; seed: number; spread: number }) {
  const q = randomMatrix(p.n, p.d, p.seed, -p.spread, p.spread);
  const k = randomMatrix(p.m, p.d, p.seed + 1, -p.spread, p.spread);
  const v = randomMatrix(p.m, p.dv, p.seed + 2);
  let mask: Matrix | undefined;
  if (p.useMask) {
    const u = randomMatrix(p.n, p.m, p.seed + 3, 0, 1);
    mask = fromData(
      p.n,
      p.m,
      u.data.map((x) => (x < 0.3 ? 0 : 1)),
    );
  }
  const bias = p.useBias ? randomMatrix(p.n, p.m, p.seed + 4, -3, 3) : undefined;
  return { q, k, v, mask, bias };
}

describe('flashAttention: properties', () => {
  it('equals scaledDotProductAttention for random shapes, block sizes, causal, mask and bias', () => {
    fc.assert(
      fc.property(problem, (p) => {
        const { q, k, v, mask, bias } = build(p);
        const options = { causal: p.causal, mask, bias };
        const flash = flashAttention(q, k, v, { ...options, blockSize: p.blockSize });
        const exact = scaledDotProductAttention(q, k, v, options);
        for (let i = 0; i < exact.output.data.length; i++) {
          if (!close(flash.output.data[i]!, exact.output.data[i]!, 1e-11, 1e-13)) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('returns logsumexp = ln Σ_j e^{s_ij} over the allowed keys (checked against the weights)', () => {
    fc.assert(
      fc.property(problem, (p) => {
        const { q, k, v, mask, bias } = build(p);
        const flash = flashAttention(q, k, v, { causal: p.causal, mask, bias, blockSize: p.blockSize });
        const { weights } = scaledDotProductAttentionNaive(q, k, v, { causal: p.causal, mask, bias });
        // For any allowed j with weight w_ij > 0: s_ij − logsumexp_i = ln w_ij.
        const scale = 1 / Math.sqrt(p.d);
        for (let i = 0; i < p.n; i++) {
          for (let j = 0; j < p.m; j++) {
            const w = weights.data[i * p.m + j]!;
            if (w < 1e-200) continue;
            let dot = 0;
            for (let a = 0; a < p.d; a++) dot += q.data[i * p.d + a]! * k.data[j * p.d + a]!;
            const s = scale * dot + (bias ? bias.data[i * p.m + j]! : 0);
            if (Math.abs(s - flash.logSumExp[i]! - Math.log(w)) > 1e-9 * Math.max(1, Math.abs(s))) return false;
          }
        }
        return true;
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same output for every block size on the same inputs', () => {
    const q = randomMatrix(23, 5, 11);
    const k = randomMatrix(23, 5, 12);
    const v = randomMatrix(23, 4, 13);
    const reference = flashAttention(q, k, v, { blockSize: 23, causal: true }).output.data;
    for (const b of [1, 2, 3, 7, 8, 22, 64]) {
      expect(maxAbsDiff(flashAttention(q, k, v, { blockSize: b, causal: true }).output.data, reference)).toBeLessThan(1e-14);
    }
  });

  it('holds O(B·(B + d)) scratch, independent of n, and matches the cost formula', () => {
    const d = 8;
    const B = 16;
    const expected = 4 * B * d + B * B + 3 * B; // Q_i, K_j, V_j, O_i (B×d each), S_ij (B×B), m, ℓ, m_new
    for (const n of [16, 64, 256, 512]) {
      const x = randomMatrix(n, d, n);
      const r = flashAttention(x, x, x, { blockSize: B });
      expect(r.peakScratchElements).toBe(expected);
      expect(r.peakScratchElements).toBe(attentionCost('flash', n, d, { blockSize: B }).memory);
    }
    expect(expected).toBeLessThan(256 * 256); // versus n² for the score matrix at n = 256
    // Below one block the working set shrinks with n (B is capped at n).
    expect(flashAttention(randomMatrix(4, d, 1), randomMatrix(4, d, 2), randomMatrix(4, d, 3), { blockSize: B }).peakScratchElements).toBe(
      4 * 4 * d + 16 + 12,
    );
  });

  it('never produces NaN or Infinity for finite inputs with large logits', () => {
    fc.assert(
      fc.property(problem, (p) => {
        const { q, k, v, mask, bias } = build({ ...p, spread: 300 });
        const r = flashAttention(q, k, v, { causal: p.causal, mask, bias, blockSize: p.blockSize });
        return r.output.data.every(Number.isFinite);
      }),
      { numRuns: 100 },
    );
  });
});

describe('flashAttention: bad input', () => {
  const x = zeros(3, 2);
  it('throws ShapeError naming the shapes', () => {
    expect(() => flashAttention(x, zeros(3, 4), x)).toThrow(ShapeError);
    expect(() => flashAttention(x, zeros(3, 4), x)).toThrow(/flashAttention: q is 3×2 but k is 3×4/);
    expect(() => flashAttention(x, x, zeros(4, 2))).toThrow(/k is 3×2 but v is 4×2/);
    expect(() => flashAttention(x, zeros(5, 2), zeros(5, 2), { causal: true })).toThrow(/causal/);
    expect(() => flashAttention(x, x, x, { mask: zeros(2, 3) })).toThrow(ShapeError);
    expect(() => flashAttention(x, x, x, { bias: zeros(3, 2) })).toThrow(/bias is 3×2/);
  });
  it('throws ArgumentError on a bad block size, a non-0/1 mask or non-finite input', () => {
    expect(() => flashAttention(x, x, x, { blockSize: 0 })).toThrow(ArgumentError);
    expect(() => flashAttention(x, x, x, { blockSize: 1.5 })).toThrow(/blockSize/);
    expect(() => flashAttention(x, x, x, { mask: fromData(3, 3, new Float64Array(9).fill(0.5)) })).toThrow(ArgumentError);
    expect(() => flashAttention(fromData(3, 2, new Float64Array([0, 0, NaN, 0, 0, 0])), x, x)).toThrow(ArgumentError);
    expect(() => flashAttention(x, x, x, { scale: Infinity })).toThrow(/scale/);
  });
  it('handles empty inputs: no queries, or no keys (every row fully masked)', () => {
    expect(flashAttention(zeros(0, 2), x, x).output.rows).toBe(0);
    const r = flashAttention(x, zeros(0, 2), zeros(0, 2));
    expect(Array.from(r.output.data)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(r.rowMax)).toEqual([-Infinity, -Infinity, -Infinity]);
    expect(r.peakScratchElements).toBe(0);
  });
});
