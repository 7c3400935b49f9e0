/**
 * The public API of issue 4, imported exactly as demos and outside tests call it: from src/compute/index.ts.
 */
import { describe, it, expect } from 'vitest';
import * as api from '../../src/compute/index.ts';

describe('src/compute/index.ts: attention, positional encodings and normalisation', () => {
  it('exports every function of the issue-4 API', () => {
    for (const name of [
      'matrix',
      'zeros',
      'toRows',
      'scaledDotProductAttention',
      'scaledDotProductAttentionNaive',
      'multiHeadAttention',
      'additiveAttention',
      'sinusoidalEncoding',
      'rotaryEmbedding',
      'alibiSlopes',
      'alibiBias',
      'layerNorm',
      'rmsNorm',
      'softmax',
      'temperatureScale',
      'ShapeError',
      'ArgumentError',
    ] as const) {
      expect(typeof api[name], name).toBe('function');
    }
  });

  it('round-trips through the public calls with the documented shapes', () => {
    const x = api.matrix([
      [1, 0, 0, 1],
      [0, 1, 1, 0],
      [1, 1, 0, 0],
    ]);
    const w = { wq: api.zeros(4, 4), wk: api.zeros(4, 4), wv: api.zeros(4, 4), wo: api.zeros(4, 4) };
    const mha = api.multiHeadAttention(x, w, { heads: 2, causal: true });
    expect([mha.output.rows, mha.output.cols, mha.concat.cols, mha.headWeights.length]).toEqual([3, 4, 4, 2]);
    expect(api.toRows(mha.headWeights[1]!)).toEqual([
      [1, 0, 0],
      [0.5, 0.5, 0],
      [1 / 3, 1 / 3, 1 / 3],
    ]);
    const att = api.scaledDotProductAttention(x, x, x, { causal: true, bias: api.alibiBias(3, api.alibiSlopes(1)[0]!), scale: 0 });
    expect([att.output.rows, att.output.cols, att.weights.rows, att.weights.cols]).toEqual([3, 4, 3, 3]);
    const add = api.additiveAttention(api.matrix([[1, 2]]), x, { w: api.zeros(2, 5), u: api.zeros(4, 5), v: api.zeros(5, 1) });
    expect(api.toRows(add.weights)).toEqual([[1 / 3, 1 / 3, 1 / 3]]);
    expect(api.sinusoidalEncoding(5, 6).rows).toBe(5);
    expect(api.rotaryEmbedding(x, { positions: [0, 0, 0] }).data).toEqual(x.data);
    expect(api.toRows(api.layerNorm(api.matrix([[2, 4]]), [1, 1], [0, 0], 0))).toEqual([[-1, 1]]);
    expect(api.toRows(api.rmsNorm(api.matrix([[2, -2]]), [1, 1], 0))).toEqual([[1, -1]]);
    expect(() => api.sinusoidalEncoding(3, 3)).toThrow(api.ShapeError);
    expect(() => api.alibiSlopes(0)).toThrow(api.ArgumentError);
  });
});
