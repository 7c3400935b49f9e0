/**
 * The public API of the compute module, imported exactly as demos and other code call it: from
 * src/compute/index.ts. Every runtime export has one behaviour check below (a tiny input and a value
 * worked out by hand), and the first test fails when an export is added or removed without one.
 */
import { describe, it, expect } from 'vitest';
import * as api from '../../src/compute/index.ts';

const { matrix, toRows, zeros } = api;
const I2 = matrix([
  [1, 0],
  [0, 1],
]);
const x3 = matrix([
  [1, 0],
  [0, 1],
  [1, 1],
]);
const near = (a: number, b: number, tol = 1e-15) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol);

const checks: Record<keyof typeof api, () => void> = {
  // Matrices and errors.
  matrix: () =>
    expect(
      Array.from(
        matrix([
          [1, 2],
          [3, 4],
        ]).data,
      ),
    ).toEqual([1, 2, 3, 4]),
  zeros: () => expect([zeros(2, 3).rows, zeros(2, 3).cols, zeros(2, 3).data.length]).toEqual([2, 3, 6]),
  toRows: () =>
    expect(toRows(x3)).toEqual([
      [1, 0],
      [0, 1],
      [1, 1],
    ]),
  ShapeError: () => expect(() => api.sinusoidalEncoding(3, 3)).toThrow(api.ShapeError),
  ArgumentError: () => expect(() => api.alibiSlopes(0)).toThrow(api.ArgumentError),

  // Attention, positional encodings and normalisation.
  softmax: () =>
    expect(
      toRows(
        api.softmax(
          matrix([
            [0, 0],
            [5, 5],
          ]),
        ),
      ),
    ).toEqual([
      [0.5, 0.5],
      [0.5, 0.5],
    ]),
  scaledDotProductAttention: () => {
    // q = (1, 0) over keys (1, 0), (0, 1) at scale 1: weights [e, 1]/(e + 1).
    const r = api.scaledDotProductAttention(matrix([[1, 0]]), I2, I2, { scale: 1 });
    near(r.weights.data[0]!, Math.E / (Math.E + 1));
    near(r.output.data[1]!, 1 / (Math.E + 1));
  },
  scaledDotProductAttentionNaive: () => {
    const r = api.scaledDotProductAttentionNaive(matrix([[1, 0]]), I2, I2, { scale: 1 });
    near(r.weights.data[0]!, Math.E / (Math.E + 1));
  },
  temperatureScale: () => expect(api.temperatureScale(2, 16)).toBe(1 / 8),
  multiHeadAttention: () => {
    // All-zero weights: every score is 0, so causal head rows are uniform over the visible keys.
    const w = { wq: zeros(4, 4), wk: zeros(4, 4), wv: zeros(4, 4), wo: zeros(4, 4) };
    const r = api.multiHeadAttention(
      matrix([
        [1, 0, 0, 1],
        [0, 1, 1, 0],
        [1, 1, 0, 0],
      ]),
      w,
      { heads: 2, causal: true },
    );
    expect(toRows(r.headWeights[1]!)).toEqual([
      [1, 0, 0],
      [0.5, 0.5, 0],
      [1 / 3, 1 / 3, 1 / 3],
    ]);
    const masked = api.multiHeadAttention(
      x3,
      { wq: I2, wk: I2, wv: I2, wo: I2 },
      {
        heads: 1,
        mask: matrix([
          [1, 0, 0],
          [1, 1, 0],
          [0, 0, 1],
        ]),
      },
    );
    expect(Array.from(masked.headWeights[0]!.data.subarray(0, 3))).toEqual([1, 0, 0]);
  },
  additiveAttention: () => {
    const r = api.additiveAttention(matrix([[1, 2]]), x3, { w: zeros(2, 5), u: zeros(2, 5), v: zeros(5, 1) });
    expect(toRows(r.weights)).toEqual([[1 / 3, 1 / 3, 1 / 3]]);
  },
  sinusoidalEncoding: () =>
    expect(toRows(api.sinusoidalEncoding(2, 2))).toEqual([
      [0, 1],
      [Math.sin(1), Math.cos(1)],
    ]),
  rotaryEmbedding: () => {
    // Position 1 rotates the pair (1, 0) by θ_0 = 1 radian.
    expect(
      toRows(
        api.rotaryEmbedding(
          matrix([
            [1, 0],
            [1, 0],
          ]),
        ),
      ),
    ).toEqual([
      [1, 0],
      [Math.cos(1), Math.sin(1)],
    ]);
    const scaled = api.rotaryEmbedding(
      matrix([
        [1, 0],
        [1, 0],
      ]),
      { scaling: { type: 'linear', factor: 2 } },
    );
    expect(Array.from(scaled.data.subarray(2))).toEqual([Math.cos(0.5), Math.sin(0.5)]);
  },
  alibiSlopes: () => expect(api.alibiSlopes(2)).toEqual([0.0625, 0.00390625]),
  alibiBias: () =>
    expect(toRows(api.alibiBias(2, 0.5))).toEqual([
      [0, 0],
      [-0.5, 0],
    ]), // −slope·(i − j) for j ≤ i
  layerNorm: () => expect(toRows(api.layerNorm(matrix([[2, 4]]), [1, 1], [0, 0], 0))).toEqual([[-1, 1]]),
  rmsNorm: () => expect(toRows(api.rmsNorm(matrix([[2, -2]]), [1, 1], 0))).toEqual([[1, -1]]),

  // FlashAttention, efficient attention and their costs.
  flashAttention: () => {
    const flash = api.flashAttention(x3, x3, x3, { blockSize: 2, causal: true, trace: true });
    const exact = api.scaledDotProductAttention(x3, x3, x3, { causal: true });
    flash.output.data.forEach((v, i) => near(v, exact.output.data[i]!));
    expect(flash.steps!.length).toBe(4); // 2 key blocks × 2 query blocks, one of them skipped
  },
  linearAttention: () => {
    // φ(0) = 1 for every feature: with q = k = 0 every weight is equal, so the output is the mean of V.
    const r = api.linearAttention(
      zeros(2, 2),
      zeros(2, 2),
      matrix([
        [2, 0],
        [4, 6],
      ]),
    );
    expect(Array.from(r.output.data)).toEqual([3, 3, 3, 3]);
  },
  linearAttentionNaive: () =>
    expect(
      Array.from(
        api.linearAttentionNaive(
          zeros(2, 2),
          zeros(2, 2),
          matrix([
            [2, 0],
            [4, 6],
          ]),
        ).output.data,
      ),
    ).toEqual([3, 3, 3, 3]),
  eluPlusOne: () => expect([api.eluPlusOne(2), api.eluPlusOne(-1)]).toEqual([3, Math.exp(-1)]),
  linformerAttention: () => {
    // E and F each pick one key (row 0 and row 2): a single projected key gets all the weight.
    const r = api.linformerAttention(x3, x3, x3, matrix([[1, 0, 0]]), matrix([[0, 0, 1]]));
    expect(toRows(r.weights)).toEqual([[1], [1], [1]]);
    expect(toRows(r.output)).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
  },
  linformerPooling: () =>
    expect(toRows(api.linformerPooling(2, 4))).toEqual([
      [0.5, 0.5, 0, 0],
      [0, 0, 0.5, 0.5],
    ]),
  linformerProjection: () => {
    const p = api.linformerProjection(2, 4, 1);
    expect([p.rows, p.cols]).toEqual([2, 4]);
    expect(Array.from(api.linformerProjection(2, 4, 1).data)).toEqual(Array.from(p.data)); // seeded: reproducible
  },
  slidingWindowMask: () =>
    expect(toRows(api.slidingWindowMask(3, 1, 'causal'))).toEqual([
      [1, 0, 0],
      [1, 1, 0],
      [0, 1, 1],
    ]),
  countNonzero: () =>
    expect(
      api.countNonzero(
        matrix([
          [1, 0],
          [2, 0],
        ]),
      ),
    ).toBe(2),
  stridedPattern: () =>
    expect(toRows(api.stridedPattern(4, 2))).toEqual([
      [1, 0, 0, 0],
      [1, 1, 0, 0],
      [1, 1, 1, 0],
      [0, 1, 1, 1],
    ]),
  fixedPattern: () =>
    expect(toRows(api.fixedPattern(4, 2))).toEqual([
      [1, 0, 0, 0],
      [1, 1, 0, 0],
      [0, 1, 1, 0],
      [0, 1, 1, 1],
    ]),
  withGlobalTokens: () =>
    expect(toRows(api.withGlobalTokens(api.slidingWindowMask(3, 0, 'causal'), [0]))).toEqual([
      [1, 1, 1],
      [1, 1, 0],
      [1, 0, 1],
    ]),
  performerFeatures: () => {
    // φ(x) = exp(Wx − |x|²/2)/√m at x = 0 is 1/√m = 0.5 in each of the m = 4 features.
    const f = api.performerFeatures(zeros(1, 2), api.randomProjection(4, 2, 1));
    expect(f.cols).toBe(4);
    f.data.forEach((v) => near(v, 0.5));
  },
  performerAttention: () => {
    // q = k = 0: every feature is equal, so each output row is the mean of V.
    const r = api.performerAttention(
      zeros(2, 2),
      zeros(2, 2),
      matrix([
        [2, 0],
        [4, 6],
      ]),
      api.randomProjection(4, 2, 1),
    );
    r.output.data.forEach((v, i) => near(v, [3, 3, 3, 3][i]!, 1e-14));
  },
  randomProjection: () => {
    const w = api.randomProjection(2, 2, 1, true); // orthogonal rows
    near(w.data[0]! * w.data[2]! + w.data[1]! * w.data[3]!, 0, 1e-12);
  },
  seededRandom: () => expect(api.seededRandom(1).next()).toBe(0.6270739405881613),
  mulberry32: () => expect(api.mulberry32(1)()).toBe(0.6270739405881613),
  attentionCost: () => expect(api.attentionCost('full', 4, 2)).toEqual({ flops: 176, memory: 16 }),
  slidingWindowNonzeros: () => expect(api.slidingWindowNonzeros(3, 1)).toBe(5),
  stridedNonzeros: () => expect(api.stridedNonzeros(4, 2)).toBe(9),
  standardAttentionHbmAccesses: () => expect(api.standardAttentionHbmAccesses(3, 2)).toBe(60),
  flashAttentionHbmAccesses: () => expect(api.flashAttentionHbmAccesses(17, 8, 64)).toBe(4726),

  // Mixture of experts.
  topKGating: () => {
    const g = api.topKGating(matrix([[0, 1, 2]]), 2, { renormalize: true });
    expect(g.indices).toEqual([[2, 1]]);
    near(g.gates[0]![0]!, Math.E / (Math.E + 1));
  },
  loadBalancingLoss: () => expect(api.loadBalancingLoss(zeros(4, 2), { alpha: 1 }).loss).toBe(1),
  expertCapacity: () => expect(api.expertCapacity(8, 4, 1.25)).toBe(2), // ⌊8/4 · 1.25⌋
  dispatchWithCapacity: () => {
    const r = api.dispatchWithCapacity([[0], [0], [1]], 2, 1); // capacity ⌊3/2⌋ = 1: the second token for expert 0 is dropped
    expect([r.capacity, r.kept, r.load, r.dropped]).toEqual([1, [[true], [false], [true]], [1, 1], [1]]);
  },
  moeParameterCounts: () => {
    // Each expert 2·2·3 = 12 weights, router 2·4 = 8: held 4·12 + 8, used per token 2·12 + 8.
    expect(api.moeParameterCounts({ dModel: 2, dFF: 3, experts: 4, k: 2 })).toEqual({ held: 56, usedPerToken: 32, denseEquivalent: 12 });
  },

  // Pre-training objectives.
  bertMasking: () => {
    const r = api.bertMasking(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], 1, { maskRate: 0.5 });
    expect(r.positions).toHaveLength(4);
    r.positions.forEach((p, i) => expect(r.targets[i]).toBe('abcdefgh'[p]));
  },
  causalLmPairs: () =>
    expect(api.causalLmPairs(['a', 'b', 'c'])).toEqual({
      input: ['a', 'b'],
      target: ['b', 'c'],
      pairs: [
        { context: ['a'], next: 'b' },
        { context: ['a', 'b'], next: 'c' },
      ],
    }),
  bartNoising: () => {
    const r = api.bartNoising(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], 1);
    expect(r.target).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']); // the decoder reconstructs the original
    expect(r.input.filter((t) => t === '<mask>')).toHaveLength(r.spans.length);
  },
  t5SpanCorruption: () => {
    const r = api.t5SpanCorruption(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], 1, { noiseDensity: 0.25, meanSpanLength: 2 });
    expect(r.noiseMask.filter(Boolean)).toHaveLength(2); // 25 % of 8 tokens
    expect(r.input.at(-1)).toBe('</s>');
    expect(r.target[0]).toBe('<extra_id_0>');
  },

  // The modern LLM block.
  groupedQueryAttention: () => {
    const r = api.groupedQueryAttention(I2, { wq: I2, wk: matrix([[1], [0]]), wv: matrix([[0], [1]]), wo: I2 }, { heads: 2, kvHeads: 1 });
    r.output.data.forEach((v, i) => near(v, [1 / (Math.E + 1), 0.5, 0.5, 1 / (Math.E + 1)][i]!));
  },
  kvCacheBytes: () => expect(api.kvCacheBytes({ layers: 80, kvHeads: 8, headDim: 128, tokens: 4096 })).toBe(1_342_177_280),
  swiglu: () =>
    near(api.swiglu(matrix([[1]]), { w1: matrix([[1]]), w3: matrix([[2]]), w2: matrix([[3]]) }).data[0]!, 6 / (1 + Math.exp(-1))),
  ropeFrequencies: () => {
    expect(api.ropeFrequencies(4, { scaling: { type: 'linear', factor: 4 } })).toEqual([0.25, 0.0025]);
    const ntk = api.ropeFrequencies(4, { scaling: { type: 'ntk', factor: 4 } });
    expect(ntk[0]).toBe(1);
    near(ntk[1]!, 0.0025, 1e-17);
  },
  loraLinear: () => expect(Array.from(api.loraLinear(matrix([[1, 2]]), I2, matrix([[1], [1]]), matrix([[1, 0]]), 2).data)).toEqual([7, 2]),
  selectiveScan: () => {
    const ln2 = Math.LN2;
    const y = api.selectiveScan(matrix([[1], [2]]), matrix([[ln2], [ln2]]), matrix([[-1]]), matrix([[1], [1]]), matrix([[1], [1]]), [3]);
    near(y.data[0]!, ln2 + 3);
    near(y.data[1]!, 2.5 * ln2 + 6, 1e-14);
  },
};

describe('src/compute/index.ts', () => {
  it('every runtime export has a behaviour check here, and every check names an export', () => {
    expect(Object.keys(api).sort()).toEqual(Object.keys(checks).sort());
  });
  for (const [name, check] of Object.entries(checks)) {
    it(`${name} behaves as documented on a tiny input`, check);
  }
});
