/**
 * Sequence attention: multi-head self-attention over a typed sentence (Vaswani et al. 2017,
 * Section 3.2.2), with the masks of the attention-masks page:
 *
 *     X = E + PE                 token embeddings (deterministic) plus optional sinusoidal encoding
 *     Q = X W^Q, K = X W^K, V = X W^V,   head a uses columns [a·d_k, (a+1)·d_k)
 *     S_a = Q_a K_aᵀ / √d_k,  masked entries −∞,  A_a = softmax(S_a),  O = Concat(A_a V_a) W^O
 *
 * Masks: none and causal go through multiHeadAttention; padding (keys that are [PAD]) and a causal
 * sliding window (slidingWindowMask) go head by head through scaledDotProductAttention with the same
 * projections (multiHeadAttention takes no mask). tests/demos checks that both paths agree.
 */
import {
  multiHeadAttention,
  scaledDotProductAttention,
  sinusoidalEncoding,
  slidingWindowMask,
  zeros,
  type Matrix,
} from '../../compute/index.ts';
import { concatCols, matmul, sliceCols, transpose } from '../../compute/matrix.ts';
import { formatNumber, subscript } from '../shared/format.ts';
import { heatmapSvg, heatmapTable, tableInDetails, type HeatmapSpec, type TableModes } from '../shared/heatmap.ts';
import { LIMITS } from '../shared/input.ts';
import { argmax } from '../shared/stats.ts';
import { embedTokens, randomMatrix, tokenize } from '../shared/tokens.ts';

export type MaskKind = 'none' | 'causal' | 'padding' | 'window';

export const MASKS: readonly { value: MaskKind; label: string }[] = [
  { value: 'none', label: 'none (bidirectional)' },
  { value: 'causal', label: 'causal (decoder)' },
  { value: 'padding', label: 'padding' },
  { value: 'window', label: 'sliding window (causal)' },
];

export const HEAD_CHOICES = [1, 2, 4, 8] as const;

/** The inputs. */
export interface SequenceState {
  readonly tokens: readonly string[];
  readonly heads: number;
  readonly dk: number;
  readonly positional: boolean;
  readonly mask: MaskKind;
  /** Padding mask: the batch length the sentence is padded to with [PAD]. */
  readonly padTo: number;
  /** Sliding window: query i sees keys i−w … i. */
  readonly window: number;
}

export const DEFAULT_SENTENCE = 'the cat sat on the mat';
export const PAD = '[PAD]';
/** The seed of the random projections W^Q, W^K, W^V, W^O. */
export const WEIGHT_SEED = 2017;

export const DEFAULTS: SequenceState = {
  tokens: tokenize(DEFAULT_SENTENCE, []).value,
  heads: 2,
  dk: 4,
  positional: true,
  mask: 'none',
  padTo: 8,
  window: 2,
};

/** Bounds of the numeric controls. */
export const RULES = {
  dk: { label: 'd_k', min: 1, max: 32, integer: true },
  padTo: { label: 'Pad to', min: 1, max: LIMITS.tokens, integer: true },
  window: { label: 'Window', min: 0, max: LIMITS.tokens - 1, integer: true },
} as const;

/** One head's numbers. */
export interface HeadResult {
  /** n×d_k slices of Q and K (for the cell read-outs). */
  readonly q: Matrix;
  readonly k: Matrix;
  /** n×n: q_i·k_j. */
  readonly dots: Matrix;
  /** n×n: q_i·k_j / √d_k (before masking). */
  readonly scores: Matrix;
  /** n×n: the attention weights. */
  readonly weights: Matrix;
}

/** Everything the figure shows. */
export interface SequenceResult {
  /** Token labels, padding included. */
  readonly labels: string[];
  /** Number of real (non-padding) tokens. */
  readonly real: number;
  readonly dModel: number;
  readonly x: Matrix;
  readonly heads: HeadResult[];
  /** n×n 1/0 mask (null when no mask applies); causal is also expressed here for display. */
  readonly allowed: Matrix | null;
  readonly concat: Matrix;
  readonly output: Matrix;
  /** Which compute path produced the weights. */
  readonly path: 'multiHeadAttention' | 'scaledDotProductAttention per head';
}

/** The four projections for a given d_model (seeded, N(0, 1/d_model)). */
export function projections(dModel: number): { wq: Matrix; wk: Matrix; wv: Matrix; wo: Matrix } {
  const std = 1 / Math.sqrt(dModel);
  return {
    wq: randomMatrix(dModel, dModel, WEIGHT_SEED + 1, std),
    wk: randomMatrix(dModel, dModel, WEIGHT_SEED + 2, std),
    wv: randomMatrix(dModel, dModel, WEIGHT_SEED + 3, std),
    wo: randomMatrix(dModel, dModel, WEIGHT_SEED + 4, std),
  };
}

/** The token labels after padding. */
export function paddedTokens(s: SequenceState): string[] {
  const tokens = s.tokens.slice(0, LIMITS.tokens);
  if (s.mask !== 'padding') return tokens;
  const n = Math.min(LIMITS.tokens, Math.max(tokens.length, s.padTo));
  return [...tokens, ...Array.from({ length: n - tokens.length }, () => PAD)];
}

/** The input X = embeddings (+ sinusoidal encoding). */
export function inputs(labels: readonly string[], dModel: number, positional: boolean): Matrix {
  const x = embedTokens(labels, dModel); // n×d_model
  if (!positional) return x;
  const pe = sinusoidalEncoding(labels.length, dModel); // n×d_model
  for (let i = 0; i < x.data.length; i++) x.data[i]! += pe.data[i]!;
  return x;
}

/** Runs the state through src/compute. */
export function computeSequence(s: SequenceState): SequenceResult {
  const labels = paddedTokens(s);
  const n = labels.length;
  const real = s.tokens.length > n ? n : Math.min(s.tokens.length, n);
  const dModel = s.heads * s.dk;
  const x = inputs(labels, dModel, s.positional);
  const w = projections(dModel);
  const q = matmul(x, w.wq); // n×d_model
  const k = matmul(x, w.wk); // n×d_model
  const v = matmul(x, w.wv); // n×d_model

  let allowed: Matrix | null = null;
  if (s.mask === 'causal') allowed = slidingWindowMask(n, n, 'causal');
  if (s.mask === 'window') allowed = slidingWindowMask(n, s.window, 'causal');
  if (s.mask === 'padding') {
    allowed = zeros(n, n);
    for (let i = 0; i < n; i++) for (let j = 0; j < real; j++) allowed.data[i * n + j] = 1;
  }

  const heads: HeadResult[] = [];
  let concat: Matrix;
  let output: Matrix;
  let path: SequenceResult['path'];
  const slices = Array.from({ length: s.heads }, (_h, a) => ({
    q: sliceCols(q, a * s.dk, (a + 1) * s.dk), // n×d_k
    k: sliceCols(k, a * s.dk, (a + 1) * s.dk), // n×d_k
    v: sliceCols(v, a * s.dk, (a + 1) * s.dk), // n×d_k
  }));
  const scale = 1 / Math.sqrt(s.dk);
  const scoresOf = (qa: Matrix, ka: Matrix): { dots: Matrix; scores: Matrix } => {
    const dots = matmul(qa, transpose(ka)); // n×n: q_i·k_j
    const scores = { rows: n, cols: n, data: dots.data.map((d) => d * scale) }; // n×n: q_i·k_j/√d_k
    return { dots, scores };
  };
  if (s.mask === 'none' || s.mask === 'causal') {
    const r = multiHeadAttention(x, w, { heads: s.heads, causal: s.mask === 'causal' });
    slices.forEach((h, a) => heads.push({ q: h.q, k: h.k, ...scoresOf(h.q, h.k), weights: r.headWeights[a]! }));
    concat = r.concat;
    output = r.output;
    path = 'multiHeadAttention';
  } else {
    const outs: Matrix[] = [];
    for (const h of slices) {
      const r = scaledDotProductAttention(h.q, h.k, h.v, { mask: allowed ?? undefined }); // n×n weights, n×d_k output
      heads.push({ q: h.q, k: h.k, ...scoresOf(h.q, h.k), weights: r.weights });
      outs.push(r.output);
    }
    concat = concatCols(outs); // n×d_model
    output = matmul(concat, w.wo); // n×d_model
    path = 'scaledDotProductAttention per head';
  }
  return { labels, real, dModel, x, heads, allowed, concat, output, path };
}

/** "cat₂": a token with its 1-based position. */
export function tokenLabel(labels: readonly string[], i: number): string {
  return `${labels[i] ?? ''}${subscript(i + 1)}`;
}

function isMasked(r: SequenceResult, i: number, j: number): boolean {
  return r.allowed !== null && r.allowed.data[i * r.labels.length + j] === 0;
}

/** Why entry (i, j) is masked, in words. */
export function maskReason(s: SequenceState, i: number, j: number): string {
  if (s.mask === 'causal') return `causal mask: key ${j + 1} comes after query ${i + 1}`;
  if (s.mask === 'padding') return `padding mask: key ${j + 1} is ${PAD}`;
  if (s.mask === 'window')
    return j > i
      ? `sliding window: key ${j + 1} comes after query ${i + 1}`
      : `sliding window: key ${j + 1} is more than ${s.window} positions back`;
  return '';
}

/**
 * Up to this many tokens every matrix is an HTML table of numbers. Longer sequences draw each matrix
 * as an SVG heatmap (a keyboard cursor reads out the term behind each cell) with its table inside
 * <details>, drawn only once opened: at 64 tokens and 8 heads, tables of every head are 65,536 cells
 * and several megabytes of markup, which no redraw can fit in a frame.
 */
export const TABLE_MAX_TOKENS = 16;

/** The figure: per head the scores and the weights, then the output. */
export function figure(idPrefix: string, s: SequenceState, r: SequenceResult, tables: TableModes = () => 'static'): string {
  const n = r.labels.length;
  const rowLabels = r.labels.map((_t, i) => tokenLabel(r.labels, i));
  const masked = r.allowed ? (i: number, j: number) => isMasked(r, i, j) : undefined;
  const dimRow = (i: number): boolean => i >= r.real;
  const asTables = n <= TABLE_MAX_TOKENS;
  const draw = (spec: HeatmapSpec, summary: string, axes: { rowAxis: string; colAxis: string }): string =>
    asTables ? heatmapTable(spec) : `${heatmapSvg({ ...spec, ...axes })}${tableInDetails(summary, spec, tables(spec.key))}`;
  let html = '';
  r.heads.forEach((h, a) => {
    html += `<div class="demo__panel" data-head="${a + 1}"><p class="demo__panel-title">Head ${a + 1} of ${s.heads}</p><div class="demo__row">`;
    html += `<div>${draw(
      {
        key: `s${a + 1}`,
        idPrefix,
        caption: `Scores Q·Kᵀ/√d_k of head ${a + 1} (${n}×${n}; rows are queries, columns keys${masked ? '; masked entries are −∞' : ''}).`,
        rowLabels,
        colLabels: rowLabels,
        corner: 'q ↓ k →',
        values: h.scores,
        scale: 'diverging',
        ...(masked ? { masked } : {}),
        dimRow,
      },
      `Scores of head ${a + 1} as a table`,
      { rowAxis: 'query', colAxis: 'key' },
    )}</div>`;
    html += `<div>${draw(
      {
        key: `w${a + 1}`,
        idPrefix,
        caption: `Attention weights of head ${a + 1}: softmax of each row of scores; each row sums to 1.`,
        rowLabels,
        colLabels: rowLabels,
        corner: 'q ↓ k →',
        values: h.weights,
        scale: 'sequential',
        range: { min: 0, max: 1 },
        ...(masked ? { masked, maskedText: '0' } : {}),
        dimRow,
      },
      `Weights of head ${a + 1} as a table`,
      { rowAxis: 'query', colAxis: 'key' },
    )}</div></div>`;
    html += `<p class="hm-detail" data-detail-for="s${a + 1}" data-detail-also="w${a + 1}" aria-live="polite">Hover over or focus a cell (Tab, then arrow keys) to see the term behind it.</p></div>`;
  });
  const out: HeatmapSpec = {
    key: 'out',
    idPrefix,
    caption: `Output Concat(head₁ … head${subscript(s.heads)}) W^O: one row of d_model = ${r.dModel} numbers per token.`,
    rowLabels,
    colLabels: Array.from({ length: r.dModel }, (_c, c) => String(c + 1)),
    corner: 'token',
    values: r.output,
    scale: 'diverging',
    dimRow,
    detail: 'Hover over or focus a cell to see how it was computed.',
  };
  html += `<div class="demo__panel"><p class="demo__panel-title">Output</p>${draw(out, 'Output as a table', { rowAxis: 'token', colAxis: 'dimension' })}</div>`;
  return html;
}

function factors(a: Matrix, i: number, b: Matrix, j: number): string {
  const d = a.cols;
  const shown = Math.min(d, 4);
  const terms: string[] = [];
  for (let c = 0; c < shown; c++) terms.push(`${formatNumber(a.data[i * d + c]!)}×${formatNumber(b.data[j * d + c]!)}`);
  return terms.join(' + ') + (d > shown ? ` + … (${d} terms)` : '');
}

/** The equation term behind a cell, for the detail line. */
export function describe(s: SequenceState, r: SequenceResult, matrixKey: string, i: number, j: number): string {
  const n = r.labels.length;
  const qi = tokenLabel(r.labels, i);
  const kj = tokenLabel(r.labels, j);
  if (matrixKey === 'out') {
    return `output[${qi}][${j + 1}] = Σ_c concat[${qi}][c] · W^O[c][${j + 1}] over c = 1 … ${r.dModel} = ${formatNumber(r.output.data[i * r.dModel + j]!)}; concat holds each head's Σ_j α_ij v_j.`;
  }
  const a = Number(matrixKey.slice(1)) - 1;
  const h = r.heads[a];
  if (!h) return '';
  if (isMasked(r, i, j)) return `Head ${a + 1}, ${qi} → ${kj}: masked (${maskReason(s, i, j)}), so s = −∞ and α = exp(−∞) / Σ = 0.`;
  const sc = h.scores.data[i * n + j]!;
  if (matrixKey.startsWith('s')) {
    return `Head ${a + 1}: s(${qi} → ${kj}) = q·k / √d_k = (${factors(h.q, i, h.k, j)}) / √${s.dk} = ${formatNumber(h.dots.data[i * n + j]!)} / ${formatNumber(Math.sqrt(s.dk))} = ${formatNumber(sc)}.`;
  }
  const wv = h.weights.data[i * n + j]!;
  let allowed = 0;
  let max = -Infinity;
  for (let c = 0; c < n; c++) {
    if (isMasked(r, i, c)) continue;
    allowed++;
    max = Math.max(max, h.scores.data[i * n + c]!);
  }
  return `Head ${a + 1}: α(${qi} → ${kj}) = exp(s − max) / Σ_j exp(s_j − max) with s = ${formatNumber(sc)}, max = ${formatNumber(max)} over ${allowed} allowed keys = ${formatNumber(wv, 3)}.`;
}

/** The aria-live sentence: where the last real token looks in each head. */
export function summary(s: SequenceState, r: SequenceResult): string {
  const n = r.labels.length;
  const i = Math.max(0, r.real - 1);
  const parts = r.heads.map((h, a) => {
    const j = argmax(h.weights.data, i * n, n);
    return `${a === 0 ? 'in head 1 ' : `head ${a + 1} `}to “${r.labels[j] ?? ''}” (${formatNumber(h.weights.data[i * n + j]!, 2)})`;
  });
  const mask = MASKS.find((m) => m.value === s.mask)?.label ?? s.mask;
  return `Mask ${mask}, ${s.heads} ${s.heads === 1 ? 'head' : 'heads'} of d_k = ${s.dk}${s.positional ? ', with sinusoidal positions' : ''}: the last token “${r.labels[i] ?? ''}” attends most ${parts.join(', ')}.`;
}
