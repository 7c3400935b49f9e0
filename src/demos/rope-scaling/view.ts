/**
 * Stretching RoPE to a longer context (one panel).
 *
 * RoPE rotates pair i of a query or key at position p by p·θ_i with θ_i = base^(−2i/d) (Su et al.
 * 2021). A model trained on L_train positions has seen angles up to L_train·θ_i only. To run it on L
 * positions, with s = L / L_train:
 * - linear scaling (position interpolation, Chen et al. 2023) divides every θ_i by s;
 * - NTK-aware scaling (bloc97, 2023; YaRN, Peng et al. 2023) raises the base to base·s^(d/(d−2)),
 *   which keeps θ_0 and divides only the lowest frequency by the full s.
 * ropeFrequencies gives the θ_i, and rotaryEmbedding with the same `scaling` gives the dot product
 * ⟨R_0 q, R_Δ k⟩ against the offset Δ, up to the chosen context length.
 *
 * Pure: every number comes from src/compute.
 */
import { matrix, rotaryEmbedding, ropeFrequencies, type Matrix, type RopeScaling } from '../../compute/index.ts';
import { matmul, transpose } from '../../compute/matrix.ts';
import { lineChart } from '../shared/chart.ts';
import { formatNumber } from '../shared/format.ts';
import { scrollBox } from '../shared/html.ts';
import { formatCount, logChart } from '../shared/log-chart.ts';

export const TITLE = 'Stretching RoPE: no scaling, linear interpolation and NTK scaling';

export interface ScalingState {
  /** Head dimension d (even). */
  readonly d: number;
  readonly base: number;
  /** The context length the model was trained on. */
  readonly train: number;
  /** The context length to run at. */
  readonly target: number;
}

export const DEFAULTS: ScalingState = { d: 64, base: 10000, train: 2048, target: 8192 };
export const RULES = {
  d: { label: 'd', min: 4, max: 256, integer: true, even: true },
  base: { label: 'Base', min: 2, max: 1e7 },
  train: { label: 'Training length', min: 16, max: 1_048_576, integer: true },
  target: { label: 'Target length', min: 16, max: 1_048_576, integer: true },
} as const;
/** Offsets sampled for the dot-product curve. */
export const CURVE_POINTS = 400;

/**
 * The vector scored against itself: 1 in every coordinate of the slower half of the pairs and 0 in
 * the faster half. The fast pairs turn through many full circles within any training length, so
 * their angles are always familiar (and sampled every few hundred positions they only add noise);
 * the slow pairs are the ones whose angles leave the trained range.
 */
export function slowPairsVector(d: number): Matrix {
  return matrix([Array.from({ length: d }, (_x, c) => (Math.floor(c / 2) >= Math.floor(d / 4) ? 1 : 0))]);
}

export type Variant = 'none' | 'linear' | 'ntk';
export const VARIANTS: readonly { key: Variant; label: string; colour: number }[] = [
  { key: 'none', label: 'no scaling', colour: 1 },
  { key: 'linear', label: 'linear (position interpolation)', colour: 0 },
  { key: 'ntk', label: 'NTK-aware', colour: 2 },
];

/** The scaling option of one variant for factor s (none below s = 1: nothing to stretch). */
export function scalingOf(v: Variant, s: number): RopeScaling | undefined {
  if (v === 'none' || s <= 1) return undefined;
  return { type: v, factor: s };
}

export interface VariantResult {
  readonly key: Variant;
  /** θ_0 … θ_{d/2−1}. */
  readonly theta: number[];
  /** The largest angle of the slowest pair within the target length, target·θ_min, in radians. */
  readonly maxAngle: number;
  /** ⟨R_0 q, R_Δ k⟩ at the sampled offsets. */
  readonly curve: number[];
}

export interface ScalingResult {
  /** s = target / train (1 when target ≤ train). */
  readonly factor: number;
  /** The largest angle the slowest pair reached in training, train·θ_min (unscaled). */
  readonly trainedAngle: number;
  /** The sampled offsets Δ = 0 … target. */
  readonly offsets: number[];
  readonly variants: VariantResult[];
}

export function computeScaling(s: ScalingState): ScalingResult {
  const factor = Math.max(1, s.target / s.train);
  const q = slowPairsVector(s.d); // 1×d
  const k = q; // the same content, so Δ = 0 is the largest score
  const offsets = Array.from({ length: CURVE_POINTS + 1 }, (_x, i) => Math.round((i * s.target) / CURVE_POINTS));
  const kk = matrix(offsets.map(() => Array.from(k.data))); // (CURVE_POINTS+1)×d
  const base = ropeFrequencies(s.d, { base: s.base });
  const variants = VARIANTS.map(({ key }): VariantResult => {
    const scaling = scalingOf(key, factor);
    const theta = ropeFrequencies(s.d, { base: s.base, scaling });
    const rq = rotaryEmbedding(q, { positions: [0], base: s.base, scaling }); // 1×d
    const rk = rotaryEmbedding(kk, { positions: offsets, base: s.base, scaling }); // (CURVE_POINTS+1)×d
    const dots: Matrix = matmul(rq, transpose(rk)); // 1×(CURVE_POINTS+1)
    return { key, theta, maxAngle: s.target * theta.at(-1)!, curve: Array.from(dots.data) };
  });
  return { factor, trainedAngle: s.train * base.at(-1)!, offsets, variants };
}

/** "θ = 1.00" for ordinary numbers, "3.2 × 10⁻⁴" style for tiny ones. */
function formatTheta(x: number): string {
  if (x === 0) return '0';
  const e = Math.floor(Math.log10(Math.abs(x)));
  if (e >= -2) return formatNumber(x, 4);
  const m = x / 10 ** e;
  const sup = String(e)
    .replace('-', '⁻')
    .replace(/\d/g, (c) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(c)]!);
  return `${formatNumber(m, 2)} × 10${sup}`;
}

export function scalingFigure(idPrefix: string, s: ScalingState, r: ScalingResult): string {
  const half = s.d / 2;
  let table = `${scrollBox('RoPE frequencies per variant')}<table class="demo-table" data-matrix="theta"><caption>Frequencies for d = ${s.d}, base ${formatNumber(s.base, 0)}, s = ${formatNumber(r.factor, 2)}. A pair reached at most ${formatNumber(r.trainedAngle, 2)} rad (the slowest pair over ${formatCount(s.train)} training positions); beyond that angle the model saw nothing.</caption>`;
  table +=
    '<thead><tr><th scope="col">variant</th><th scope="col">θ₀, fastest</th><th scope="col">θ, slowest</th><th scope="col">slowest angle at target</th><th scope="col">in trained range</th></tr></thead><tbody>';
  for (const v of r.variants) {
    const label = VARIANTS.find((x) => x.key === v.key)!.label;
    const inside = v.maxAngle <= r.trainedAngle * (1 + 1e-12);
    table += `<tr><th scope="row">${label}</th><td data-cell="${v.key}-theta0" data-value="${v.theta[0]}">${formatTheta(v.theta[0]!)}</td><td data-cell="${v.key}-thetamin" data-value="${v.theta.at(-1)}">${formatTheta(v.theta.at(-1)!)}</td><td data-cell="${v.key}-angle" data-value="${v.maxAngle}">${formatNumber(v.maxAngle, 2)} rad</td><td data-cell="${v.key}-inside">${inside ? 'yes' : 'no'}</td></tr>`;
  }
  table += '</tbody></table></div>';
  const thetaChart = logChart({
    idPrefix,
    key: 'theta-chart',
    title: 'Rotation frequency of each pair',
    desc: `θ_i for i = 0 … ${half - 1} on a logarithmic axis. Linear scaling lowers every frequency by the factor ${formatNumber(r.factor, 2)}; NTK-aware scaling leaves θ_0 in place and lowers the slowest pairs the most.`,
    xLabel: 'pair i',
    yLabel: 'θ_i (radians per position)',
    xAxis: 'linear',
    yAxis: 'log10',
    series: r.variants.map((v) => {
      const meta = VARIANTS.find((x) => x.key === v.key)!;
      return { name: meta.label, colour: meta.colour, points: v.theta.map((t, i) => [i, t] as const) };
    }),
    height: 220,
  });
  const dotChart = lineChart({
    idPrefix,
    key: 'dot-chart',
    title: 'Score of a vector with itself against the offset (slow pairs)',
    desc: `⟨R_0 q, R_Δ q⟩ for Δ from 0 to ${formatCount(s.target)}, where q is 1 on the slower half of the pairs and 0 elsewhere. Without scaling, offsets past ${formatCount(s.train)} produce a curve the model never saw; linear scaling stretches the trained part of the curve over the whole range.`,
    xLabel: 'offset Δ (positions)',
    yLabel: 'score',
    series: r.variants.map((v) => {
      const meta = VARIANTS.find((x) => x.key === v.key)!;
      return { name: meta.label, colour: meta.colour, points: v.curve.map((y, i) => [r.offsets[i]!, y] as const) };
    }),
    vlines: s.train < s.target ? [{ x: s.train, label: 'training length' }] : [],
    height: 230,
  });
  return `${table}<div class="demo__row demo__row--pair"><div>${thetaChart}</div><div>${dotChart}</div></div>`;
}

export function scalingSummary(s: ScalingState, r: ScalingResult): string {
  if (r.factor <= 1) {
    return `The target length ${formatCount(s.target)} is within the training length ${formatCount(s.train)}, so no scaling is needed and the three variants coincide.`;
  }
  const none = r.variants.find((v) => v.key === 'none')!;
  const ntk = r.variants.find((v) => v.key === 'ntk')!;
  return `Running at ${formatCount(s.target)} positions after training on ${formatCount(s.train)} (s = ${formatNumber(r.factor, 2)}): without scaling the slowest pair turns to ${formatNumber(none.maxAngle, 2)} rad, past the ${formatNumber(r.trainedAngle, 2)} rad seen in training; linear scaling and NTK-aware scaling keep it at ${formatNumber(r.trainedAngle, 2)} rad, and NTK-aware keeps the fastest pair at ${formatTheta(ntk.theta[0]!)} rad per position.`;
}
