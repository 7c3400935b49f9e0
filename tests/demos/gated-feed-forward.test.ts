/** The gated feed-forward demo's view: SwiGLU is src/compute's, and the counts follow the 2/3 rule. */
import { describe, expect, it } from 'vitest';
import { swiglu } from '../../src/compute/index.ts';
import { matmul } from '../../src/compute/matrix.ts';
import * as ffn from '../../src/demos/gated-feed-forward/view.ts';

describe('compare panel', () => {
  const s = ffn.COMPARE_DEFAULTS;
  const r = ffn.computeCompare(s);
  it('SwiGLU’s output is swiglu’s, and ReLU’s is max(0, x W1) W2', () => {
    const x = { rows: 1, cols: 8, data: Float64Array.from(s.x) };
    const w = ffn.ffnWeights(8, s.seed);
    expect(r.variants[2]!.y).toEqual(Array.from(swiglu(x, { w1: w.g1, w3: w.g3, w2: w.g2 }).data));
    const pre = matmul(x, w.w1);
    const h = { rows: 1, cols: 32, data: pre.data.map((v) => Math.max(0, v)) };
    expect(r.variants[0]!.y).toEqual(Array.from(matmul(h, w.w2).data));
    expect(r.variants[0]!.zeros).toBe(Array.from(pre.data).filter((v) => v <= 0).length);
  });
  it('widths and parameters: 4d for ReLU and GELU, round((2/3)·4d) for SwiGLU', () => {
    expect(r.variants.map((v) => v.hidden)).toEqual([32, 32, 21]);
    expect(r.variants.map((v) => v.params)).toEqual([512, 512, 504]);
    expect(r.variants[1]!.zeros).toBe(0);
  });
  it('GELU’s sigmoid form is z·σ(1.702 z) and dips below 0', () => {
    const g = ffn.ACTIVATIONS.gelu;
    expect(g(0)).toBe(0);
    expect(g(1)).toBeCloseTo(1 / (1 + Math.exp(-1.702)), 12);
    expect(g(-0.75)).toBeLessThan(-0.16);
    expect(ffn.ACTIVATIONS.relu(-3)).toBe(0);
    expect(ffn.ACTIVATIONS.silu(2)).toBeCloseTo(2 / (1 + Math.exp(-2)), 12);
  });
  it('puts every output in the table', () => {
    const html = ffn.compareFigure('f', s, r);
    expect(html).toContain(`data-cell="swiglu-y0" data-value="${r.variants[2]!.y[0]}"`);
    expect(html).toContain('data-cell="relu-zeros"');
    expect(ffn.compareSummary(s, r)).toContain(`ReLU zeroes ${r.variants[0]!.zeros} of 32`);
  });
});

describe('params panel', () => {
  it('at d = 4096: 8d², 12d², SwiGLU at (2/3)·4d ≈ 8d², LLaMA’s 11008', () => {
    const r = ffn.computeParams(ffn.PARAMS_DEFAULTS);
    expect(r.rows.map((x) => x.hidden)).toEqual([16384, 16384, 10923, 11008]);
    expect(r.rows.map((x) => x.params)).toEqual([134_217_728, 201_326_592, 134_221_824, 135_266_304]);
    expect(ffn.llamaWidth(4096, 256)).toBe(11008);
    expect(ffn.llamaWidth(5120, 256)).toBe(13824); // LLaMA 13B
    expect(ffn.paramsSummary(ffn.PARAMS_DEFAULTS, r)).toBe(
      "At d_model = 4,096, a ReLU or GELU layer with f = 4d has 134,217,728 parameters; SwiGLU with f = 10,923 has 134,221,824 (1.000×), and LLaMA's rounded width 11,008 gives 135,266,304.",
    );
  });
});
