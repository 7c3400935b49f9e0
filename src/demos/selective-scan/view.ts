/**
 * The selective scan of Mamba (Gu & Dao 2023), two panels:
 *
 * 1. scan: one channel of a sequence u through the recurrence, with N = 2 state entries,
 *        h_t[n] = exp(Δ_t · A[n]) · h_{t−1}[n] + Δ_t · B_t[n] · u_t,      y_t = Σ_n C_t[n] · h_t[n]
 *    with B_t = C_t = 1. Δ_t is the same at every step, except at one step the reader picks (the
 *    "selection"): a large Δ there resets the state to that input, a small Δ lets it pass unnoticed.
 *    selectiveScan gives y; the state itself is read by scanning with C = e_n (one-hot), which makes
 *    y_t = h_t[n].
 * 2. cost: FLOPs and memory of the scan against attention as n grows. Attention's come from
 *    attentionCost (src/compute/attention-costs.ts); the scan's are counted the same way here:
 *    per step, channel and state: Δ·A, its exp, the product with h, Δ·B·u (two multiplies), the sum
 *    and the multiply–add with C (2), 8 FLOPs; plus 2 per step and channel for the skip D·u. It holds
 *    D·N numbers of state whatever n is.
 *
 * Pure: the recurrence runs in src/compute.
 */
import { attentionCost, matrix, selectiveScan, zeros, type Matrix } from '../../compute/index.ts';
import { selectiveScanFrom } from '../../compute/selective-scan.ts';
import { lineChart } from '../shared/chart.ts';
import { formatNumber, formatVector } from '../shared/format.ts';
import { scrollBox } from '../shared/html.ts';
import { formatBig, formatCount, logChart } from '../shared/log-chart.ts';
import { pickParts } from '../shared/parts.ts';

export type Part = 'scan' | 'cost';
export const PARTS: readonly Part[] = ['scan', 'cost'];

export function partsFor(show: string | undefined): Part[] {
  return pickParts(show, PARTS);
}

export const PART_TITLES: Record<Part, string> = {
  scan: 'The state over time: remembering and forgetting',
  cost: 'Cost against attention as the sequence grows',
};

// ---------------------------------------------------------------------------------------------
// 1. Scan

export interface ScanState {
  /** The input sequence, one channel. */
  readonly u: readonly number[];
  /** A[n] for the two state entries (negative: the state decays). */
  readonly a: readonly number[];
  /** Δ at every step. */
  readonly delta: number;
  /** The selected step (1-based) and its own Δ. */
  readonly step: number;
  readonly stepDelta: number;
}

export const SCAN_DEFAULTS: ScanState = { u: [1, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0], a: [-1, -0.1], delta: 0.5, step: 6, stepDelta: 0.5 };
export const SCAN_RULES = {
  u: { label: 'u', minLength: 1, maxLength: 64, limit: 100 },
  a: { label: 'A', minLength: 2, maxLength: 2, limit: 10 },
  delta: { label: 'Δ', min: 0, max: 10 },
  step: { label: 'Selected step', min: 1, max: 64, integer: true },
  stepDelta: { label: 'Δ at that step', min: 0, max: 10 },
} as const;

export interface ScanResult {
  /** Δ_t per step. */
  readonly deltas: number[];
  /** exp(Δ_t · A[n]): how much of the state survives step t, per state entry. */
  readonly keep: number[][];
  /** h_t[n], per state entry n (N rows of L values). */
  readonly h: number[][];
  /** y_t = h_t[0] + h_t[1]. */
  readonly y: number[];
}

/** u, Δ, A and the constant B of the one-channel example, as the L×1, L×1, 1×N and L×N matrices selectiveScan takes. */
export function scanInputs(s: ScanState): { u: Matrix; delta: Matrix; a: Matrix; b: Matrix; deltas: number[] } {
  const L = s.u.length;
  const N = s.a.length;
  const deltas = s.u.map((_x, t) => (t + 1 === s.step ? s.stepDelta : s.delta));
  const b = zeros(L, N);
  b.data.fill(1); // B_t = 1
  return { u: matrix(s.u.map((v) => [v])), delta: matrix(deltas.map((v) => [v])), a: matrix([s.a.slice()]), b, deltas };
}

export function computeScan(s: ScanState): ScanResult {
  const L = s.u.length;
  const N = s.a.length;
  const inp = scanInputs(s);
  const ones = zeros(L, N);
  ones.data.fill(1); // C_t = 1
  const y = selectiveScan(inp.u, inp.delta, inp.a, inp.b, ones); // L×1
  const h: number[][] = [];
  for (let n = 0; n < N; n++) {
    const pick = zeros(L, N); // C_t = e_n, so y_t = h_t[n]
    for (let t = 0; t < L; t++) pick.data[t * N + n] = 1;
    h.push(Array.from(selectiveScan(inp.u, inp.delta, inp.a, inp.b, pick).data));
  }
  // exp(Δ_t·A[n]): one step of the scan from the state h = 1 with no input leaves exactly that.
  const one = zeros(1, N);
  one.data.fill(1);
  const keepAt = inp.deltas.map((dt) => selectiveScanFrom(zeros(1, 1), matrix([[dt]]), inp.a, one, one, undefined, one).state.data);
  const keep = s.a.map((_an, n) => keepAt.map((k) => k[n]!));
  return { deltas: inp.deltas, keep, h, y: Array.from(y.data) };
}

export function scanFigure(idPrefix: string, s: ScanState, r: ScanResult): string {
  const L = s.u.length;
  const chart = lineChart({
    idPrefix,
    key: 'scan-state',
    title: 'The state h_t and the output y_t over the sequence',
    desc: `Two state entries with A = ${formatVector(s.a)}, Δ = ${formatNumber(s.delta, 2)} at every step and ${formatNumber(s.stepDelta, 2)} at step ${s.step}. The first entry ends at ${formatNumber(r.h[0]!.at(-1)!, 3)}, the second at ${formatNumber(r.h[1]!.at(-1)!, 3)}.`,
    xLabel: 'step t',
    yLabel: 'value',
    series: [
      { name: `h[1], A = ${formatNumber(s.a[0]!, 2)}`, colour: 0, markers: true, points: r.h[0]!.map((v, t) => [t + 1, v] as const) },
      { name: `h[2], A = ${formatNumber(s.a[1]!, 2)}`, colour: 2, markers: true, points: r.h[1]!.map((v, t) => [t + 1, v] as const) },
      { name: 'input u', colour: 1, noLine: true, points: s.u.map((v, t) => [t + 1, v] as const) },
    ],
    vlines: s.step <= L ? [{ x: s.step, label: 'selected step' }] : [],
    height: 230,
  });
  let table = `<details class="hm-details" open><summary>The numbers</summary>${scrollBox('Selective scan table')}<table class="demo-table" data-matrix="scan"><caption>Each step: its Δ, the share exp(Δ·A) of each state entry that survives it, the state and the output y = h[1] + h[2].</caption><thead><tr><th scope="col">step t</th><th scope="col">u</th><th scope="col">Δ</th><th scope="col">kept of h[1]</th><th scope="col">kept of h[2]</th><th scope="col">h[1]</th><th scope="col">h[2]</th><th scope="col">y</th></tr></thead><tbody>`;
  for (let t = 0; t < L; t++) {
    table += `<tr${t + 1 === s.step ? ' class="is-current"' : ''}><th scope="row">${t + 1}</th><td>${formatNumber(s.u[t]!, 2)}</td><td data-cell="delta-${t}" data-value="${r.deltas[t]}">${formatNumber(r.deltas[t]!, 2)}</td><td data-cell="keep0-${t}" data-value="${r.keep[0]![t]}">${formatNumber(r.keep[0]![t]!, 3)}</td><td data-cell="keep1-${t}" data-value="${r.keep[1]![t]}">${formatNumber(r.keep[1]![t]!, 3)}</td><td data-cell="h0-${t}" data-value="${r.h[0]![t]}">${formatNumber(r.h[0]![t]!, 3)}</td><td data-cell="h1-${t}" data-value="${r.h[1]![t]}">${formatNumber(r.h[1]![t]!, 3)}</td><td data-cell="y-${t}" data-value="${r.y[t]}">${formatNumber(r.y[t]!, 3)}</td></tr>`;
  }
  table += '</tbody></table></div></details>';
  return `${chart}${table}`;
}

export function scanSummary(s: ScanState, r: ScanResult): string {
  const t = Math.min(s.step, s.u.length) - 1;
  const k0 = r.keep[0]![t]!;
  const k1 = r.keep[1]![t]!;
  const added = r.deltas[t]! * s.u[t]!;
  const verdict =
    Math.max(k0, k1) < 0.05
      ? 'it forgets what it held and takes in the new input'
      : Math.min(k0, k1) > 0.95
        ? 'it keeps its state and hardly notices the input'
        : 'it mixes its old state with the new input';
  return `At step ${t + 1}, Δ = ${formatNumber(r.deltas[t]!, 2)} keeps ${formatNumber(100 * k0, 1)}% of h[1] and ${formatNumber(100 * k1, 1)}% of h[2] and adds Δ·u = ${formatNumber(added, 2)}: ${verdict}. The output ends at ${formatNumber(r.y.at(-1)!, 3)}.`;
}

// ---------------------------------------------------------------------------------------------
// 2. Cost

export interface CostState {
  /** Channels D (the model width the scan runs over) = the attention head width d here. */
  readonly d: number;
  /** State size N per channel. */
  readonly n: number;
}

export const COST_DEFAULTS: CostState = { d: 64, n: 16 };
export const COST_RULES = {
  d: { label: 'Width d', min: 1, max: 4096, integer: true },
  n: { label: 'State size N', min: 1, max: 1024, integer: true },
} as const;
/** Sequence lengths plotted. */
export const LENGTHS = Array.from({ length: 15 }, (_x, i) => 2 ** (i + 4)); // 16 … 262,144

/** FLOPs of the scan over L steps, D channels and N states: 8 per (t, j, n) plus 2 per (t, j) for the skip D·u. */
export function scanFlops(L: number, D: number, N: number): number {
  return L * D * (8 * N + 2);
}

export interface CostRow {
  readonly length: number;
  readonly attentionFlops: number;
  readonly attentionMemory: number;
  readonly scanFlops: number;
  readonly scanMemory: number;
}

export interface CostResult {
  readonly rows: CostRow[];
  /** The first length at which the scan needs fewer FLOPs than attention, if any. */
  readonly crossover: number | null;
}

export function computeCost(s: CostState): CostResult {
  const rows = LENGTHS.map((length) => {
    const a = attentionCost('full', length, s.d);
    return { length, attentionFlops: a.flops, attentionMemory: a.memory, scanFlops: scanFlops(length, s.d, s.n), scanMemory: s.d * s.n };
  });
  const cross = rows.find((r) => r.scanFlops < r.attentionFlops);
  return { rows, crossover: cross ? cross.length : null };
}

export function costFigure(idPrefix: string, s: CostState, r: CostResult): string {
  const flops = logChart({
    idPrefix,
    key: 'scan-flops',
    title: 'FLOPs against sequence length',
    desc: `Full attention (attentionCost) grows with n²; the selective scan with D = ${s.d} channels and N = ${s.n} states grows with n.`,
    xLabel: 'sequence length n',
    yLabel: 'FLOPs',
    xAxis: 'log2',
    yAxis: 'log10',
    series: [
      { name: 'full attention', colour: 1, markers: true, points: r.rows.map((x) => [x.length, x.attentionFlops] as const) },
      { name: 'selective scan', colour: 0, markers: true, points: r.rows.map((x) => [x.length, x.scanFlops] as const) },
    ],
    height: 230,
  });
  let table = `${scrollBox('Scan and attention costs')}<table class="demo-table" data-matrix="scan-cost"><caption>One attention head of width d = ${s.d} against one scan over D = ${s.d} channels with N = ${s.n} states. Memory is what each holds besides its inputs and outputs: the n×n scores, or the D×N state.</caption><thead><tr><th scope="col">n</th><th scope="col">attention FLOPs</th><th scope="col">scan FLOPs</th><th scope="col">attention memory</th><th scope="col">scan memory</th></tr></thead><tbody>`;
  for (const x of r.rows) {
    table += `<tr><th scope="row">${formatCount(x.length)}</th><td data-cell="att-flops-${x.length}" data-value="${x.attentionFlops}">${formatBig(x.attentionFlops)}</td><td data-cell="scan-flops-${x.length}" data-value="${x.scanFlops}">${formatBig(x.scanFlops)}</td><td data-cell="att-mem-${x.length}" data-value="${x.attentionMemory}">${formatBig(x.attentionMemory)}</td><td data-cell="scan-mem-${x.length}" data-value="${x.scanMemory}">${formatCount(x.scanMemory)}</td></tr>`;
  }
  table += '</tbody></table></div>';
  return `${flops}<details class="hm-details"><summary>The numbers</summary>${table}</details>`;
}

export function costSummary(s: CostState, r: CostResult): string {
  const last = r.rows.at(-1)!;
  const cross = r.crossover === null ? 'at none of the lengths shown' : `from n = ${formatCount(r.crossover)} on`;
  return `With d = ${s.d} and N = ${s.n}, the scan needs fewer FLOPs than full attention ${cross}; at n = ${formatCount(last.length)} attention needs ${formatBig(last.attentionFlops)} FLOPs and ${formatBig(last.attentionMemory)} numbers of scores, the scan ${formatBig(last.scanFlops)} FLOPs and ${formatCount(last.scanMemory)} numbers of state.`;
}
