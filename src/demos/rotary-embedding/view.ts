/**
 * RoPE (Su et al. 2021, Eqs. 14–16): each pair (2i, 2i+1) of q and k rotates by p·θ_i, so
 * ⟨R_p q, R_r k⟩ depends on r − p only: shifting both positions changes nothing.
 *
 * Pure: every number comes from src/compute.
 */
import { matrix, rotaryEmbedding, toRows, type Matrix } from '../../compute/index.ts';
import { matmul, transpose } from '../../compute/matrix.ts';
import { lineChart, planeSvg } from '../shared/chart.ts';
import { formatNumber, formatVector } from '../shared/format.ts';
import { randomMatrix } from '../shared/tokens.ts';
import { scrollBox } from '../shared/html.ts';

export const TITLE = 'Rotary embedding: pairs rotate with position';

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
