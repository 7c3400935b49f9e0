/**
 * LoRA (Hu et al. 2021), two panels:
 *
 * 1. update: a frozen layer W0 (d×k) plus a rank-r update, h = x W0 + (α/r)·x A B (loraLinear), on a
 *    small seeded example; how the size of the update grows with α/r, and that B = 0 (the paper's
 *    initialisation) leaves the layer exactly as it was.
 * 2. cost: trainable parameters r·(d + k) against d·k for full fine-tuning, and the memory of
 *    training either way, for the reader's d, k and r.
 *
 * Pure: every layer output comes from src/compute's loraLinear.
 */
import { loraLinear, type Matrix } from '../../compute/index.ts';
import { lineChart } from '../shared/chart.ts';
import { formatBytes, formatNumber } from '../shared/format.ts';
import { scrollBox } from '../shared/html.ts';
import { formatCount } from '../shared/log-chart.ts';
import { pickParts } from '../shared/parts.ts';
import { rms } from '../shared/stats.ts';
import { randomMatrix } from '../shared/tokens.ts';

export type Part = 'update' | 'cost';
export const PARTS: readonly Part[] = ['update', 'cost'];

export function partsFor(show: string | undefined): Part[] {
  return pickParts(show, PARTS);
}

export const PART_TITLES: Record<Part, string> = {
  update: 'A frozen layer plus a rank-r update',
  cost: 'Parameters and memory against full fine-tuning',
};

// ---------------------------------------------------------------------------------------------
// 1. Update

export const UPDATE_SIZES = { n: 4, d: 8, k: 8 } as const;
export const RANK_CHOICES = [1, 2, 4, 8] as const;

export interface UpdateState {
  readonly r: number;
  readonly alpha: number;
  /** B = 0, as at the start of fine-tuning. */
  readonly fresh: boolean;
  readonly seed: number;
}

export const UPDATE_DEFAULTS: UpdateState = { r: 4, alpha: 8, fresh: false, seed: 1 };
export const UPDATE_RULES = {
  alpha: { label: 'α', min: 0, max: 64 },
  seed: { label: 'Seed', min: 0, max: 999999, integer: true },
} as const;
/** α values of the growth chart. */
export const ALPHAS = Array.from({ length: 17 }, (_x, i) => i * 4);

/** The seeded example: x (n×d), W0 (d×k), A (d×r, Gaussian as in the paper) and a trained-looking B (r×k). */
export function updateInputs(r: number, seed: number, fresh: boolean): { x: Matrix; w0: Matrix; a: Matrix; b: Matrix } {
  const { n, d, k } = UPDATE_SIZES;
  const base = (seed * 16) >>> 0;
  const b = randomMatrix(r, k, base + 4, 0.1); // small, as after a few steps from B = 0
  if (fresh) b.data.fill(0);
  return {
    x: randomMatrix(n, d, base + 1),
    w0: randomMatrix(d, k, base + 2, 1 / Math.sqrt(d)),
    a: randomMatrix(d, r, base + 3, 1 / Math.sqrt(d)),
    b,
  };
}

export interface UpdateResult {
  /** n×k: x W0, loraLinear with α = 0. */
  readonly base: Matrix;
  /** n×k: x W0 + (α/r)·x A B. */
  readonly adapted: Matrix;
  /** RMS of adapted − base, and of base. */
  readonly updateRms: number;
  readonly baseRms: number;
  /** updateRms / baseRms at each α of ALPHAS, for every rank of RANK_CHOICES (the same seed). */
  readonly growth: { r: number; values: number[] }[];
}

function diffRms(a: Matrix, b: Matrix): number {
  return rms(Array.from(a.data, (v, i) => v - b.data[i]!));
}

export function computeUpdate(s: UpdateState): UpdateResult {
  const { x, w0, a, b } = updateInputs(s.r, s.seed, s.fresh);
  const base = loraLinear(x, w0, a, b, 0); // n×k, = x W0
  const adapted = loraLinear(x, w0, a, b, s.alpha); // n×k
  const baseRms = rms(Array.from(base.data));
  const growth = RANK_CHOICES.map((r) => {
    const inp = updateInputs(r, s.seed, s.fresh);
    const b0 = loraLinear(inp.x, inp.w0, inp.a, inp.b, 0);
    return { r, values: ALPHAS.map((al) => diffRms(loraLinear(inp.x, inp.w0, inp.a, inp.b, al), b0) / baseRms) };
  });
  return { base, adapted, updateRms: diffRms(adapted, base), baseRms, growth };
}

export function updateFigure(idPrefix: string, s: UpdateState, r: UpdateResult): string {
  const { n, k } = UPDATE_SIZES;
  let table = `${scrollBox('LoRA layer outputs')}<table class="demo-table" data-matrix="lora"><caption>Row 1 of the ${n}×${k} outputs: the frozen layer x W0, and with the update at α = ${formatNumber(s.alpha, 1)}, r = ${s.r} (scale α/r = ${formatNumber(s.alpha / s.r, 2)})${s.fresh ? '; B = 0, so the two are identical' : ''}.</caption><thead><tr><th scope="col"></th>`;
  for (let c = 0; c < k; c++) table += `<th scope="col">${c + 1}</th>`;
  table += '</tr></thead><tbody>';
  const row = (key: string, label: string, m: Matrix): string => {
    let html = `<tr><th scope="row">${label}</th>`;
    for (let c = 0; c < k; c++) html += `<td data-cell="${key}-${c}" data-value="${m.data[c]}">${formatNumber(m.data[c]!, 3)}</td>`;
    return `${html}</tr>`;
  };
  table += row('base', 'x W0 (frozen)', r.base) + row('adapted', 'x W0 + (α/r) x A B', r.adapted);
  table += '</tbody></table></div>';
  const ratio = `<p class="lora-line">Size of the change, RMS of (α/r)·x A B over all ${n}×${k} outputs: <strong data-cell="update-rms" data-value="${r.updateRms}">${formatNumber(r.updateRms, 4)}</strong>, that is <span data-cell="update-ratio" data-value="${r.updateRms / r.baseRms}">${formatNumber((100 * r.updateRms) / r.baseRms, 1)}%</span> of the frozen output's RMS ${formatNumber(r.baseRms, 3)}.</p>`;
  const chart = lineChart({
    idPrefix,
    key: 'lora-growth',
    title: 'The update against α, per rank',
    desc: `RMS of the update relative to the frozen output, for α from 0 to ${ALPHAS.at(-1)}. It grows linearly in α. At a fixed α a larger r gives a smaller change here, because A B sums r random terms whose size grows only like √r while the scale α/r falls like 1/r.`,
    xLabel: 'α',
    yLabel: 'RMS(update) / RMS(x W0)',
    series: r.growth.map((g, i) => ({
      name: `r = ${g.r}`,
      colour: i,
      markers: g.r === s.r,
      points: g.values.map((v, j) => [ALPHAS[j]!, v] as const),
    })),
    vlines: [{ x: s.alpha, label: 'current α' }],
    height: 210,
  });
  return `${table}${ratio}${chart}`;
}

export function updateSummary(s: UpdateState, r: UpdateResult): string {
  if (s.fresh)
    return `With B = 0 the update (α/r)·x A B is zero, so the adapted layer gives exactly x W0: training starts from the pre-trained model.`;
  return `At r = ${s.r} and α = ${formatNumber(s.alpha, 1)} the update scales by α/r = ${formatNumber(s.alpha / s.r, 2)} and changes the outputs by ${formatNumber((100 * r.updateRms) / r.baseRms, 1)}% of their size; doubling α doubles that.`;
}

// ---------------------------------------------------------------------------------------------
// 2. Cost

export interface CostState {
  readonly d: number;
  readonly k: number;
  readonly r: number;
}

export const COST_DEFAULTS: CostState = { d: 4096, k: 4096, r: 8 };
export const COST_RULES = {
  d: { label: 'd', min: 1, max: 1_000_000, integer: true },
  k: { label: 'k', min: 1, max: 1_000_000, integer: true },
  r: { label: 'r', min: 1, max: 1_000_000, integer: true },
} as const;

/**
 * Bytes per parameter in mixed-precision training with Adam: a 16-bit weight that is trained also
 * has a 16-bit gradient, a 32-bit master copy and two 32-bit moments (2 + 2 + 4 + 4 + 4 = 16 bytes);
 * a frozen 16-bit weight needs only itself (2 bytes).
 */
export const BYTES = { trained: 16, frozen: 2 } as const;

export interface CostResult {
  readonly full: number;
  readonly lora: number;
  readonly fullBytes: number;
  readonly loraBytes: number;
}

export function computeCost(s: CostState): CostResult {
  const full = s.d * s.k;
  const lora = s.r * (s.d + s.k);
  return { full, lora, fullBytes: full * BYTES.trained, loraBytes: full * BYTES.frozen + lora * BYTES.trained };
}

export function costFigure(_idPrefix: string, s: CostState, r: CostResult): string {
  let table = `${scrollBox('LoRA cost table')}<table class="demo-table" data-matrix="lora-cost"><caption>One d×k = ${formatCount(s.d)}×${formatCount(s.k)} weight matrix, adapted at rank r = ${formatCount(s.r)}. Memory counts the weights, gradients and Adam state during training (16 bytes per trained parameter, 2 per frozen one), not activations.</caption>`;
  table +=
    '<thead><tr><th scope="col">method</th><th scope="col">trained parameters</th><th scope="col">share of d·k</th><th scope="col">training memory</th></tr></thead><tbody>';
  table += `<tr><th scope="row">full fine-tuning</th><td data-cell="full" data-value="${r.full}">${formatCount(r.full)}</td><td>100%</td><td data-cell="full-bytes" data-value="${r.fullBytes}">${formatBytes(r.fullBytes)}</td></tr>`;
  table += `<tr><th scope="row">LoRA, r = ${formatCount(s.r)}</th><td data-cell="lora" data-value="${r.lora}">${formatCount(r.lora)}</td><td data-cell="lora-share">${formatNumber((100 * r.lora) / r.full, 3)}%</td><td data-cell="lora-bytes" data-value="${r.loraBytes}">${formatBytes(r.loraBytes)}</td></tr>`;
  table += '</tbody></table></div>';
  const note =
    r.lora >= r.full
      ? `<p class="lora-line" data-cell="lora-note">At this rank the adapter has as many parameters as the matrix itself (r ≥ d·k/(d + k) = ${formatNumber((s.d * s.k) / (s.d + s.k), 1)}): LoRA saves nothing.</p>`
      : `<p class="lora-line" data-cell="lora-note">LoRA trains ${formatNumber(r.full / r.lora, 1)}× fewer parameters; the saved adapter is ${formatBytes(r.lora * 2)} in 16 bits, against ${formatBytes(r.full * 2)} for the whole matrix.</p>`;
  return `${table}${note}`;
}

export function costSummary(s: CostState, r: CostResult): string {
  return `For a ${formatCount(s.d)}×${formatCount(s.k)} matrix at rank ${formatCount(s.r)}, LoRA trains ${formatCount(r.lora)} parameters instead of ${formatCount(r.full)} (${formatNumber((100 * r.lora) / r.full, 3)}%), and training needs ${formatBytes(r.loraBytes)} instead of ${formatBytes(r.fullBytes)}.`;
}
