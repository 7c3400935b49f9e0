/**
 * Positional encodings, three ways (each a panel; a page may show one with `show`):
 *
 * 1. Sinusoidal (Vaswani et al. 2017, Section 3.5): PE[p][2i] = sin(p / base^(2i/d)),
 *    PE[p][2i+1] = cos(p / base^(2i/d)); and the similarity PE·PEᵀ, which depends mostly on p − r.
 * 2. RoPE (Su et al. 2021, Eqs. 14–16): each pair (2i, 2i+1) of q and k rotates by p·θ_i, so
 *    ⟨R_p q, R_r k⟩ depends on r − p only: shifting both positions changes nothing.
 * 3. ALiBi (Press, Smith & Lewis 2021): head k adds −m_k·(i − j) to the scores; past the training
 *    length nothing new appears, only larger distances with ever smaller weights.
 *
 * Pure: every number comes from src/compute.
 */
import {
  alibiBias,
  alibiSlopes,
  matrix,
  rotaryEmbedding,
  scaledDotProductAttention,
  sinusoidalEncoding,
  toRows,
  zeros,
  type Matrix,
} from '../../compute/index.ts';
import { matmul, transpose } from '../../compute/matrix.ts';
import { lineChart, planeSvg } from '../shared/chart.ts';
import { formatNumber, formatVector } from '../shared/format.ts';
import { heatmapSvg, tableInDetails, type HeatmapSpec, type TableModes } from '../shared/heatmap.ts';
import { LIMITS } from '../shared/input.ts';
import { randomMatrix } from '../shared/tokens.ts';
import { scrollBox } from '../shared/html.ts';
import { pickParts } from '../shared/parts.ts';

export type Part = 'sinusoidal' | 'rope' | 'alibi';
export const PARTS: readonly Part[] = ['sinusoidal', 'rope', 'alibi'];

/** Which panels a `show` prop selects. */
export function partsFor(show: string | undefined): Part[] {
  return pickParts(show, PARTS);
}

// ---------------------------------------------------------------------------------------------
// 1. Sinusoidal

export interface SinusoidalState {
  readonly length: number;
  readonly d: number;
  readonly base: number;
}

export const SIN_DEFAULTS: SinusoidalState = { length: 32, d: 32, base: 10000 };
export const SIN_RULES = {
  length: { label: 'Positions n', min: 1, max: LIMITS.tokens, integer: true },
  d: { label: 'd_model', min: 2, max: LIMITS.d, integer: true, even: true },
  base: { label: 'Base', min: 2, max: 1e6 },
} as const;

export interface SinusoidalResult {
  /** n×d encodings. */
  readonly pe: Matrix;
  /** n×n: PE_p·PE_r. */
  readonly sim: Matrix;
}

export function computeSinusoidal(s: SinusoidalState): SinusoidalResult {
  const pe = sinusoidalEncoding(s.length, s.d, s.base); // n×d
  return { pe, sim: matmul(pe, transpose(pe)) }; // n×n
}

const range = (n: number, from = 0): string[] => Array.from({ length: n }, (_x, i) => String(i + from));

function sinSpecs(idPrefix: string, s: SinusoidalState, r: SinusoidalResult): { pe: HeatmapSpec; sim: HeatmapSpec } {
  return {
    pe: {
      key: 'pe',
      idPrefix,
      caption: `Sinusoidal encoding PE (${s.length} positions × d = ${s.d}; base ${formatNumber(s.base, 0)}). Even columns are sines, odd columns cosines; frequency falls from left to right.`,
      rowLabels: range(s.length),
      colLabels: range(s.d),
      corner: 'p ↓ dim →',
      values: r.pe,
      scale: 'diverging',
      range: { min: -1, max: 1 },
      detail: 'Focus the heatmap and use the arrow keys (or hover) to read PE[p][c].',
    },
    sim: {
      key: 'sim',
      idPrefix,
      caption: `Similarity PE·PEᵀ (${s.length}×${s.length}): entry (p, r) is PE_p·PE_r. The diagonal is d/2 = ${formatNumber(s.d / 2, 0)}; off the diagonal it falls with |p − r|, the same along every diagonal.`,
      rowLabels: range(s.length),
      colLabels: range(s.length),
      corner: 'p ↓ r →',
      values: r.sim,
      scale: 'diverging',
      detail: 'Focus the heatmap and use the arrow keys (or hover) to read PE_p·PE_r.',
    },
  };
}

export function sinusoidalFigure(idPrefix: string, s: SinusoidalState, r: SinusoidalResult, tables: TableModes = () => 'static'): string {
  const sp = sinSpecs(idPrefix, s, r);
  return `<div class="demo__row demo__row--pair"><div>${heatmapSvg({ ...sp.pe, rowAxis: 'p', colAxis: 'dim' })}${tableInDetails('PE as a table', sp.pe, tables('pe'))}</div><div>${heatmapSvg({ ...sp.sim, rowAxis: 'p', colAxis: 'r' })}${tableInDetails('PE·PEᵀ as a table', sp.sim, tables('sim'))}</div></div>`;
}

export function describeSinusoidal(s: SinusoidalState, r: SinusoidalResult, key: string, i: number, j: number): string {
  if (key === 'pe') {
    const pair = Math.floor(j / 2);
    return `PE[${i}][${j}] = ${j % 2 === 0 ? 'sin' : 'cos'}(${i} / ${formatNumber(s.base, 0)}^(${2 * pair}/${s.d})) = ${formatNumber(r.pe.data[i * s.d + j]!, 3)}`;
  }
  return `PE_${i}·PE_${j} = ${formatNumber(r.sim.data[i * s.length + j]!, 3)} (offset r − p = ${formatNumber(j - i, 0)})`;
}

export function sinusoidalSummary(s: SinusoidalState, r: SinusoidalResult): string {
  const n = s.length;
  const near = n > 1 ? r.sim.data[1]! : NaN;
  const far = n > 1 ? r.sim.data[n - 1]! : NaN;
  return `Sinusoidal: every position's vector has squared length d/2 = ${formatNumber(r.sim.data[0]!, 2)}; position 0 scores ${formatNumber(near, 2)} with position 1 and ${formatNumber(far, 2)} with position ${n - 1}.`;
}

// ---------------------------------------------------------------------------------------------
// 2. RoPE

export interface RopeState {
  readonly d: number;
  readonly pair: number;
  readonly pq: number;
  readonly pk: number;
  readonly shift: number;
}

export const ROPE_DEFAULTS: RopeState = { d: 8, pair: 0, pq: 5, pk: 2, shift: 10 };
export const ROPE_RULES = {
  d: { label: 'd', min: 2, max: 32, integer: true, even: true },
  pq: { label: 'Query position', min: 0, max: 4096, integer: true },
  pk: { label: 'Key position', min: 0, max: 4096, integer: true },
  shift: { label: 'Shift', min: 0, max: 4096, integer: true },
} as const;
/** The seeds of the fixed q and k. */
export const ROPE_SEEDS = { q: 11, k: 12 } as const;
/** Offsets plotted in the dot-product chart. */
export const ROPE_OFFSETS = 32;

export interface RopeResult {
  readonly q: Matrix;
  readonly k: Matrix;
  /** Rows: q at pq, q at pq+s. */
  readonly rq: Matrix;
  /** Rows: k at pk, k at pk+s. */
  readonly rk: Matrix;
  /** ⟨R_pq q, R_pk k⟩ and ⟨R_{pq+s} q, R_{pk+s} k⟩. */
  readonly dot: number;
  readonly dotShifted: number;
  /** q·k without rotation. */
  readonly plain: number;
  /** ⟨R_0 q, R_Δ k⟩ for Δ = −ROPE_OFFSETS … ROPE_OFFSETS. */
  readonly curve: number[];
}

export function computeRope(s: RopeState): RopeResult {
  const q = randomMatrix(1, s.d, ROPE_SEEDS.q); // 1×d
  const k = randomMatrix(1, s.d, ROPE_SEEDS.k); // 1×d
  const q2 = matrix([Array.from(q.data), Array.from(q.data)]); // 2×d
  const k2 = matrix([Array.from(k.data), Array.from(k.data)]); // 2×d
  const rq = rotaryEmbedding(q2, { positions: [s.pq, s.pq + s.shift] }); // 2×d
  const rk = rotaryEmbedding(k2, { positions: [s.pk, s.pk + s.shift] }); // 2×d
  const dots = matmul(rq, transpose(rk)); // 2×2
  const offsets = Array.from({ length: 2 * ROPE_OFFSETS + 1 }, (_x, i) => i - ROPE_OFFSETS);
  const kk = matrix(offsets.map(() => Array.from(k.data))); // (2·ROPE_OFFSETS+1)×d
  const rq0 = rotaryEmbedding(q, { positions: [0] }); // 1×d
  const rkk = rotaryEmbedding(kk, { positions: offsets }); // (2·ROPE_OFFSETS+1)×d
  return {
    q,
    k,
    rq,
    rk,
    dot: dots.data[0]!,
    dotShifted: dots.data[3]!,
    plain: matmul(q, transpose(k)).data[0]!,
    curve: toRows(matmul(rq0, transpose(rkk)))[0]!,
  };
}

/** Formats a tiny difference as "2.2 × 10⁻¹⁶" (or "0"). */
export function formatTiny(x: number): string {
  if (x === 0) return '0';
  const e = Math.floor(Math.log10(Math.abs(x)));
  if (e >= -3) return formatNumber(x, 4);
  const m = x / 10 ** e;
  const sup = String(e)
    .replace('-', '⁻')
    .replace(/\d/g, (c) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(c)]!);
  return `${formatNumber(m, 1)} × 10${sup}`;
}

export function ropeFigure(idPrefix: string, s: RopeState, r: RopeResult): string {
  const c0 = 2 * s.pair;
  const at = (m: Matrix, row: number, c: number): number => m.data[row * s.d + c]!;
  const plane = planeSvg({
    idPrefix,
    key: 'rope-plane',
    title: `Pair ${s.pair} (dimensions ${c0} and ${c0 + 1}) of q and k, before and after rotation`,
    desc: `Unrotated, q's pair is ${formatVector([at(r.q, 0, c0), at(r.q, 0, c0 + 1)])} and k's is ${formatVector([at(r.k, 0, c0), at(r.k, 0, c0 + 1)])}. At position ${s.pq} q's pair becomes ${formatVector([at(r.rq, 0, c0), at(r.rq, 0, c0 + 1)])}; at position ${s.pk} k's pair becomes ${formatVector([at(r.rk, 0, c0), at(r.rk, 0, c0 + 1)])}.`,
    extent: 2.5,
    size: 260,
    vectors: [
      { key: 'q0', x: at(r.q, 0, c0), y: at(r.q, 0, c0 + 1), colour: 0, label: 'q', faint: true, dashed: true },
      { key: 'k0', x: at(r.k, 0, c0), y: at(r.k, 0, c0 + 1), colour: 1, label: 'k', faint: true, dashed: true },
      { key: 'q', x: at(r.rq, 0, c0), y: at(r.rq, 0, c0 + 1), colour: 0, label: `q@${s.pq}` },
      { key: 'k', x: at(r.rk, 0, c0), y: at(r.rk, 0, c0 + 1), colour: 1, label: `k@${s.pk}` },
    ],
  });
  const off = s.pk - s.pq;
  let table = `${scrollBox('RoPE dot products table')}<table class="demo-table" data-matrix="rope"><caption>Dot products after RoPE (d = ${s.d}). Shifting both positions by the same amount keeps the offset, and the dot product with it.</caption>`;
  table += '<thead><tr><th scope="col">positions (q, k)</th><th scope="col">offset</th><th scope="col">R q · R k</th></tr></thead><tbody>';
  table += `<tr><th scope="row">(${s.pq}, ${s.pk})</th><td>${formatNumber(off, 0)}</td><td data-cell="dot" data-value="${r.dot}">${formatNumber(r.dot, 4)}</td></tr>`;
  table += `<tr><th scope="row">(${s.pq + s.shift}, ${s.pk + s.shift})</th><td>${formatNumber(off, 0)}</td><td data-cell="dot-shifted" data-value="${r.dotShifted}">${formatNumber(r.dotShifted, 4)}</td></tr>`;
  table += `<tr><th scope="row">no rotation</th><td>—</td><td data-cell="plain" data-value="${r.plain}">${formatNumber(r.plain, 4)}</td></tr>`;
  table += `</tbody><tfoot><tr><th scope="row" colspan="2">difference of the first two</th><td data-cell="difference">${formatTiny(r.dot - r.dotShifted)}</td></tr></tfoot></table></div>`;
  const chart = lineChart({
    idPrefix,
    key: 'rope-curve',
    title: 'RoPE dot product against the offset',
    desc: `⟨R_p q, R_(p+Δ) k⟩ for offsets Δ from −${ROPE_OFFSETS} to ${ROPE_OFFSETS}; it is the same for every p. The current offset is ${formatNumber(off, 0)}, where the value is ${formatNumber(r.dot, 3)}.`,
    xLabel: 'offset Δ = key position − query position',
    yLabel: 'R q · R k',
    series: [{ name: `q·k after RoPE (d = ${s.d})`, colour: 0, points: r.curve.map((v, i) => [i - ROPE_OFFSETS, v] as const) }],
    vlines: [{ x: Math.max(-ROPE_OFFSETS, Math.min(ROPE_OFFSETS, off)), label: 'current offset' }],
    height: 200,
  });
  return `<div class="demo__row"><div class="demo__plane">${plane}</div><div>${table}</div></div>${chart}`;
}

export function ropeSummary(s: RopeState, r: RopeResult): string {
  return `RoPE: at positions ${s.pq} and ${s.pk} the dot product is ${formatNumber(r.dot, 4)}; shifted by ${s.shift} to ${s.pq + s.shift} and ${s.pk + s.shift} it is ${formatNumber(r.dotShifted, 4)}, the same, because only the offset ${formatNumber(s.pk - s.pq, 0)} matters.`;
}

// ---------------------------------------------------------------------------------------------
// 3. ALiBi

export interface AlibiState {
  readonly heads: number;
  readonly train: number;
  readonly length: number;
  readonly head: number;
}

export const ALIBI_DEFAULTS: AlibiState = { heads: 8, train: 16, length: 32, head: 1 };
export const ALIBI_RULES = {
  heads: { label: 'Heads', min: 1, max: 16, integer: true },
  train: { label: 'Training length', min: 1, max: LIMITS.tokens, integer: true },
  length: { label: 'Sequence length', min: 1, max: LIMITS.tokens, integer: true },
  head: { label: 'Head shown', min: 1, max: 16, integer: true },
} as const;

export interface AlibiResult {
  readonly slopes: number[];
  /** n×n bias of the shown head. */
  readonly bias: Matrix;
  /** Per head: weights of the last query over keys, by distance 0 … n−1 (content-free scores). */
  readonly lastRow: number[][];
  /** Per head: attention mass at distances ≥ the training length. */
  readonly beyond: number[];
}

export function computeAlibi(s: AlibiState): AlibiResult {
  const n = s.length;
  const slopes = alibiSlopes(s.heads);
  const head = Math.min(s.head, s.heads);
  const bias = alibiBias(n, slopes[head - 1]!); // n×n
  const none = zeros(n, 1); // content-free: every q·k = 0, so the weights show the bias alone
  const lastRow: number[][] = [];
  const beyond: number[] = [];
  for (const m of slopes) {
    const { weights } = scaledDotProductAttention(none, none, none, { bias: alibiBias(n, m), causal: true }); // n×n
    const row = Array.from(weights.data.subarray((n - 1) * n, n * n)); // last query, keys 0 … n−1
    const byDistance = row.slice().reverse(); // distance 0 … n−1
    lastRow.push(byDistance);
    beyond.push(byDistance.slice(s.train).reduce((a, b) => a + b, 0));
  }
  return { slopes, bias, lastRow, beyond };
}

export function alibiFigure(idPrefix: string, s: AlibiState, r: AlibiResult, tables: TableModes = () => 'static'): string {
  const n = s.length;
  const head = Math.min(s.head, s.heads);
  let slopes = `${scrollBox('ALiBi slopes table')}<table class="demo-table" data-matrix="slopes"><caption>Slopes m of ${s.heads} heads (the authors' rule), and the share of the last query's attention (content-free) on keys at distance ≥ ${s.train}, the training length.</caption>`;
  slopes += `<thead><tr><th scope="col">head</th><th scope="col">slope m</th><th scope="col">attention at distance ≥ ${s.train}</th></tr></thead><tbody>`;
  r.slopes.forEach((m, k) => {
    slopes += `<tr${k + 1 === head ? ' class="is-current"' : ''}><th scope="row">${k + 1}</th><td data-cell="slope-${k}" data-value="${m}">${formatNumber(m, 4)}</td><td data-cell="beyond-${k}" data-value="${r.beyond[k]}">${formatNumber(100 * r.beyond[k]!, 1)}%</td></tr>`;
  });
  slopes += '</tbody></table></div>';
  const spec: HeatmapSpec = {
    key: 'bias',
    idPrefix,
    caption: `ALiBi bias of head ${head} (slope ${formatNumber(r.slopes[head - 1]!, 4)}), ${n}×${n}: −m·(i − j) for keys j ≤ i; keys after the query are masked (causal).`,
    rowLabels: range(n),
    colLabels: range(n),
    corner: 'i ↓ j →',
    values: r.bias,
    scale: 'sequential',
    masked: (i, j) => j > i,
    detail: 'Focus the heatmap and use the arrow keys (or hover) to read each bias.',
  };
  const heatmap = `<div>${heatmapSvg({ ...spec, rowAxis: 'i', colAxis: 'j' })}${tableInDetails('Bias as a table', spec, tables('bias'))}</div>`;
  const shown = r.lastRow.map((_row, k) => k).filter((k) => r.slopes.length <= 8 || k % 2 === 0 || k === r.slopes.length - 1);
  const chart = lineChart({
    idPrefix,
    key: 'alibi-chart',
    title: 'Where the last query looks, by distance, per head',
    desc: `Content-free attention weights of query ${n - 1} over keys at distance 0 to ${n - 1}. Steep heads stay within a few tokens; gentle heads spread over the whole context. The dashed line marks the training length ${s.train}.`,
    xLabel: 'distance i − j',
    yLabel: 'attention weight',
    series: shown.map((k) => ({
      name: `head ${k + 1} (m = ${formatNumber(r.slopes[k]!, 3)})`,
      colour: k,
      points: r.lastRow[k]!.map((w, dist) => [dist, w] as const),
    })),
    vlines: s.train < n ? [{ x: s.train, label: 'training length' }] : [],
    yDomain: [0, 1],
    height: 220,
  });
  return `<div class="demo__row">${heatmap}<div>${slopes}</div></div>${chart}`;
}

export function describeAlibi(s: AlibiState, r: AlibiResult, key: string, i: number, j: number): string {
  if (key !== 'bias') return '';
  const head = Math.min(s.head, s.heads);
  if (j > i) return `bias[${i}][${j}]: key ${j} comes after query ${i}, masked by the causal mask.`;
  return `bias[${i}][${j}] = −m·(i − j) = −${formatNumber(r.slopes[head - 1]!, 4)} × ${i - j} = ${formatNumber(r.bias.data[i * s.length + j]!, 3)}`;
}

export function alibiSummary(s: AlibiState, r: AlibiResult): string {
  const last = r.slopes.length - 1;
  const past =
    s.length > s.train
      ? `With ${s.length} tokens, past the training length ${s.train}`
      : `With ${s.length} tokens (within the training length ${s.train})`;
  return `ALiBi: ${past}, head 1 (m = ${formatNumber(r.slopes[0]!, 3)}) puts ${formatNumber(100 * r.beyond[0]!, 1)}% of its attention at distance ${s.train} or more and head ${last + 1} (m = ${formatNumber(r.slopes[last]!, 4)}) puts ${formatNumber(100 * r.beyond[last]!, 1)}%; the biases for the new distances simply continue the same lines.`;
}

/** The heading of each panel. */
export const PART_TITLES: Record<Part, string> = {
  sinusoidal: 'Sinusoidal encoding and its similarity matrix',
  rope: `Rotary embedding: pairs rotate with position`,
  alibi: 'ALiBi: linear biases per head, and lengths past training',
};
