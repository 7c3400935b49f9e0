/**
 * Normalisation, two panels:
 *
 * 1. LayerNorm (Ba, Kiros & Hinton 2016) vs RMSNorm (Zhang & Sennrich 2019) on one editable vector:
 *        LayerNorm(x) = (x − μ) / √(σ² + ε) · γ + β          RMSNorm(x) = x / √(mean(x²) + ε) · γ
 *    LayerNorm removes the mean and the scale; RMSNorm removes only the scale.
 * 2. The residual stream at random initialisation (Xiong et al. 2020), for L layers of one
 *    self-attention sublayer F with random weights:
 *        Post-LN:  x_{l+1} = LayerNorm(x_l + F(x_l))        Pre-LN:  x_{l+1} = x_l + F(LayerNorm(x_l))
 *    Pre-LN's stream grows with depth, so each layer's update is a shrinking fraction of it;
 *    Post-LN re-normalises after every layer.
 *
 * Every normalisation and attention number comes from src/compute; stats.ts only measures sizes.
 */
import { layerNorm, matrix, multiHeadAttention, rmsNorm, type Matrix } from '../../compute/index.ts';
import { scrollBox } from '../shared/html.ts';
import { lineChart } from '../shared/chart.ts';
import { formatNumber, formatVector } from '../shared/format.ts';
import { LIMITS } from '../shared/input.ts';
import { meanRowRms, rms } from '../shared/stats.ts';
import { randomMatrix } from '../shared/tokens.ts';
import { pickParts } from '../shared/parts.ts';

export type Part = 'vector' | 'depth';
export const PARTS: readonly Part[] = ['vector', 'depth'];

export function partsFor(show: string | undefined): Part[] {
  return pickParts(show, PARTS);
}

// ---------------------------------------------------------------------------------------------
// 1. One vector

export interface VectorState {
  readonly x: readonly number[];
  /** c added to every entry (LayerNorm ignores it, RMSNorm does not). */
  readonly shift: number;
}

export const VECTOR_DEFAULTS: VectorState = { x: [1, 2, 3, 4, 10, -2], shift: 0 };
export const VECTOR_RULES = {
  x: { label: 'x', minLength: 1, maxLength: LIMITS.d, limit: 1e6 },
  shift: { label: 'Shift c', min: -1e6, max: 1e6 },
} as const;

export interface VectorResult {
  /** The normalised input x + c. */
  readonly input: number[];
  readonly ln: number[];
  readonly rms: number[];
}

export function computeVector(s: VectorState): VectorResult {
  const input = s.x.map((v) => v + s.shift);
  const x = matrix([input]); // 1×d
  const ones = input.map(() => 1); // γ = 1
  const zeros = input.map(() => 0); // β = 0
  return { input, ln: Array.from(layerNorm(x, ones, zeros).data), rms: Array.from(rmsNorm(x, ones).data) };
}

export function vectorFigure(idPrefix: string, s: VectorState, r: VectorResult): string {
  const d = r.input.length;
  let table = `${scrollBox('LayerNorm and RMSNorm table')}<table class="demo-table" data-matrix="norm"><caption>LayerNorm and RMSNorm of x${s.shift !== 0 ? ` + ${formatNumber(s.shift)}` : ''} (d = ${d}; γ = 1, β = 0; ε = 10⁻⁵ and 10⁻⁶).</caption><thead><tr><th scope="col"></th>`;
  for (let c = 0; c < d; c++) table += `<th scope="col">${c + 1}</th>`;
  table += '<th scope="col">mean</th><th scope="col">RMS</th></tr></thead><tbody>';
  const row = (key: string, label: string, values: readonly number[]): string => {
    let html = `<tr data-row="${key}"><th scope="row">${label}</th>`;
    values.forEach((v, c) => (html += `<td data-cell="${key}-${c}" data-value="${v}">${formatNumber(v)}</td>`));
    const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
    return `${html}<td class="demo-stat">${formatNumber(mean)}</td><td class="demo-stat">${formatNumber(rms(values))}</td></tr>`;
  };
  table += row('x', s.shift !== 0 ? 'x + c' : 'x', r.input) + row('ln', 'LayerNorm', r.ln) + row('rms', 'RMSNorm', r.rms);
  table += '</tbody></table></div>';
  const chart = lineChart({
    idPrefix,
    key: 'norm-chart',
    title: 'Entries after LayerNorm and RMSNorm',
    desc: `LayerNorm gives ${formatVector(r.ln)}; RMSNorm gives ${formatVector(r.rms)}.`,
    xLabel: 'entry',
    yLabel: 'value',
    series: [
      { name: 'LayerNorm(x)', colour: 0, noLine: true, points: r.ln.map((v, c) => [c + 1, v] as const) },
      { name: 'RMSNorm(x)', colour: 1, noLine: true, points: r.rms.map((v, c) => [c + 1, v] as const) },
    ],
    xDomain: [0.5, d + 0.5],
    height: 200,
  });
  return `${table}${chart}`;
}

export function vectorSummary(s: VectorState, r: VectorResult): string {
  const mean = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0) / Math.max(1, v.length);
  return `LayerNorm output has mean ${formatNumber(mean(r.ln))} and RMS ${formatNumber(rms(r.ln))}; RMSNorm output has RMS ${formatNumber(rms(r.rms))} but keeps a mean of ${formatNumber(mean(r.rms))}${s.shift !== 0 ? `, because the shift ${formatNumber(s.shift)} is not removed` : ''}.`;
}

// ---------------------------------------------------------------------------------------------
// 2. Depth

export interface DepthState {
  readonly layers: number;
  readonly d: number;
  readonly tokens: number;
  readonly seed: number;
}

export const DEPTH_DEFAULTS: DepthState = { layers: 12, d: 32, tokens: 8, seed: 1 };
export const DEPTH_RULES = {
  layers: { label: 'Layers L', min: 1, max: 48, integer: true },
  d: { label: 'd_model', min: 1, max: LIMITS.d, integer: true },
  tokens: { label: 'Tokens n', min: 1, max: LIMITS.tokens, integer: true },
  seed: { label: 'Seed', min: 0, max: 999999, integer: true },
} as const;

export interface DepthResult {
  /** RMS of the residual stream after layer l = 0 … L (l = 0: the input). */
  readonly pre: number[];
  readonly post: number[];
  /** RMS of layer l's update F relative to the stream it is added to, l = 1 … L. */
  readonly preRatio: number[];
  readonly postRatio: number[];
}

/** Random attention weights of layer l (shared by both variants), N(0, 1/d). */
export function layerWeights(d: number, seed: number, l: number): { wq: Matrix; wk: Matrix; wv: Matrix; wo: Matrix } {
  const std = 1 / Math.sqrt(d);
  const base = (seed * 1000 + l * 4) >>> 0;
  return {
    wq: randomMatrix(d, d, base + 1, std),
    wk: randomMatrix(d, d, base + 2, std),
    wv: randomMatrix(d, d, base + 3, std),
    wo: randomMatrix(d, d, base + 4, std),
  };
}

function add(a: Matrix, b: Matrix): Matrix {
  const out = { rows: a.rows, cols: a.cols, data: new Float64Array(a.data.length) }; // n×d
  for (let i = 0; i < a.data.length; i++) out.data[i] = a.data[i]! + b.data[i]!; // the residual connection
  return out;
}

export function computeDepth(s: DepthState): DepthResult {
  const ones = Array.from({ length: s.d }, () => 1);
  const zeros = Array.from({ length: s.d }, () => 0);
  const ln = (x: Matrix): Matrix => layerNorm(x, ones, zeros);
  const x0 = randomMatrix(s.tokens, s.d, (s.seed * 7919) >>> 0); // n×d, N(0, 1) entries
  let pre = x0;
  let post = x0;
  const r: DepthResult = {
    pre: [meanRowRms(x0.data, s.tokens, s.d)],
    post: [meanRowRms(x0.data, s.tokens, s.d)],
    preRatio: [],
    postRatio: [],
  };
  for (let l = 1; l <= s.layers; l++) {
    const w = layerWeights(s.d, s.seed, l);
    const fPre = multiHeadAttention(ln(pre), w, { heads: 1 }).output; // n×d: F(LN(x))
    r.preRatio.push(meanRowRms(fPre.data, s.tokens, s.d) / meanRowRms(pre.data, s.tokens, s.d));
    pre = add(pre, fPre);
    const fPost = multiHeadAttention(post, w, { heads: 1 }).output; // n×d: F(x)
    r.postRatio.push(meanRowRms(fPost.data, s.tokens, s.d) / meanRowRms(post.data, s.tokens, s.d));
    post = ln(add(post, fPost));
    r.pre.push(meanRowRms(pre.data, s.tokens, s.d));
    r.post.push(meanRowRms(post.data, s.tokens, s.d));
  }
  return r;
}

export function depthFigure(idPrefix: string, s: DepthState, r: DepthResult): string {
  const growth = lineChart({
    idPrefix,
    key: 'depth-rms',
    title: 'Size of the residual stream across depth',
    desc: `Mean RMS of the ${s.tokens} token vectors after each of ${s.layers} layers. Pre-LN grows from ${formatNumber(r.pre[0]!)} to ${formatNumber(r.pre.at(-1)!)}; Post-LN stays at ${formatNumber(r.post.at(-1)!)}.`,
    xLabel: 'layer l',
    yLabel: 'RMS of x_l',
    series: [
      { name: 'Pre-LN', colour: 0, markers: true, points: r.pre.map((v, l) => [l, v] as const) },
      { name: 'Post-LN', colour: 1, markers: true, points: r.post.map((v, l) => [l, v] as const) },
    ],
    yDomain: [0, Math.max(1.2, ...r.pre, ...r.post) * 1.05],
    height: 210,
  });
  const ratio = lineChart({
    idPrefix,
    key: 'depth-ratio',
    title: 'Size of each layer’s update relative to the stream',
    desc: `RMS of F divided by RMS of the stream it is added to. In Pre-LN it falls from ${formatNumber(r.preRatio[0]!)} to ${formatNumber(r.preRatio.at(-1)!)}; in Post-LN it stays near ${formatNumber(r.postRatio.at(-1)!)}.`,
    xLabel: 'layer l',
    yLabel: 'RMS(F) / RMS(x)',
    series: [
      { name: 'Pre-LN', colour: 0, markers: true, points: r.preRatio.map((v, l) => [l + 1, v] as const) },
      { name: 'Post-LN', colour: 1, markers: true, points: r.postRatio.map((v, l) => [l + 1, v] as const) },
    ],
    yDomain: [0, Math.max(...r.preRatio, ...r.postRatio, 0.1) * 1.1],
    height: 210,
  });
  let table = `<details class="hm-details"><summary>The numbers</summary>${scrollBox('Residual stream RMS table')}<table class="demo-table" data-matrix="depth"><caption>RMS of the residual stream per layer, and of each update relative to it.</caption>`;
  table +=
    '<thead><tr><th scope="col">layer</th><th scope="col">Pre-LN RMS</th><th scope="col">Post-LN RMS</th><th scope="col">Pre-LN update ratio</th><th scope="col">Post-LN update ratio</th></tr></thead><tbody>';
  r.pre.forEach((v, l) => {
    table += `<tr><th scope="row">${l}</th><td data-cell="pre-${l}" data-value="${v}">${formatNumber(v, 3)}</td><td data-cell="post-${l}" data-value="${r.post[l]}">${formatNumber(r.post[l]!, 3)}</td>`;
    table +=
      l === 0
        ? '<td>—</td><td>—</td></tr>'
        : `<td>${formatNumber(r.preRatio[l - 1]!, 3)}</td><td>${formatNumber(r.postRatio[l - 1]!, 3)}</td></tr>`;
  });
  table += '</tbody></table></div></details>';
  return `<div class="demo__row demo__row--pair"><div>${growth}</div><div>${ratio}</div></div>${table}`;
}

export function depthSummary(s: DepthState, r: DepthResult): string {
  return `After ${s.layers} ${s.layers === 1 ? 'layer' : 'layers'} at random initialisation, the Pre-LN stream has grown to RMS ${formatNumber(r.pre.at(-1)!)} (from ${formatNumber(r.pre[0]!)}), so the last update is ${formatNumber(r.preRatio.at(-1)!)} of it; Post-LN re-normalises the stream to RMS ${formatNumber(r.post.at(-1)!)} after every layer, and its last update is ${formatNumber(r.postRatio.at(-1)!)} of it.`;
}

export const PART_TITLES: Record<Part, string> = {
  vector: 'LayerNorm vs RMSNorm on one vector',
  depth: 'Pre-LN vs Post-LN: the residual stream across depth',
};

/** The default vector as typed in the field. */
export function vectorText(x: readonly number[]): string {
  return x.join(', ');
}
