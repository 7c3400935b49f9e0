/**
 * ALiBi (Press, Smith & Lewis 2021): head k adds −m_k·(i − j) to the scores; past the training
 * length nothing new appears, only larger distances with ever smaller weights.
 *
 * Pure: every number comes from src/compute.
 */
import { alibiBias, alibiSlopes, scaledDotProductAttention, zeros, type Matrix } from '../../compute/index.ts';
import { lineChart } from '../shared/chart.ts';
import { formatNumber } from '../shared/format.ts';
import { heatmapSvg, indexLabels, tableInDetails, type HeatmapSpec, type TableModes } from '../shared/heatmap.ts';
import { LIMITS } from '../shared/input.ts';
import { scrollBox } from '../shared/html.ts';

export const TITLE = 'ALiBi: linear biases per head, and lengths past training';

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
  readonly pastTraining: number[];
}

export function computeAlibi(s: AlibiState): AlibiResult {
  const n = s.length;
  const slopes = alibiSlopes(s.heads);
  const head = Math.min(s.head, s.heads);
  const bias = alibiBias(n, slopes[head - 1]!); // n×n
  const none = zeros(n, 1); // content-free: every q·k = 0, so the weights show the bias alone
  const lastRow: number[][] = [];
  const pastTraining: number[] = [];
  for (const m of slopes) {
    const { weights } = scaledDotProductAttention(none, none, none, { bias: alibiBias(n, m), causal: true }); // n×n
    const row = Array.from(weights.data.subarray((n - 1) * n, n * n)); // last query, keys 0 … n−1
    const byDistance = row.slice().reverse(); // distance 0 … n−1
    lastRow.push(byDistance);
    pastTraining.push(byDistance.slice(s.train).reduce((a, b) => a + b, 0));
  }
  return { slopes, bias, lastRow, pastTraining };
}

export function alibiFigure(idPrefix: string, s: AlibiState, r: AlibiResult, tables: TableModes = () => 'static'): string {
  const n = s.length;
  const head = Math.min(s.head, s.heads);
  let slopes = `${scrollBox('ALiBi slopes table')}<table class="demo-table" data-matrix="slopes"><caption>Slopes m of ${s.heads} heads (the authors' rule), and the share of the last query's attention (content-free) on keys at distance ≥ ${s.train}, the training length.</caption>`;
  slopes += `<thead><tr><th scope="col">head</th><th scope="col">slope m</th><th scope="col">attention at distance ≥ ${s.train}</th></tr></thead><tbody>`;
  r.slopes.forEach((m, k) => {
    slopes += `<tr${k + 1 === head ? ' class="is-current"' : ''}><th scope="row">${k + 1}</th><td data-cell="slope-${k}" data-value="${m}">${formatNumber(m, 4)}</td><td data-cell="past-training-${k}" data-value="${r.pastTraining[k]}">${formatNumber(100 * r.pastTraining[k]!, 1)}%</td></tr>`;
  });
  slopes += '</tbody></table></div>';
  const spec: HeatmapSpec = {
    key: 'bias',
    idPrefix,
    caption: `ALiBi bias of head ${head} (slope ${formatNumber(r.slopes[head - 1]!, 4)}), ${n}×${n}: −m·(i − j) for keys j ≤ i; keys after the query are masked (causal).`,
    rowLabels: indexLabels(n),
    colLabels: indexLabels(n),
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
  return `ALiBi: ${past}, head 1 (m = ${formatNumber(r.slopes[0]!, 3)}) puts ${formatNumber(100 * r.pastTraining[0]!, 1)}% of its attention at distance ${s.train} or more and head ${last + 1} (m = ${formatNumber(r.slopes[last]!, 4)}) puts ${formatNumber(100 * r.pastTraining[last]!, 1)}%; the biases for the new distances simply continue the same lines.`;
}
