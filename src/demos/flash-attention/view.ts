/**
 * FlashAttention stepper (Dao et al. 2022, "FlashAttention", arXiv:2205.14135, Algorithm 1), two panels:
 *
 * 1. stepper: flashAttention(Q, K, V, { blockSize: B, causal, trace: true }) on small random Q, K, V.
 *    Step t shows the t-th tile visit of the trace: which blocks Q_i, K_j, V_j are loaded, the tile's
 *    scores S_ij (the only scores that exist at that moment), each row's running max m and sum ℓ, and
 *    the output rows O/ℓ so far converging to scaledDotProductAttention's output.
 * 2. costs: memory held and HBM traffic against n for standard attention and FlashAttention, from
 *    src/compute's formulas (attentionCost, standardAttentionHbmAccesses, flashAttentionHbmAccesses),
 *    with flashAttention's measured peakScratchElements overlaid.
 *
 * Every number comes from src/compute; this file only arranges the trace for display.
 */
import {
  attentionCost,
  flashAttention,
  flashAttentionHbmAccesses,
  scaledDotProductAttention,
  standardAttentionHbmAccesses,
  type FlashStep,
  type Matrix,
} from '../../compute/index.ts';
import { formatNumber, subscript } from '../shared/format.ts';
import { escapeHtml, scrollBox } from '../shared/html.ts';
import { formatBig, formatCount, logChart } from '../shared/log-chart.ts';
import { randomMatrix } from '../shared/tokens.ts';
import { pickParts } from '../shared/parts.ts';

export type Part = 'stepper' | 'costs';
export const PARTS: readonly Part[] = ['stepper', 'costs'];

/** The panels to show for a `show` prop ("stepper", "costs", a comma list, or "all"). */
export function partsFor(show: string | undefined): Part[] {
  return pickParts(show, PARTS);
}

export const PART_TITLES: Record<Part, string> = {
  stepper: 'FlashAttention tile by tile: online softmax with a running max and sum',
  costs: 'Memory held and HBM traffic against sequence length',
};

// ---------------------------------------------------------------------------------------------
// 1. Stepper

export interface StepperState {
  /** Sequence length n (queries = keys). */
  readonly n: number;
  /** Head dimension d (= d_v). */
  readonly d: number;
  /** Block size B (rows per query and key block). */
  readonly block: number;
  readonly causal: boolean;
  /** Seed of the random Q, K, V. */
  readonly seed: number;
  /** Tiles visited so far, 0 … steps. */
  readonly step: number;
}

export const STEPPER_DEFAULTS: StepperState = { n: 8, d: 4, block: 2, causal: false, seed: 1, step: 5 };

export const STEPPER_RULES = {
  n: { label: 'n', min: 1, max: 32, integer: true },
  d: { label: 'd', min: 1, max: 8, integer: true },
  block: { label: 'Block size B', min: 1, max: 32, integer: true },
  seed: { label: 'Seed', min: 0, max: 1_000_000, integer: true },
} as const;

/** Q, K, V of the stepper: n×d matrices of N(0, 1) entries from three seeds derived from `seed`. */
export function stepperInputs(n: number, d: number, seed: number): { q: Matrix; k: Matrix; v: Matrix } {
  return {
    q: randomMatrix(n, d, seed * 3 + 1), // n×d
    k: randomMatrix(n, d, seed * 3 + 2), // n×d
    v: randomMatrix(n, d, seed * 3 + 3), // n×d
  };
}

/** The display state of one query row after some tiles. */
export interface RowState {
  /** Running max m (−∞ before any allowed score). */
  readonly m: number;
  /** Running sum ℓ. */
  readonly l: number;
  /** O/ℓ so far (0 while ℓ = 0). */
  readonly output: readonly number[];
  /** Key tiles that have updated this row so far. */
  readonly tiles: number;
}

export interface StepperResult {
  readonly steps: readonly FlashStep[];
  /** The exact output, scaledDotProductAttention (n×d). */
  readonly exact: Matrix;
  /** flashAttention's final output (n×d). */
  readonly output: Matrix;
  readonly peakScratchElements: number;
  /** The formula 4Bd + B² + 3B (B capped at n), attentionCost('flash', …).memory. */
  readonly formulaMemory: number;
  /** n² of standard attention's score matrix, attentionCost('full', …).memory. */
  readonly fullMemory: number;
  /** Row states after `step` tiles. */
  readonly rows: readonly RowState[];
  /** Scores computed so far (entries of visited, non-skipped tiles, masked ones included). */
  readonly scoresComputed: number;
  /** The step shown (clamped to the number of steps). */
  readonly step: number;
  /** Largest |flash − exact| over all entries of the final output. */
  readonly maxError: number;
}

/** Runs flashAttention with a trace and reconstructs every row's statistics after `step` tiles. */
export function computeStepper(s: StepperState): StepperResult {
  const { q, k, v } = stepperInputs(s.n, s.d, s.seed);
  const block = Math.min(s.block, s.n);
  const flash = flashAttention(q, k, v, { blockSize: block, causal: s.causal, trace: true });
  const exact = scaledDotProductAttention(q, k, v, { causal: s.causal }).output; // n×d
  const steps = flash.steps ?? [];
  const step = Math.max(0, Math.min(steps.length, s.step));
  const rows: RowState[] = Array.from({ length: s.n }, () => ({ m: -Infinity, l: 0, output: new Array<number>(s.d).fill(0), tiles: 0 }));
  let scoresComputed = 0;
  for (let t = 0; t < step; t++) {
    const st = steps[t]!;
    if (st.skipped) continue;
    scoresComputed += (st.queryEnd - st.queryStart) * (st.keyEnd - st.keyStart);
    for (let r = st.queryStart; r < st.queryEnd; r++) {
      const local = r - st.queryStart;
      rows[r] = { m: st.rowMaxAfter[local]!, l: st.rowSumAfter[local]!, output: st.output[local]!, tiles: rows[r]!.tiles + 1 };
    }
  }
  let maxError = 0;
  for (let i = 0; i < exact.data.length; i++) maxError = Math.max(maxError, Math.abs(exact.data[i]! - flash.output.data[i]!));
  return {
    steps,
    exact,
    output: flash.output,
    peakScratchElements: flash.peakScratchElements,
    formulaMemory: attentionCost('flash', s.n, s.d, { blockSize: block }).memory,
    fullMemory: attentionCost('full', s.n, s.d).memory,
    rows,
    scoresComputed,
    step,
    maxError,
  };
}

/** "3–4" or "3" (1-based, inclusive) for rows [start, end). */
export function rangeText(start: number, end: number): string {
  return end - start === 1 ? String(start + 1) : `${start + 1}–${end}`;
}

/** What the status line says about the tile visited at step t (1-based), or the start/end state. */
export function stepText(s: StepperState, r: StepperResult): string {
  const total = r.steps.length;
  if (r.step === 0) {
    return `Step 0 of ${total}: nothing loaded yet. Every row starts with m = −∞, ℓ = 0 and O = 0. The ${Math.ceil(s.n / Math.min(s.block, s.n))} key blocks form the outer loop, the query blocks the inner loop.`;
  }
  const st = r.steps[r.step - 1]!;
  const where = `key block ${st.keyBlock + 1} (K, V rows ${rangeText(st.keyStart, st.keyEnd)}) with query block ${st.queryBlock + 1} (Q rows ${rangeText(st.queryStart, st.queryEnd)})`;
  if (st.skipped)
    return `Step ${r.step} of ${total}: ${where} is skipped: under the causal mask every key of the block comes after every query of the block, so nothing is loaded.`;
  const done = r.step === total ? ' All tiles are done; each output row is divided by its ℓ and matches standard attention.' : '';
  return `Step ${r.step} of ${total}: ${where}. On chip: Q${subscript(st.queryBlock + 1)}, K${subscript(st.keyBlock + 1)}, V${subscript(st.keyBlock + 1)}, O and the m, ℓ of rows ${rangeText(st.queryStart, st.queryEnd)}.${done}`;
}

/** The tile-map cell state of score (i, j) at the shown step. */
export type CellKind = 'current' | 'done' | 'pending' | 'skipped';

/** Index of the trace step that covers (i, j). */
function stepIndexOf(r: StepperResult, i: number, j: number): number {
  return r.steps.findIndex((st) => i >= st.queryStart && i < st.queryEnd && j >= st.keyStart && j < st.keyEnd);
}

/** Whether score (i, j) has been computed, is being computed, is pending, or is skipped. */
export function cellKind(r: StepperResult, i: number, j: number): { kind: CellKind; index: number } {
  const index = stepIndexOf(r, i, j);
  if (index < 0) return { kind: 'pending', index };
  const st = r.steps[index]!;
  if (index === r.step - 1) return { kind: st.skipped ? 'skipped' : 'current', index };
  if (index < r.step - 1) return { kind: st.skipped ? 'skipped' : 'done', index };
  return { kind: 'pending', index };
}

function vectorCells(values: readonly number[], key: string, row: number, digits = 3): string {
  return values.map((x, c) => `<td data-cell="${key}-${row}-${c}" data-value="${x}">${formatNumber(x, digits)}</td>`).join('');
}

/** The stepper figure: status, tile map, row statistics and the memory counter. */
export function stepperFigure(idPrefix: string, s: StepperState, r: StepperResult): string {
  const n = s.n;
  const block = Math.min(s.block, n);
  const cur = r.step > 0 ? r.steps[r.step - 1]! : null;
  let html = `<p class="fa-status" data-status>${escapeHtml(stepText(s, r))}</p>`;

  // Tile map: the n×n score matrix, of which only the current tile exists.
  html += `${scrollBox('Score tiles table')}<table class="hm fa-tiles" data-matrix="tiles" data-grid aria-describedby="${idPrefix}-tiles-detail"><caption>Scores S = Q·Kᵀ/√d (${n}×${n}) in ${block}×${block} tiles. Only the current tile is held, so only its scores are printed; visited tiles were used and discarded${s.causal ? '; hatched tiles lie above the causal diagonal and are skipped' : ''}.</caption>`;
  html += '<thead><tr><th scope="col" class="hm-corner">q ↓ k →</th>';
  for (let j = 0; j < n; j++) {
    const loaded = cur !== null && !cur.skipped && j >= cur.keyStart && j < cur.keyEnd;
    html += `<th scope="col" class="${j % block === 0 && j > 0 ? 'fa-bl ' : ''}${loaded ? 'fa-loaded' : ''}">k${subscript(j + 1)}</th>`;
  }
  html += '</tr></thead><tbody>';
  for (let i = 0; i < n; i++) {
    const loaded = cur !== null && !cur.skipped && i >= cur.queryStart && i < cur.queryEnd;
    html += `<tr${i % block === 0 && i > 0 ? ' class="fa-bt"' : ''}><th scope="row"${loaded ? ' class="fa-loaded"' : ''}>q${subscript(i + 1)}</th>`;
    for (let j = 0; j < n; j++) {
      const { kind } = cellKind(r, i, j);
      const edge = j % block === 0 && j > 0 ? ' fa-bl' : '';
      const tab = i === 0 && j === 0 ? '0' : '-1';
      let content: string;
      let extra = '';
      if (kind === 'current' && cur) {
        const sc = cur.scores[i - cur.queryStart]![j - cur.keyStart]!;
        extra = ` data-value="${sc}"`;
        content = sc === -Infinity ? '<span aria-hidden="true">−∞</span><span class="visually-hidden">masked</span>' : formatNumber(sc, 2);
      } else if (kind === 'done') content = '<span class="visually-hidden">used and discarded</span>';
      else if (kind === 'skipped') content = '<span class="visually-hidden">skipped</span>';
      else content = '<span class="visually-hidden">not yet</span>';
      html += `<td class="hm-cell fa-${kind}${edge}" data-i="${i}" data-j="${j}" tabindex="${tab}"${extra}>${content}</td>`;
    }
    html += '</tr>';
  }
  html += `</tbody></table></div><p class="hm-detail" id="${idPrefix}-tiles-detail" data-detail-for="tiles" aria-live="polite">Focus the tile map (Tab, then arrow keys) to read a cell.</p>`;

  // Row statistics.
  const dShown = s.d;
  html += `${scrollBox('Running statistics table')}<table class="demo-table fa-rows" data-matrix="rows"><caption>Running statistics per query row after step ${r.step}: max m, sum ℓ = Σ exp(s − m) over the keys seen, and the output so far O/ℓ against the exact softmax(S)V.</caption><thead><tr><th scope="col">row</th><th scope="col">tiles seen</th><th scope="col">m</th><th scope="col">ℓ</th>`;
  for (let c = 0; c < dShown; c++) html += `<th scope="col">o[${c + 1}]</th>`;
  html += '<th scope="col">max |o − exact|</th></tr></thead><tbody>';
  r.rows.forEach((row, i) => {
    const active = cur !== null && !cur.skipped && i >= cur.queryStart && i < cur.queryEnd;
    let err = 0;
    for (let c = 0; c < s.d; c++) err = Math.max(err, Math.abs(row.output[c]! - r.exact.data[i * s.d + c]!));
    html += `<tr data-row="${i}"${active ? ' class="fa-active"' : ''}><th scope="row">q${subscript(i + 1)}</th><td>${row.tiles}</td>`;
    html += `<td data-cell="m-${i}" data-value="${row.m}">${formatNumber(row.m, 3)}</td><td data-cell="l-${i}" data-value="${row.l}">${formatNumber(row.l, 3)}</td>`;
    html += vectorCells(row.output.slice(0, dShown), 'o', i);
    html += `<td data-cell="err-${i}" data-value="${err}">${err < 5e-13 ? '0.000' : formatNumber(err, 3)}</td></tr>`;
  });
  html += '</tbody></table></div>';

  // Memory counter.
  const parts = `4Bd = ${4 * block * s.d} for the blocks of Q, K, V and O, B² = ${block * block} for the tile S, 3B = ${3 * block} for m, ℓ and m_new`;
  html += `<div class="fa-counter" data-counter><p><strong>Held on chip at once:</strong> <span data-value="${r.peakScratchElements}" data-out="peak">${formatCount(r.peakScratchElements)}</span> numbers (measured peakScratchElements; the formula 4Bd + B² + 3B gives ${formatCount(r.formulaMemory)}: ${parts}). <strong>Standard attention</strong> holds the whole score matrix: n² = <span data-out="full" data-value="${r.fullMemory}">${formatCount(r.fullMemory)}</span> numbers, and as many again for the probabilities P.</p>`;
  const pct = r.fullMemory > 0 ? (100 * r.scoresComputed) / r.fullMemory : 0;
  html += `<p>Scores computed so far: <span data-out="computed" data-value="${r.scoresComputed}">${formatCount(r.scoresComputed)}</span> of ${formatCount(r.fullMemory)} (${formatNumber(pct, 0)}%), never more than ${formatCount(block * block)} at a time.${r.step === r.steps.length ? ` Final output: max |flash − standard| = ${r.maxError === 0 ? '0' : r.maxError.toExponential(1)}.` : ''}</p>`;
  const fill = Math.min(100, (100 * r.peakScratchElements) / Math.max(1, r.fullMemory));
  html += `<div class="fa-bars" aria-hidden="true"><div class="fa-bar"><span class="fa-bar__label">flash</span><span class="demo-bar__track"><span class="demo-bar__fill" style="width:${formatNumber(fill, 1)}%"></span></span></div><div class="fa-bar"><span class="fa-bar__label">n²</span><span class="demo-bar__track"><span class="demo-bar__fill demo-bar__fill--alt" style="width:100%"></span></span></div></div></div>`;
  return html;
}

/** The term behind a tile-map cell, for the detail line. */
export function describeTile(_s: StepperState, r: StepperResult, i: number, j: number): string {
  const { kind, index } = cellKind(r, i, j);
  const where = `q${subscript(i + 1)} · k${subscript(j + 1)}`;
  if (kind === 'current') {
    const cur = r.steps[index]!;
    const sc = cur.scores[i - cur.queryStart]![j - cur.keyStart]!;
    if (sc === -Infinity)
      return `${where}: masked by the causal mask (key ${j + 1} comes after query ${i + 1}), so s = −∞ and it adds exp(−∞) = 0 to ℓ.`;
    const m = cur.rowMaxAfter[i - cur.queryStart]!;
    return `${where}: s = ${formatNumber(sc, 3)} in the current tile; it adds exp(s − m_new) = exp(${formatNumber(sc, 3)} − ${formatNumber(m, 3)}) = ${formatNumber(Math.exp(sc - m), 3)} to ℓ.`;
  }
  if (kind === 'done') return `${where}: computed at step ${index + 1}, folded into m, ℓ and O of row ${i + 1}, then discarded.`;
  if (kind === 'skipped') return `${where}: in a tile wholly above the causal diagonal; it is never loaded or computed.`;
  return `${where}: not computed yet (tile of step ${index + 1}).`;
}

/** The aria-live sentence of the stepper. */
export function stepperSummary(_s: StepperState, r: StepperResult): string {
  const cur = r.step > 0 ? r.steps[r.step - 1]! : null;
  const head = `Step ${r.step} of ${r.steps.length}`;
  if (!cur)
    return `${head}: no tile loaded; memory held ${formatCount(r.peakScratchElements)} numbers against n² = ${formatCount(r.fullMemory)}.`;
  if (cur.skipped) return `${head}: tile skipped by the causal mask; statistics unchanged.`;
  const i = cur.queryStart;
  const row = r.rows[i]!;
  return `${head}: query rows ${rangeText(cur.queryStart, cur.queryEnd)} against keys ${rangeText(cur.keyStart, cur.keyEnd)}; row ${i + 1} now has running max ${formatNumber(row.m, 3)} and sum ${formatNumber(row.l, 3)}; ${formatCount(r.scoresComputed)} of ${formatCount(r.fullMemory)} scores computed, at most ${formatCount(r.peakScratchElements)} numbers held.`;
}

// ---------------------------------------------------------------------------------------------
// 2. Costs against n

export interface CostState {
  /** Head dimension d. */
  readonly d: number;
  /** Block size B for the memory formula and the measured runs. */
  readonly block: number;
  /** SRAM size M in numbers, for the HBM-traffic formula. */
  readonly sram: number;
}

/** d = 64, B = 64, M = 100,000 numbers (about the 192 KB on-chip memory of one A100 SM, in fp16). */
export const COST_DEFAULTS: CostState = { d: 64, block: 64, sram: 100_000 };

export const COST_RULES = {
  d: { label: 'd', min: 1, max: 128, integer: true },
  block: { label: 'Block size B', min: 1, max: 256, integer: true },
  sram: { label: 'SRAM M', min: 64, max: 10_000_000, integer: true },
} as const;

/** Sequence lengths of the formula curves: 8 … 65,536. */
export const COST_NS: readonly number[] = Array.from({ length: 14 }, (_x, i) => 2 ** (i + 3));
/** Sequence lengths at which flashAttention is run to measure its peak scratch memory. */
export const MEASURED_NS: readonly number[] = [8, 16, 32, 64, 128];
/** The n marked on the plots and quoted in the summary. */
export const MARK_N = 4096;

/** Runs flashAttention at each n of MEASURED_NS and returns its peakScratchElements. */
export function measureScratch(d: number, block: number, ns: readonly number[] = MEASURED_NS): number[] {
  return ns.map((n) => {
    const { q, k, v } = stepperInputs(n, d, 7);
    return flashAttention(q, k, v, { blockSize: block }).peakScratchElements;
  });
}

export interface CostRow {
  readonly n: number;
  readonly fullMemory: number;
  readonly flashMemory: number;
  readonly standardHbm: number;
  readonly flashHbm: number;
}

export interface CostResult {
  readonly rows: readonly CostRow[];
  /** Measured peakScratchElements at MEASURED_NS. */
  readonly measured: readonly number[];
  /** B_c = ⌈M/4d⌉ of Algorithm 1. */
  readonly blockColumns: number;
}

/** The formula curves (from src/compute) and the measured points. */
export function computeCosts(s: CostState, measured: readonly number[]): CostResult {
  const rows = COST_NS.map((n) => ({
    n,
    fullMemory: attentionCost('full', n, s.d).memory,
    flashMemory: attentionCost('flash', n, s.d, { blockSize: s.block }).memory,
    standardHbm: standardAttentionHbmAccesses(n, s.d),
    flashHbm: flashAttentionHbmAccesses(n, s.d, s.sram),
  }));
  return { rows, measured, blockColumns: Math.ceil(s.sram / (4 * s.d)) };
}

/** The two log–log plots and their numbers table. */
export function costsFigure(idPrefix: string, s: CostState, r: CostResult): string {
  const mark = r.rows.find((row) => row.n === MARK_N)!;
  const memory = logChart({
    idPrefix,
    key: 'fa-memory',
    title: 'Extra memory held against sequence length',
    desc: `Numbers held besides Q, K, V and O, log–log. Standard attention holds the n×n scores (${formatCount(mark.fullMemory)} at n = ${MARK_N}); FlashAttention holds one tile's working set, 4Bd + B² + 3B = ${formatCount(mark.flashMemory)} at B = ${s.block}, d = ${s.d}, whatever n is. The measured peakScratchElements of flashAttention at n = ${MEASURED_NS.join(', ')} is ${r.measured.map(formatCount).join(', ')}.`,
    xLabel: 'sequence length n',
    yLabel: 'numbers held',
    xAxis: 'log2',
    yAxis: 'log10',
    series: [
      { name: 'standard attention: n²', colour: 1, points: r.rows.map((row) => [row.n, row.fullMemory] as const) },
      { name: `FlashAttention formula 4Bd + B² + 3B`, colour: 0, points: r.rows.map((row) => [row.n, row.flashMemory] as const) },
      {
        name: 'flashAttention measured (peakScratchElements)',
        colour: 2,
        noLine: true,
        points: MEASURED_NS.map((n, i) => [n, r.measured[i]!] as const),
      },
    ],
    vlines: [{ x: MARK_N, label: `n = ${MARK_N}` }],
  });
  const traffic = logChart({
    idPrefix,
    key: 'fa-hbm',
    title: 'HBM reads and writes against sequence length',
    desc: `Numbers moved between HBM and the chip, log–log. Standard attention: 4nd + 4n² (${formatBig(mark.standardHbm)} at n = ${MARK_N}). FlashAttention with SRAM M = ${formatCount(s.sram)}: 3nd + 2n + ⌈n/B_c⌉(3nd + 4n) with B_c = ⌈M/4d⌉ = ${r.blockColumns} (${formatBig(mark.flashHbm)} at n = ${MARK_N}).`,
    xLabel: 'sequence length n',
    yLabel: 'HBM accesses',
    xAxis: 'log2',
    yAxis: 'log10',
    series: [
      { name: 'standard: 4nd + 4n²', colour: 1, points: r.rows.map((row) => [row.n, row.standardHbm] as const) },
      { name: `FlashAttention, M = ${formatCount(s.sram)}`, colour: 0, points: r.rows.map((row) => [row.n, row.flashHbm] as const) },
    ],
    vlines: [{ x: MARK_N, label: `n = ${MARK_N}` }],
  });
  let table = `<details class="hm-details" data-table-for="fa-costs"><summary>The numbers</summary>${scrollBox('Memory and HBM traffic table')}<table class="demo-table" data-matrix="fa-costs"><caption>Memory and HBM traffic per n (d = ${s.d}, B = ${s.block}, M = ${formatCount(s.sram)}).</caption><thead><tr><th scope="col">n</th><th scope="col">standard memory n²</th><th scope="col">flash memory</th><th scope="col">flash measured</th><th scope="col">standard HBM</th><th scope="col">flash HBM</th><th scope="col">traffic ratio</th></tr></thead><tbody>`;
  for (const row of r.rows) {
    const mi = MEASURED_NS.indexOf(row.n);
    const measured = mi >= 0 ? r.measured[mi]! : null;
    table += `<tr data-n="${row.n}"><th scope="row">${formatCount(row.n)}</th><td data-value="${row.fullMemory}">${formatCount(row.fullMemory)}</td><td data-value="${row.flashMemory}">${formatCount(row.flashMemory)}</td><td${measured === null ? '' : ` data-value="${measured}"`}>${measured === null ? '—' : formatCount(measured)}</td><td data-value="${row.standardHbm}">${formatBig(row.standardHbm)}</td><td data-value="${row.flashHbm}">${formatBig(row.flashHbm)}</td><td>${formatNumber(row.standardHbm / row.flashHbm, 1)}×</td></tr>`;
  }
  table += '</tbody></table></div></details>';
  return `<div class="demo__row demo__row--pair"><div>${memory}</div><div>${traffic}</div></div>${table}`;
}

/** The aria-live sentence of the costs panel. */
export function costsSummary(s: CostState, r: CostResult): string {
  const mark = r.rows.find((row) => row.n === MARK_N)!;
  return `At n = ${formatCount(MARK_N)} and d = ${s.d}, standard attention holds ${formatCount(mark.fullMemory)} scores and makes ${formatBig(mark.standardHbm)} HBM accesses; FlashAttention holds ${formatCount(mark.flashMemory)} numbers (measured: ${formatCount(r.measured.at(-1) ?? 0)} at n = ${MEASURED_NS.at(-1)}) and makes ${formatBig(mark.flashHbm)}, ${formatNumber(mark.standardHbm / mark.flashHbm, 1)} times fewer.`;
}
