/**
 * The demos' pure view modules: their numbers are exactly src/compute's, the masked path of the
 * sequence demo agrees with multiHeadAttention, and the markup carries the values the browser tests read.
 */
import { describe, expect, it } from 'vitest';
import {
  additiveAttention,
  alibiBias,
  alibiSlopes,
  layerNorm,
  matrix,
  multiHeadAttention,
  rmsNorm,
  rotaryEmbedding,
  scaledDotProductAttention,
  sinusoidalEncoding,
  temperatureScale,
  toRows,
} from '../../src/compute/index.ts';
import * as playground from '../../src/demos/scaled-dot-product-attention/view.ts';
import * as sequence from '../../src/demos/multi-head-attention/view.ts';
import * as bahdanau from '../../src/demos/additive-attention/view.ts';
import * as sinusoidal from '../../src/demos/sinusoidal-encoding/view.ts';
import * as rope from '../../src/demos/rotary-embedding/view.ts';
import * as alibi from '../../src/demos/alibi/view.ts';
import * as norm from '../../src/demos/layer-normalization/view.ts';
import { formatNumber } from '../../src/demos/shared/format.ts';
import { embedTokens, tokenize } from '../../src/demos/shared/tokens.ts';

function expectClose(a: ArrayLike<number>, b: ArrayLike<number>, tol = 1e-12): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i]! - b[i]!)).toBeLessThanOrEqual(tol);
}

function balanced(html: string): void {
  for (const tag of ['table', 'tr', 'svg', 'details', 'div', 'g']) {
    const open = (html.match(new RegExp(`<${tag}[\\s>]`, 'g')) ?? []).length;
    const close = (html.match(new RegExp(`</${tag}>`, 'g')) ?? []).length;
    expect(close, `<${tag}> balanced`).toBe(open);
  }
}

describe('attention playground', () => {
  const s = { ...playground.DEFAULTS, temperature: 0.5 };
  const r = playground.computePlayground(s);
  it('uses scaledDotProductAttention with scale 1/(T·√2)', () => {
    const k = matrix(s.keys.map((x) => [...x]));
    const ref = scaledDotProductAttention(matrix([[...s.q]]), k, k, { scale: temperatureScale(0.5, 2) });
    expectClose(r.weights, ref.weights.data, 0);
    expectClose(r.output, ref.output.data, 0);
    expect(r.scale).toBe(1 / (0.5 * Math.SQRT2));
    expectClose(
      r.dots,
      s.keys.map((k2) => s.q[0] * k2[0] + s.q[1] * k2[1]),
    );
  });
  it('sharpens as the temperature falls', () => {
    const hot = playground.computePlayground({ ...s, temperature: 5 });
    expect(Math.max(...r.weights)).toBeGreaterThan(Math.max(...hot.weights));
  });
  it('shows the numbers and says which key wins', () => {
    const html = playground.numbersTable(s, r);
    balanced(html);
    r.weights.forEach((w, j) => expect(html).toContain(`data-cell="weight-${j}" data-value="${w}">${formatNumber(w, 3)}<`));
    expect(playground.summary(s, r)).toMatch(
      /^Query q (attends most to|puts almost all its attention on) key k1 \(weight 0\.\d{3}\) at temperature 0\.50/,
    );
    const plane = playground.planeFigure('p', s, r);
    balanced(plane);
    expect((plane.match(/role="slider"/g) ?? []).length).toBe(4);
  });
});

describe('sequence attention', () => {
  it('runs none and causal through multiHeadAttention', () => {
    const s = sequence.DEFAULTS;
    const r = sequence.computeSequence(s);
    const x = sequence.inputs(r.labels, 8, true);
    const ref = multiHeadAttention(x, sequence.projections(8), { heads: 2 });
    expect(r.path).toBe('multiHeadAttention');
    expectClose(r.output.data, ref.output.data, 0);
    r.heads.forEach((h, a) => expectClose(h.weights.data, ref.headWeights[a]!.data, 0));
  });
  it('the per-head masked path agrees with multiHeadAttention when the mask hides nothing or is causal', () => {
    const base = { ...sequence.DEFAULTS, heads: 4, dk: 3, positional: true };
    const none = sequence.computeSequence({ ...base, mask: 'none' });
    const padNothing = sequence.computeSequence({ ...base, mask: 'padding', padTo: 1 });
    expect(padNothing.path).toBe('scaledDotProductAttention per head');
    expectClose(padNothing.output.data, none.output.data, 1e-12);
    const causal = sequence.computeSequence({ ...base, mask: 'causal' });
    const wide = sequence.computeSequence({ ...base, mask: 'window', window: 63 });
    expectClose(wide.output.data, causal.output.data, 1e-12);
    wide.heads.forEach((h, a) => expectClose(h.weights.data, causal.heads[a]!.weights.data, 1e-12));
  });
  it('padding adds [PAD] tokens that nobody attends to', () => {
    const r = sequence.computeSequence({ ...sequence.DEFAULTS, mask: 'padding', padTo: 8 });
    expect(r.labels).toEqual(['the', 'cat', 'sat', 'on', 'the', 'mat', '[PAD]', '[PAD]']);
    expect(r.real).toBe(6);
    for (const h of r.heads) for (let i = 0; i < 8; i++) expect(h.weights.data[i * 8 + 6]).toBe(0);
  });
  it('a sliding window of w keeps keys i − w … i', () => {
    const r = sequence.computeSequence({ ...sequence.DEFAULTS, mask: 'window', window: 1 });
    const w = r.heads[0]!.weights;
    expect(w.data[5 * 6 + 3]).toBe(0);
    expect(w.data[5 * 6 + 4]).toBeGreaterThan(0);
    expect(w.data[5 * 6 + 5]).toBeGreaterThan(0);
  });
  it('describes cells with the equation term and renders balanced markup', () => {
    const s = { ...sequence.DEFAULTS, mask: 'causal' as const };
    const r = sequence.computeSequence(s);
    expect(sequence.describe(s, r, 's1', 1, 3)).toContain('masked (causal mask: key 4 comes after query 2)');
    expect(sequence.describe(s, r, 's1', 2, 1)).toMatch(/^Head 1: s\(sat₃ → cat₂\) = q·k \/ √d_k = \(.+\) \/ √4 = .+ \/ 2\.00 = /);
    expect(sequence.describe(s, r, 'w2', 2, 1)).toContain(`= ${formatNumber(r.heads[1]!.weights.data[2 * 6 + 1]!, 3)}.`);
    const html = sequence.figure('seq', s, r);
    balanced(html);
    expect(html).toContain('data-matrix="w2"');
    expect(sequence.summary(s, r)).toContain('the last token “mat” attends most in head 1 to');
  });
  it('sinusoidal positions need an even d_model (the compute error surfaces)', () => {
    expect(() => sequence.computeSequence({ ...sequence.DEFAULTS, heads: 1, dk: 3 })).toThrow(/sinusoidalEncoding/);
    expect(() => sequence.computeSequence({ ...sequence.DEFAULTS, heads: 1, dk: 3, positional: false })).not.toThrow();
  });
});

describe('Bahdanau alignment', () => {
  const st = bahdanau.DEFAULTS;
  const r = bahdanau.computeAlignment(st);
  it('scores the same states with additiveAttention and scaledDotProductAttention', () => {
    const h = embedTokens(st.source, st.d);
    expectClose(r.h.data, h.data, 0);
    const ref = additiveAttention(r.s, r.h, bahdanau.additiveParams(st.d, st.da, st.seed));
    expectClose(r.additive.weights.data, ref.weights.data, 0);
    expectClose(r.dot.weights.data, scaledDotProductAttention(r.s, r.h, r.h).weights.data, 0);
  });
  it('dictionary pairs share a state, so dot-product scoring recovers the reordering', () => {
    const m = st.source.length;
    const row = (t: string): number => st.target.indexOf(t);
    const top = (i: number): string =>
      st.source[Array.from(r.dot.weights.data.subarray(i * m, (i + 1) * m)).reduce((b, v, j, a) => (v > a[b]! ? j : b), 0)]!;
    expect(top(row('zone'))).toBe('Area');
    expect(top(row('économique'))).toBe('Economic');
    expect(top(row('européenne'))).toBe('European');
    expect(bahdanau.summary(st, r)).toMatch(/^“zone” aligns most with “Area” under dot-product scoring/);
  });
  it('re-rolling the seed changes only the additive scorer', () => {
    const other = bahdanau.computeAlignment({ ...st, seed: 2 });
    expectClose(other.dot.weights.data, r.dot.weights.data, 0);
    expect(toRows(other.additive.weights)).not.toEqual(toRows(r.additive.weights));
  });
  it('renders both alignment matrices', () => {
    const html = bahdanau.figure('b', st, r);
    balanced(html);
    expect(html).toContain('svg class="hm-svg hm-svg--words"');
    expect((html.match(/<table/g) ?? []).length).toBe(2);
    expect(bahdanau.describe(st, r, 'additive', 0, 1)).toMatch(/^“L'” → “agreement”: e = vᵀ tanh/);
  });
  it('tokenises the running example as in the paper', () => {
    expect(tokenize(bahdanau.DEFAULT_TARGET, []).value).toHaveLength(14);
  });
});

describe('sinusoidal encoding, RoPE and ALiBi', () => {
  it('sinusoidal: PE and PE·PEᵀ come from sinusoidalEncoding', () => {
    const s = sinusoidal.SIN_DEFAULTS;
    const r = sinusoidal.computeSinusoidal(s);
    expectClose(r.pe.data, sinusoidalEncoding(32, 32).data, 0);
    for (let p = 0; p < 32; p++) expect(r.sim.data[p * 32 + p]).toBeCloseTo(16, 10);
    expect(sinusoidal.describeSinusoidal(s, r, 'pe', 3, 4)).toBe(
      `PE[3][4] = sin(3 / 10000^(4/32)) = ${formatNumber(r.pe.data[3 * 32 + 4]!, 3)}`,
    );
    balanced(sinusoidal.sinusoidalFigure('pe', s, r));
  });
  it('RoPE: shifting both positions keeps the dot product', () => {
    const s = rope.ROPE_DEFAULTS;
    const r = rope.computeRope(s);
    expect(Math.abs(r.dot - r.dotShifted)).toBeLessThan(1e-12);
    const rq = rotaryEmbedding(r.q, { positions: [s.pq] });
    const rk = rotaryEmbedding(r.k, { positions: [s.pk] });
    expect(r.dot).toBeCloseTo(
      rq.data.reduce((a, v, i) => a + v * rk.data[i]!, 0),
      12,
    );
    expect(r.curve[rope.ROPE_OFFSETS + (s.pk - s.pq)]).toBeCloseTo(r.dot, 12);
    expect(rope.formatTiny(2.2e-16)).toBe('2.2 × 10⁻¹⁶');
    balanced(rope.ropeFigure('r', s, r));
  });
  it('ALiBi: slopes, biases and content-free weights', () => {
    const s = alibi.ALIBI_DEFAULTS;
    const r = alibi.computeAlibi(s);
    expect(r.slopes).toEqual(alibiSlopes(8));
    expectClose(r.bias.data, alibiBias(32, 0.5).data, 0);
    const m = r.slopes[0]!;
    const w = r.lastRow[0]!;
    expect(w[1]! / w[0]!).toBeCloseTo(Math.exp(-m), 12);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(r.pastTraining[7]).toBeGreaterThan(r.pastTraining[0]!);
    expect(r.pastTraining[0]).toBeCloseTo(
      w.slice(16).reduce((a, b) => a + b, 0),
      15,
    );
    expect(alibi.describeAlibi(s, r, 'bias', 5, 2)).toBe(`bias[5][2] = −m·(i − j) = −0.5000 × 3 = \u22121.500`);
    balanced(alibi.alibiFigure('a', s, r));
  });
});

describe('normalisation', () => {
  it('picks panels from the show prop', () => {
    expect(norm.partsFor(undefined)).toEqual(['vector', 'depth']);
    expect(norm.partsFor('depth')).toEqual(['depth']);
    expect(norm.partsFor('depth, vector')).toEqual(['depth', 'vector']);
    expect(norm.partsFor('nonsense')).toEqual(['vector', 'depth']);
  });
  it('LayerNorm and RMSNorm come from src/compute', () => {
    const s = norm.VECTOR_DEFAULTS;
    const r = norm.computeVector(s);
    const x = matrix([[...s.x]]);
    expectClose(r.ln, layerNorm(x, [1, 1, 1, 1, 1, 1], [0, 0, 0, 0, 0, 0]).data, 0);
    expectClose(r.rms, rmsNorm(x, [1, 1, 1, 1, 1, 1]).data, 0);
  });
  it('a shift changes RMSNorm but not LayerNorm', () => {
    const a = norm.computeVector(norm.VECTOR_DEFAULTS);
    const b = norm.computeVector({ ...norm.VECTOR_DEFAULTS, shift: 100 });
    expectClose(a.ln, b.ln, 1e-9);
    expect(Math.abs(a.rms[0]! - b.rms[0]!)).toBeGreaterThan(0.1);
    balanced(norm.vectorFigure('n', norm.VECTOR_DEFAULTS, a));
  });
  it('Pre-LN grows with depth, Post-LN stays normalised', () => {
    const r = norm.computeDepth(norm.DEPTH_DEFAULTS);
    expect(r.pre).toHaveLength(13);
    expect(r.pre[12]!).toBeGreaterThan(r.pre[1]!);
    for (const v of r.post.slice(1)) expect(v).toBeCloseTo(1, 3);
    expect(r.preRatio[11]!).toBeLessThan(r.preRatio[0]!);
    balanced(norm.depthFigure('d', norm.DEPTH_DEFAULTS, r));
  });
});
