/**
 * The worked examples of the concept pages, recomputed with the compute module. Each test computes
 * the numbers a page prints and checks that the page prints exactly those digits, so a page edited
 * without recomputing, or a compute change that moves a printed number, fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as C from '../../src/compute/index.ts';
import { attentionCost, flashAttentionHbmAccesses, standardAttentionHbmAccesses } from '../../src/compute/attention-costs.ts';

const page = (id: string) => readFileSync(`content/concepts/${id}.mdx`, 'utf8');
const M = (r: number[][]) => C.matrix(r);
const fix = (x: number, d = 4) => x.toFixed(d);
const rowsOf = (m: C.Matrix | ReturnType<typeof C.matrix>) => C.toRows(m);
/** "a & b & c" as a pmatrix row prints it, zeros as "0" and ones as "1". */
const texRow = (r: number[], d = 4) => r.map((x) => (x === 0 ? '0' : x === 1 ? '1' : fix(x, d))).join(' & ');
const tuple = (r: number[], d = 4) => `(${r.map((x) => fix(x, d)).join(', ')})`;
const I2 = M([
  [1, 0],
  [0, 1],
]);
const I4 = M([
  [1, 0, 0, 0],
  [0, 1, 0, 0],
  [0, 0, 1, 0],
  [0, 0, 0, 1],
]);

describe('scaled-dot-product-attention', () => {
  const body = page('scaled-dot-product-attention');
  const q = M([
    [1, 0],
    [0, 2],
  ]);
  const k = M([
    [1, 0],
    [0, 1],
    [1, 1],
  ]);
  const v = M([
    [1, 0],
    [0, 1],
    [2, 2],
  ]);
  it('prints the weights and outputs of its two queries, and the tempered rows', () => {
    const r = C.scaledDotProductAttention(q, k, v);
    const [w1, w2] = rowsOf(r.weights);
    const [o1, o2] = rowsOf(r.output);
    expect(body).toContain(`So the weights are ${fix(w1![0]!)}, ${fix(w1![1]!)} and ${fix(w1![2]!)}`);
    expect(body).toContain(`= ${tuple(o1!)}`);
    expect(body).toContain(`weights ${fix(w2![0]!)}, ${fix(w2![1]!)} and ${fix(w2![2]!)} and the output $${tuple(o2!)}$`);
    for (const t of [0.5, 2]) {
      const [row] = rowsOf(C.scaledDotProductAttention(q, k, v, { scale: C.temperatureScale(t, 2) }).weights);
      expect(body).toContain(`${fix(row![0]!)}, ${fix(row![1]!)} and ${fix(row![2]!)}`);
    }
  });
});

describe('attention-masks', () => {
  const body = page('attention-masks');
  const x = M([
    [1, 0],
    [0, 1],
    [1, 1],
    [1, -1],
  ]);
  const v = M([
    [1, 0],
    [0, 1],
    [1, 1],
    [2, 0],
  ]);
  it('prints the causal weights, the padded first row and the window row for the stated w', () => {
    for (const r of rowsOf(C.scaledDotProductAttention(x, x, v, { causal: true }).weights)) expect(body).toContain(texRow(r));
    const pad = M(Array.from({ length: 4 }, () => [1, 1, 1, 0]));
    expect(body).toContain(tuple(rowsOf(C.scaledDotProductAttention(x, x, v, { mask: pad }).weights)[0]!).replace(', 0.0000)', ', 0)'));
    const w = Number(/A window of \$w = (\d+)\$/.exec(body)![1]);
    const last = rowsOf(C.scaledDotProductAttention(x, x, v, { mask: C.slidingWindowMask(4, w, 'causal') }).weights)[3]!;
    expect(body).toContain(`(0, 0, ${fix(last[2]!)}, ${fix(last[3]!)})`);
    expect(C.countNonzero(C.slidingWindowMask(4, w, 'causal'))).toBe(4 + 3 * w - (w * (w - 1)) / 2);
  });
});

describe('multi-head-attention', () => {
  const body = page('multi-head-attention');
  const x = M([
    [1, 0, 1, 0],
    [0, 1, 0, 1],
    [1, 1, 0, 0],
  ]);
  it('prints both heads’ weights, the first output row and the single-head compromise', () => {
    const r = C.multiHeadAttention(x, { wq: I4, wk: I4, wv: I4, wo: I4 }, { heads: 2 });
    for (const h of r.headWeights) for (const row of rowsOf(h)) expect(body).toContain(texRow(row));
    expect(body).toContain(`first row is $${tuple(rowsOf(r.output)[0]!)}$`);
    const one = C.multiHeadAttention(x, { wq: I4, wk: I4, wv: I4, wo: I4 }, { heads: 1 });
    expect(body).toContain(`first row is $${tuple(rowsOf(one.headWeights[0]!)[0]!)}$`);
  });
});

describe('additive-attention', () => {
  const body = page('additive-attention');
  const h = M([
    [1, 0],
    [0, 1],
    [-1, 0],
  ]);
  it('prints the scores, weights and context, and the dot-product weights, for s = (1, 0) and (3, 0)', () => {
    const r = C.additiveAttention(M([[1, 0]]), h, { w: I2, u: I2, v: M([[1], [1]]) });
    const e = rowsOf(r.scores)[0]!;
    expect(body).toContain(`= ${fix(e[0]!)}`);
    expect(body).toContain(`= ${fix(e[1]!)}`);
    const w = rowsOf(r.weights)[0]!;
    expect(body).toContain(`weights ${fix(w[0]!)}, ${fix(w[1]!)} and ${fix(w[2]!)}, and the context is $c = ${tuple(rowsOf(r.context)[0]!)}$`);
    for (const s of [1, 3]) {
      const dot = rowsOf(C.scaledDotProductAttention(M([[s, 0]]), h, h, { scale: 1 }).weights)[0]!;
      expect(body).toContain(`${fix(dot[0]!)}, ${fix(dot[1]!)} and ${fix(dot[2]!)}`);
    }
    const w3 = rowsOf(C.additiveAttention(M([[3, 0]]), h, { w: I2, u: I2, v: M([[1], [1]]) }).weights)[0]!;
    expect(body).toContain(`${fix(w3[0]!)}, ${fix(w3[1]!)} and ${fix(w3[2]!)}`);
  });
});

describe('alibi', () => {
  const body = page('alibi');
  it('prints the content-free weights and outputs for slope 1/2', () => {
    const z = M([[0], [0], [0], [0]]);
    const r = C.scaledDotProductAttention(z, z, M([[1], [2], [3], [4]]), { causal: true, bias: C.alibiBias(4, 0.5) });
    for (const row of rowsOf(r.weights).slice(1)) expect(body).toContain(texRow(row));
    const out = Array.from(r.output.data).map((x) => (Number.isInteger(x) ? String(x) : fix(x)));
    expect(body).toContain(`The outputs are ${out[0]}, ${out[1]}, ${out[2]} and ${out[3]}`);
  });
  it('prints the 6-head slopes in the order alibiSlopes returns them', () => {
    expect(C.alibiSlopes(6).map((s) => Math.round(1 / s))).toEqual([4, 16, 64, 256, 2, 8]);
    expect(body).toContain('\\tfrac14,\\ \\tfrac1{16},\\ \\tfrac1{64},\\ \\tfrac1{256},\\ \\tfrac12,\\ \\tfrac18');
  });
});

describe('positional-encoding and rotary-embedding', () => {
  it('prints sinusoidalEncoding(4, 4) and the distance-only dot products', () => {
    const body = page('positional-encoding');
    for (const row of rowsOf(C.sinusoidalEncoding(4, 4)).slice(1)) expect(body).toContain(row.map((x) => fix(x)).join(' & '));
    const pe = rowsOf(C.sinusoidalEncoding(31, 16));
    const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
    expect(body).toContain(`PE_0 \\cdot PE_1 = PE_{10} \\cdot PE_{11} = ${fix(dot(pe[0]!, pe[1]!))}`);
    expect(body).toContain(`PE_0 \\cdot PE_{10} = PE_{20} \\cdot PE_{30} = ${fix(dot(pe[20]!, pe[30]!))}`);
  });
  it('prints the rotated query and the offset-only scores', () => {
    const body = page('rotary-embedding');
    const q = M([[1, 0, 1, 0]]);
    const k = M([[0, 1, 1, 1]]);
    const rot = (x: C.Matrix, p: number) => rowsOf(C.rotaryEmbedding(x, { positions: [p] }))[0]!;
    const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
    expect(body).toContain(rot(q, 3).map((x) => fix(x)).join(',\\; '));
    expect(body).toContain(`= ${fix(dot(rot(q, 0), rot(k, 2)), 6)} .`);
    expect(body).toContain(`${fix(dot(rot(q, 5), rot(k, 3)), 6)}$`);
  });
});

describe('layer-normalization', () => {
  const body = page('layer-normalization');
  it('uses the ε the page states (10⁻⁵) for every LayerNorm number it prints', () => {
    expect(body).toContain('(here $10^{-5}$)');
    const one = [1, 1, 1, 1];
    const zero = [0, 0, 0, 0];
    const print = (x: number[][]) => Array.from(C.layerNorm(M(x), one, zero, 1e-5).data).map((v) => fix(v, 6));
    const big = print([[1e8 + 0.1, 1e8 - 0.1, 1e8 + 0.2, 1e8 - 0.2]]);
    expect(body).toContain(big.join(',\\allowbreak '));
    const small = print([[1e5 + 1e-3, 1e5 - 1e-3, 1e5 + 2e-3, 1e5 - 2e-3]]);
    expect(body).toContain(`$\\pm ${small[0]}$ and $\\pm ${small[2]}$`);
    expect(body).toContain(`(${print([[1, 2, 3, 6]]).join(',\\ ').replace('0.000000', '0')})`);
    const rms = Array.from(C.rmsNorm(M([[1, 2, 3, 6]]), one).data).map((v) => fix(v, 6));
    expect(body).toContain(`(${rms.join(', ')})`);
  });
});

describe('flash-attention and efficient-attention', () => {
  it('prints the two-key trace result and the HBM counts', () => {
    const body = page('flash-attention');
    const r = C.flashAttention(M([[1, 0]]), M([[1, 0], [0, 1]]), M([[1, 2], [3, 4]]), { blockSize: 1 });
    expect(body).toContain(`converges to $${tuple(rowsOf(r.output)[0]!)}$, with log-sum-exp $${fix(r.logSumExp[0]!)}$`);
    expect(body).toContain(`$1 + e^{-0.70711} = ${fix(r.rowSum[0]!)}$`);
    const fmt = (x: number) => x.toLocaleString('en-US');
    expect(body).toContain(`${fmt(standardAttentionHbmAccesses(4096, 64))} HBM accesses`);
    expect(body).toContain(`makes ${fmt(flashAttentionHbmAccesses(4096, 64, 100000))} with $M = 100{,}000$`);
    expect(body).toContain(`${fmt(flashAttentionHbmAccesses(4096, 64, 24576))} with $M = 24{,}576$`);
    expect(body).toContain(`\`peakScratchElements\` of ${fmt(attentionCost('flash', 4096, 64).memory)}`);
  });
  it('prints the cost table of the compute module’s formulas', () => {
    const body = page('efficient-attention');
    const mem = (x: number) => (x >= 1e6 ? `${(x / 1e6).toFixed(x >= 1e7 ? 1 : 2)} million` : x.toLocaleString('en-US'));
    const rowsExpected: [string, ReturnType<typeof attentionCost>][] = [
      ['full softmax', attentionCost('full', 4096, 64)],
      ['FlashAttention, B = 64', attentionCost('flash', 4096, 64, { blockSize: 64 })],
      ['causal sliding window, w = 128', attentionCost('sliding-window', 4096, 64, { window: 128 })],
      ['Linformer, k = 256', attentionCost('linformer', 4096, 64, { k: 256 })],
      ['linear attention', attentionCost('linear', 4096, 64)],
    ];
    for (const [label] of rowsExpected) expect(body, label).toContain(`| ${label} |`);
    for (const [label, c] of rowsExpected) expect(body, label).toMatch(new RegExp(`\\| ${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\| [^|]+ \\| ${mem(c.memory)} \\|`));
    expect(body).toMatch(/\| Performer, r = 256 \| 542 million \| 2\.11 million \|/);
    expect(attentionCost('performer', 4096, 64, { features: 256 }).memory).toBe(2_113_792);
  });
  it('prints the linear-attention example and its softmax counterpart', () => {
    const body = page('efficient-attention');
    const q = M([[1, 0]]);
    const k = M([[0, 0], [1, 1]]);
    const v = M([[1, 0], [0, 1]]);
    expect(Array.from(C.linearAttention(q, k, v).output.data).map((x) => fix(x))).toEqual(['0.3333', '0.6667']);
    expect(body).toContain('the output $(1/3, 2/3)$');
    expect(body).toContain(`gives $${tuple(rowsOf(C.scaledDotProductAttention(q, k, v).output)[0]!, 3)}$`);
  });
});

describe('mixture-of-experts', () => {
  const body = page('mixture-of-experts');
  const logits = M([
    [2.0, 1.0, 0.1, -1.0],
    [1.5, 1.4, 0.0, 0.2],
    [0.3, 2.2, 0.1, 0.0],
    [1.8, 0.2, 1.7, -0.5],
    [2.5, 0.1, 0.3, 0.4],
    [0.0, 0.1, 0.2, 1.9],
  ]);
  it('prints the routing, gates, balance loss and capacity drops', () => {
    const g1 = C.topKGating(logits, 1, { renormalize: false });
    expect(body).toContain(`probabilities $${tuple(rowsOf(g1.probs)[0]!, 3)}$`);
    expect(body).toContain(`experts are ${g1.indices.map((i) => i[0]).join(', ')} with raw gates`);
    expect(body).toContain(`raw gates ${g1.gates.slice(0, 5).map((g) => fix(g[0]!, 3)).join(', ')} and ${fix(g1.gates[5]![0]!, 3)}`);
    const lb = C.loadBalancingLoss(logits, { alpha: 1 });
    expect(body).toContain(`$f = (${Array.from(lb.fraction, (x) => (x === 0 ? '0' : fix(x, 3))).join(', ')})$`);
    expect(body).toContain(`$P = ${tuple(Array.from(lb.meanProb), 3)}$, a loss of ${lb.loss.toFixed(2)}`);
    const drops = [1, 1.5, 2].map((cf) => C.dispatchWithCapacity(g1.indices, 4, cf).kept.filter((k) => !k[0]).length);
    expect(drops).toEqual([3, 2, 1]);
    const counts = C.moeParameterCounts({ dModel: 768, dFF: 3072, experts: 128, k: 1 });
    expect(body).toContain(`holds ${counts.held.toLocaleString('en-US')} parameters`);
    expect(body).toContain(`only ${counts.usedPerToken.toLocaleString('en-US')} of them`);
  });
});

describe('stated formulas', () => {
  it('gives the Linformer dimension bound of the paper’s theorem, O(d log d / ε²)', () => {
    const body = page('efficient-attention');
    expect(body).toContain('$k = O(d \\log d / \\varepsilon^2)$');
    expect(body).not.toMatch(/O\(d\s*\/\s*\\varepsilon\^2\)/);
  });

  it('states the T5 target length that t5SpanCorruption produces, and the CLM sum over t = 2 … n', () => {
    const body = page('pretraining-objectives');
    expect(body).toContain('\\lvert y \\rvert \\approx 0.15\\, n + \\#\\text{spans} + 1');
    const tokens = Array.from({ length: 400 }, (_, i) => `w${i}`);
    const out = C.t5SpanCorruption(tokens, 3);
    expect(out.target.length).toBe(Math.round(0.15 * 400) + out.spans.length + 1);
    expect(body).toContain('\\mathcal{L}_{\\text{CLM}} = -\\sum_{t=2}^{n}');
    expect(C.causalLmPairs(tokens).pairs.length).toBe(tokens.length - 1);
  });
});
