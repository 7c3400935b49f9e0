/**
 * Bahdanau alignment: the same encoder annotations h_j and decoder states s_i scored two ways.
 *
 *     additive (Bahdanau, Cho & Bengio 2014, Eq. 6 / App. A.1.2):  e_ij = vᵀ tanh(s_i W + h_j U)
 *     dot product (Luong et al. 2015; scaled as in Vaswani et al. 2017):  e_ij = s_i·h_j / √d
 *     α_ij = softmax_j(e_ij)   — the alignment matrix, one row per target word
 *
 * The states are deterministic word embeddings; a small French–English dictionary gives each French
 * word the vector of its English counterpart, standing in for what a trained encoder and decoder
 * would share. Dot-product scoring has no parameters, so it finds those pairs at once; the additive
 * scorer's W, U and v are random (untrained), so its alignment is arbitrary until trained.
 */
import { additiveAttention, scaledDotProductAttention, type Matrix } from '../../compute/index.ts';
import { formatNumber } from '../shared/format.ts';
import { heatmapSvg, tableInDetails, type HeatmapSpec, type TableModes } from '../shared/heatmap.ts';
import { argmax } from '../shared/stats.ts';
import { embedTokens, randomMatrix, tokenize } from '../shared/tokens.ts';

/** The running example of Bahdanau et al. (2014), Figure 3(a). */
export const DEFAULT_SOURCE = 'The agreement on the European Economic Area was signed in August 1992 .';
export const DEFAULT_TARGET = "L' accord sur la zone économique européenne a été signé en août 1992 .";

/** French → English words that share a state (lower case). */
export const LEXICON: Readonly<Record<string, string>> = {
  "l'": 'the',
  la: 'the',
  le: 'the',
  les: 'the',
  accord: 'agreement',
  sur: 'on',
  zone: 'area',
  économique: 'economic',
  européenne: 'european',
  européen: 'european',
  a: 'was',
  été: 'was',
  signé: 'signed',
  en: 'in',
  août: 'august',
  chat: 'cat',
  tapis: 'mat',
  est: 'is',
  assis: 'sat',
  et: 'and',
  de: 'of',
  du: 'of',
  des: 'of',
  un: 'a',
  une: 'a',
  dans: 'in',
};

/** The inputs. */
export interface BahdanauState {
  readonly source: readonly string[];
  readonly target: readonly string[];
  /** State size d (= d_s = d_h). */
  readonly d: number;
  /** Attention size d_a of the additive scorer. */
  readonly da: number;
  /** Seed of the additive parameters W, U, v. */
  readonly seed: number;
  /** Give dictionary pairs the same state. */
  readonly tie: boolean;
}

export const DEFAULTS: BahdanauState = {
  source: tokenize(DEFAULT_SOURCE, []).value,
  target: tokenize(DEFAULT_TARGET, []).value,
  d: 16,
  da: 8,
  seed: 1,
  tie: true,
};

export const RULES = {
  d: { label: 'State size d', min: 1, max: 128, integer: true },
  da: { label: 'Attention size d_a', min: 1, max: 128, integer: true },
  seed: { label: 'Seed', min: 0, max: 999999, integer: true },
} as const;

/** Everything the figure shows. */
export interface BahdanauResult {
  /** n×d decoder states (one per target word) and m×d annotations (one per source word). */
  readonly s: Matrix;
  readonly h: Matrix;
  readonly additive: { readonly scores: Matrix; readonly weights: Matrix };
  readonly dot: { readonly weights: Matrix };
}

/** The additive scorer's parameters for a seed: W, U ~ N(0, 1/d), v ~ N(0, 1). */
export function additiveParams(d: number, da: number, seed: number): { w: Matrix; u: Matrix; v: Matrix } {
  const std = 1 / Math.sqrt(d);
  return {
    w: randomMatrix(d, da, seed * 3 + 1, std), // d_s×d_a
    u: randomMatrix(d, da, seed * 3 + 2, std), // d_h×d_a
    v: randomMatrix(da, 1, seed * 3 + 3, 1), // d_a×1
  };
}

/** Runs both scorers through src/compute. */
export function computeAlignment(st: BahdanauState): BahdanauResult {
  const alias = st.tie ? (t: string): string => LEXICON[t] ?? t : undefined;
  const h = embedTokens(st.source, st.d, 0); // m×d annotations
  const s = embedTokens(st.target, st.d, 0, alias); // n×d decoder states
  const additive = additiveAttention(s, h, additiveParams(st.d, st.da, st.seed)); // n×m scores and weights
  const dot = scaledDotProductAttention(s, h, h); // n×m weights (scale 1/√d)
  return { s, h, additive: { scores: additive.scores, weights: additive.weights }, dot: { weights: dot.weights } };
}

function spec(idPrefix: string, st: BahdanauState, key: string, caption: string, values: Matrix): HeatmapSpec {
  return {
    key,
    idPrefix,
    caption,
    rowLabels: st.target,
    colLabels: st.source,
    corner: 'target ↓ source →',
    values,
    scale: 'sequential',
    range: { min: 0, max: 1 },
    detail: 'Hover over or focus the heatmap, then use the arrow keys, to read each weight and its score.',
  };
}

/** The figure: both alignment matrices as heatmaps, with their numbers in tables. */
export function figure(idPrefix: string, st: BahdanauState, r: BahdanauResult, tables: TableModes = () => 'static'): string {
  const n = st.target.length;
  const m = st.source.length;
  const add = spec(
    idPrefix,
    st,
    'additive',
    `Additive scoring: alignment weights α_ij = softmax_j(vᵀ tanh(s_i W + h_j U)), ${n} target × ${m} source words.`,
    r.additive.weights,
  );
  const dot = spec(
    idPrefix,
    st,
    'dot',
    `Dot-product scoring: alignment weights α_ij = softmax_j(s_i·h_j / √${st.d}), ${n} target × ${m} source words.`,
    r.dot.weights,
  );
  const panel = (title: string, sp: HeatmapSpec): string =>
    `<div class="demo__panel"><p class="demo__panel-title">${title}</p>${heatmapSvg({ ...sp, words: true, rowAxis: 'target', colAxis: 'source' })}${tableInDetails('Alignment weights as a table', sp, tables(sp.key))}</div>`;
  return `<div class="demo__row demo__row--pair">${panel('Additive (Bahdanau)', add)}${panel('Dot product', dot)}</div>`;
}

/** The term behind a cell. */
export function describe(st: BahdanauState, r: BahdanauResult, key: string, i: number, j: number): string {
  const m = st.source.length;
  const t = st.target[i] ?? '';
  const src = st.source[j] ?? '';
  if (key === 'additive') {
    return `“${t}” → “${src}”: e = vᵀ tanh(s_${i + 1} W + h_${j + 1} U) = ${formatNumber(r.additive.scores.data[i * m + j]!)}, α = ${formatNumber(r.additive.weights.data[i * m + j]!, 3)}.`;
  }
  const si = r.s.data.subarray(i * st.d, (i + 1) * st.d);
  const hj = r.h.data.subarray(j * st.d, (j + 1) * st.d);
  const terms = Array.from({ length: Math.min(3, st.d) }, (_x, c) => `${formatNumber(si[c]!)}×${formatNumber(hj[c]!)}`).join(' + ');
  return `“${t}” → “${src}”: e = s_${i + 1}·h_${j + 1} / √${st.d} = (${terms}${st.d > 3 ? ' + …' : ''}) / ${formatNumber(Math.sqrt(st.d))}, α = ${formatNumber(r.dot.weights.data[i * m + j]!, 3)}.`;
}

/** How many target words the two scorers align to the same source word. */
export function agreement(st: BahdanauState, r: BahdanauResult): number {
  const m = st.source.length;
  let same = 0;
  for (let i = 0; i < st.target.length; i++) {
    if (argmax(r.additive.weights.data, i * m, m) === argmax(r.dot.weights.data, i * m, m)) same++;
  }
  return same;
}

/** The aria-live sentence. */
export function summary(st: BahdanauState, r: BahdanauResult): string {
  const m = st.source.length;
  const n = st.target.length;
  const pick = st.target.findIndex((t) => t.toLowerCase() === 'zone');
  const i = pick >= 0 ? pick : 0;
  const jd = argmax(r.dot.weights.data, i * m, m);
  const ja = argmax(r.additive.weights.data, i * m, m);
  return `“${st.target[i] ?? ''}” aligns most with “${st.source[jd] ?? ''}” under dot-product scoring (α = ${formatNumber(r.dot.weights.data[i * m + jd]!, 2)}) and with “${st.source[ja] ?? ''}” under untrained additive scoring (α = ${formatNumber(r.additive.weights.data[i * m + ja]!, 2)}); the two agree on the top source word for ${agreement(st, r)} of ${n} target words.`;
}
