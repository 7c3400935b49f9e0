/**
 * The sinusoidal encoding of Vaswani et al. (2017, Section 3.5): PE[p][2i] = sin(p / base^(2i/d)),
 * PE[p][2i+1] = cos(p / base^(2i/d)); and the similarity PE·PEᵀ, which depends mostly on p − r.
 *
 * Pure: every number comes from src/compute.
 */
import { sinusoidalEncoding, type Matrix } from '../../compute/index.ts';
import { matmul, transpose } from '../../compute/matrix.ts';
import { formatNumber } from '../shared/format.ts';
import { heatmapSvg, indexLabels, tableInDetails, type HeatmapSpec, type TableModes } from '../shared/heatmap.ts';
import { LIMITS } from '../shared/input.ts';

export const TITLE = 'Sinusoidal encoding and its similarity matrix';

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

function sinSpecs(idPrefix: string, s: SinusoidalState, r: SinusoidalResult): { pe: HeatmapSpec; sim: HeatmapSpec } {
  return {
    pe: {
      key: 'pe',
      idPrefix,
      caption: `Sinusoidal encoding PE (${s.length} positions × d = ${s.d}; base ${formatNumber(s.base, 0)}). Even columns are sines, odd columns cosines; frequency falls from left to right.`,
      rowLabels: indexLabels(s.length),
      colLabels: indexLabels(s.d),
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
      rowLabels: indexLabels(s.length),
      colLabels: indexLabels(s.length),
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
