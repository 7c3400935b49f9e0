/**
 * Gated feed-forward layers, two panels:
 *
 * 1. compare: the same input x through three feed-forward layers with seeded random weights,
 *        ReLU:   FFN(x) = max(0, x W1) W2                       W1 d×4d, W2 4d×d
 *        GELU:   FFN(x) = GELU(x W1) W2                         (Hendrycks & Gimpel 2016)
 *        SwiGLU: FFN(x) = (SiLU(x W1) ⊙ x W3) W2                W1, W3 d×f, W2 f×d, f = ⌊(2/3)·4d⌉
 *    (Shazeer 2020), and the activation curves themselves.
 * 2. params: parameters (= multiply-adds per token, no biases) of each layer for the reader's d_model:
 *    8d² for ReLU/GELU at 4d, 12d² for SwiGLU at 4d, 8d² again for SwiGLU at (2/3)·4d, and LLaMA's
 *    rounding of that width up to a multiple of 256.
 *
 * SwiGLU is src/compute's swiglu and SiLU its silu. The compute module has no ReLU or GELU layer, so
 * ReLU is max(0, z) and GELU uses the sigmoid approximation z·σ(1.702 z) that Hendrycks & Gimpel
 * give, written with compute's silu: z·σ(1.702 z) = silu(1.702 z) / 1.702.
 */
import { type Matrix } from '../../compute/index.ts';
import { matmul, zeros } from '../../compute/matrix.ts';
import { silu, swiglu } from '../../compute/swiglu.ts';
import { lineChart } from '../shared/chart.ts';
import { formatNumber, formatVector } from '../shared/format.ts';
import { scrollBox } from '../shared/html.ts';
import { formatCount } from '../shared/log-chart.ts';
import { pickParts } from '../shared/parts.ts';
import { randomMatrix } from '../shared/tokens.ts';

export type Part = 'compare' | 'params';
export const PARTS: readonly Part[] = ['compare', 'params'];

export function partsFor(show: string | undefined): Part[] {
  return pickParts(show, PARTS);
}

export const PART_TITLES: Record<Part, string> = {
  compare: 'ReLU, GELU and SwiGLU on the same input',
  params: 'Parameters at equal compute',
};

/** GELU's sigmoid approximation from Hendrycks & Gimpel (2016): z·σ(1.702 z). */
export const GELU_SIGMOID_SCALE = 1.702;

/** The activations, each built from src/compute's silu where one is needed. */
export const ACTIVATIONS = {
  relu: (z: number): number => Math.max(0, z),
  gelu: (z: number): number => silu(GELU_SIGMOID_SCALE * z) / GELU_SIGMOID_SCALE,
  silu,
} as const;

export type Variant = 'relu' | 'gelu' | 'swiglu';
export const VARIANTS: readonly { key: Variant; label: string; colour: number }[] = [
  { key: 'relu', label: 'ReLU', colour: 1 },
  { key: 'gelu', label: 'GELU', colour: 0 },
  { key: 'swiglu', label: 'SwiGLU', colour: 2 },
];

// ---------------------------------------------------------------------------------------------
// 1. Compare

export interface CompareState {
  readonly x: readonly number[];
  readonly seed: number;
}

export const COMPARE_DEFAULTS: CompareState = { x: [1, -0.5, 2, -1.5, 0.25, -2, 0.75, 1.25], seed: 1 };
export const COMPARE_RULES = {
  x: { label: 'x', minLength: 1, maxLength: 16, limit: 100 },
  seed: { label: 'Seed', min: 0, max: 999999, integer: true },
} as const;

/** SwiGLU's hidden width at the parameter count of a 4d ReLU layer: ⌊(2/3)·4d⌉, at least 1. */
export function swigluWidth(d: number): number {
  return Math.max(1, Math.round((2 / 3) * 4 * d));
}

/** Applies `f` to every entry of m. */
function map(m: Matrix, f: (z: number) => number): Matrix {
  const out = zeros(m.rows, m.cols);
  for (let i = 0; i < m.data.length; i++) out.data[i] = f(m.data[i]!);
  return out;
}

export interface VariantOutput {
  readonly key: Variant;
  /** Hidden width f. */
  readonly hidden: number;
  /** The hidden activations (1×f): act(x W1), or SiLU(x W1) ⊙ x W3. */
  readonly h: number[];
  /** FFN(x), length d. */
  readonly y: number[];
  /** Hidden units exactly 0. */
  readonly zeros: number;
  readonly params: number;
}

export interface CompareResult {
  readonly variants: VariantOutput[];
}

/** The seeded weights: W1, W2 of the 4d layers (shared by ReLU and GELU) and W1, W3, W2 of SwiGLU. */
export function ffnWeights(d: number, seed: number): { w1: Matrix; w2: Matrix; g1: Matrix; g3: Matrix; g2: Matrix } {
  const f = 4 * d;
  const g = swigluWidth(d);
  const base = (seed * 10) >>> 0;
  return {
    w1: randomMatrix(d, f, base + 1, 1 / Math.sqrt(d)),
    w2: randomMatrix(f, d, base + 2, 1 / Math.sqrt(f)),
    g1: randomMatrix(d, g, base + 3, 1 / Math.sqrt(d)),
    g3: randomMatrix(d, g, base + 4, 1 / Math.sqrt(d)),
    g2: randomMatrix(g, d, base + 5, 1 / Math.sqrt(g)),
  };
}

export function computeCompare(s: CompareState): CompareResult {
  const d = s.x.length;
  const x: Matrix = { rows: 1, cols: d, data: Float64Array.from(s.x) }; // 1×d
  const w = ffnWeights(d, s.seed);
  const pre = matmul(x, w.w1); // 1×4d
  const out = (key: Variant, h: Matrix, y: Matrix, params: number): VariantOutput => ({
    key,
    hidden: h.cols,
    h: Array.from(h.data),
    y: Array.from(y.data),
    zeros: h.data.reduce((a, v) => a + (v === 0 ? 1 : 0), 0),
    params,
  });
  const hRelu = map(pre, ACTIVATIONS.relu); // 1×4d
  const hGelu = map(pre, ACTIVATIONS.gelu); // 1×4d
  const gate = map(matmul(x, w.g1), silu); // 1×f
  const up = matmul(x, w.g3); // 1×f
  const hSwi = zeros(1, gate.cols);
  for (let i = 0; i < gate.cols; i++) hSwi.data[i] = gate.data[i]! * up.data[i]!;
  const ySwi = swiglu(x, { w1: w.g1, w3: w.g3, w2: w.g2 }); // 1×d, src/compute
  return {
    variants: [
      out('relu', hRelu, matmul(hRelu, w.w2), 2 * d * 4 * d),
      out('gelu', hGelu, matmul(hGelu, w.w2), 2 * d * 4 * d),
      out('swiglu', hSwi, ySwi, 3 * d * gate.cols),
    ],
  };
}

/** Points of each activation on z ∈ [−4, 4]. */
export function activationCurves(): Record<'relu' | 'gelu' | 'silu', [number, number][]> {
  const zs = Array.from({ length: 81 }, (_x, i) => -4 + i * 0.1);
  return {
    relu: zs.map((z) => [z, ACTIVATIONS.relu(z)]),
    gelu: zs.map((z) => [z, ACTIVATIONS.gelu(z)]),
    silu: zs.map((z) => [z, ACTIVATIONS.silu(z)]),
  };
}

export function compareFigure(idPrefix: string, s: CompareState, r: CompareResult): string {
  const d = s.x.length;
  let table = `${scrollBox('Feed-forward outputs')}<table class="demo-table" data-matrix="ffn"><caption>FFN(x) for x = ${formatVector(s.x)} (d = ${d}), one row per layer; the hidden width and the parameters are those of each layer.</caption><thead><tr><th scope="col">layer</th><th scope="col">hidden f</th><th scope="col">parameters</th><th scope="col">hidden units at 0</th>`;
  for (let c = 0; c < d; c++) table += `<th scope="col">y${c + 1}</th>`;
  table += '</tr></thead><tbody>';
  for (const v of r.variants) {
    const label = VARIANTS.find((x) => x.key === v.key)!.label;
    table += `<tr><th scope="row">${label}</th><td data-cell="${v.key}-hidden">${v.hidden}</td><td data-cell="${v.key}-params" data-value="${v.params}">${formatCount(v.params)}</td><td data-cell="${v.key}-zeros" data-value="${v.zeros}">${v.zeros} of ${v.hidden}</td>`;
    v.y.forEach((y, c) => (table += `<td data-cell="${v.key}-y${c}" data-value="${y}">${formatNumber(y, 3)}</td>`));
    table += '</tr>';
  }
  table += '</tbody></table></div>';
  const curves = activationCurves();
  const chart = lineChart({
    idPrefix,
    key: 'activations',
    title: 'The activations',
    desc: 'ReLU is 0 for every negative input; GELU and SiLU (the gate of SwiGLU) dip slightly below 0 for negative inputs and are smooth at 0.',
    xLabel: 'z',
    yLabel: 'activation(z)',
    series: [
      { name: 'ReLU max(0, z)', colour: 1, points: curves.relu },
      { name: 'GELU z·Φ(z) ≈ z·σ(1.702z)', colour: 0, points: curves.gelu },
      { name: 'SiLU z·σ(z), SwiGLU’s gate', colour: 2, points: curves.silu },
    ],
    height: 210,
  });
  const hidden = lineChart({
    idPrefix,
    key: 'hidden',
    title: 'The hidden units for this input',
    desc: `ReLU leaves ${r.variants[0]!.zeros} of its ${r.variants[0]!.hidden} hidden units at exactly 0; GELU and SwiGLU leave none exactly 0.`,
    xLabel: 'hidden unit',
    yLabel: 'value',
    series: r.variants.map((v) => {
      const meta = VARIANTS.find((x) => x.key === v.key)!;
      return { name: meta.label, colour: meta.colour, noLine: true, points: v.h.map((y, i) => [i + 1, y] as const) };
    }),
    height: 210,
  });
  return `${table}<div class="demo__row demo__row--pair"><div>${chart}</div><div>${hidden}</div></div>`;
}

export function compareSummary(s: CompareState, r: CompareResult): string {
  const [relu, gelu, swi] = r.variants as [VariantOutput, VariantOutput, VariantOutput];
  return `For d = ${s.x.length}: ReLU zeroes ${relu.zeros} of ${relu.hidden} hidden units and GELU ${gelu.zeros}; SwiGLU uses ${swi.hidden} hidden units with three matrices, ${formatCount(swi.params)} parameters against ${formatCount(relu.params)} for the 4d layers.`;
}

// ---------------------------------------------------------------------------------------------
// 2. Params

export interface ParamsState {
  readonly d: number;
  /** LLaMA rounds SwiGLU's width up to a multiple of this. */
  readonly multiple: number;
}

export const PARAMS_DEFAULTS: ParamsState = { d: 4096, multiple: 256 };
export const PARAMS_RULES = {
  d: { label: 'd_model', min: 1, max: 65536, integer: true },
  multiple: { label: 'Multiple', min: 1, max: 4096, integer: true },
} as const;

export interface ParamsRow {
  readonly key: string;
  readonly label: string;
  readonly hidden: number;
  readonly matrices: number;
  readonly params: number;
}

export interface ParamsResult {
  readonly rows: ParamsRow[];
}

/** LLaMA's width: ⌊(2/3)·4d⌋ rounded up to a multiple of `multiple` (11008 for d = 4096). */
export function llamaWidth(d: number, multiple: number): number {
  const f = Math.floor((2 * 4 * d) / 3);
  return multiple * Math.ceil(f / multiple);
}

export function computeParams(s: ParamsState): ParamsResult {
  const d = s.d;
  const rows: ParamsRow[] = [
    { key: 'relu', label: 'ReLU or GELU, f = 4d', hidden: 4 * d, matrices: 2, params: 2 * d * 4 * d },
    { key: 'swiglu-4d', label: 'SwiGLU, f = 4d', hidden: 4 * d, matrices: 3, params: 3 * d * 4 * d },
    { key: 'swiglu', label: 'SwiGLU, f = (2/3)·4d', hidden: swigluWidth(d), matrices: 3, params: 3 * d * swigluWidth(d) },
    {
      key: 'llama',
      label: `SwiGLU, rounded up to a multiple of ${s.multiple} (LLaMA)`,
      hidden: llamaWidth(d, s.multiple),
      matrices: 3,
      params: 3 * d * llamaWidth(d, s.multiple),
    },
  ];
  return { rows };
}

export function paramsFigure(_idPrefix: string, s: ParamsState, r: ParamsResult): string {
  const base = r.rows[0]!.params;
  let table = `${scrollBox('Feed-forward parameters')}<table class="demo-table" data-matrix="params"><caption>Parameters of one feed-forward layer at d_model = ${formatCount(s.d)}, without biases. Each parameter is one multiply–add per token, so the columns also compare compute.</caption><thead><tr><th scope="col">layer</th><th scope="col">hidden f</th><th scope="col">matrices</th><th scope="col">parameters</th><th scope="col">against ReLU at 4d</th></tr></thead><tbody>`;
  for (const row of r.rows) {
    table += `<tr><th scope="row">${row.label}</th><td data-cell="${row.key}-hidden" data-value="${row.hidden}">${formatCount(row.hidden)}</td><td>${row.matrices}</td><td data-cell="${row.key}-params" data-value="${row.params}">${formatCount(row.params)}</td><td data-cell="${row.key}-ratio">${formatNumber(row.params / base, 3)}×</td></tr>`;
  }
  table += '</tbody></table></div>';
  return table;
}

export function paramsSummary(s: ParamsState, r: ParamsResult): string {
  const [relu, , swi, llama] = r.rows as [ParamsRow, ParamsRow, ParamsRow, ParamsRow];
  return `At d_model = ${formatCount(s.d)}, a ReLU or GELU layer with f = 4d has ${formatCount(relu.params)} parameters; SwiGLU with f = ${formatCount(swi.hidden)} has ${formatCount(swi.params)} (${formatNumber(swi.params / relu.params, 3)}×), and LLaMA's rounded width ${formatCount(llama.hidden)} gives ${formatCount(llama.params)}.`;
}
