/**
 * Efficient attention, three panels:
 *
 * 1. gallery: which (query, key) pairs each method scores, as 0/1 masks from src/compute — full and
 *    causal (slidingWindowMask with w = n), a sliding window (slidingWindowMask), the Sparse
 *    Transformer's strided and fixed patterns (Child et al. 2019, stridedPattern / fixedPattern),
 *    a window with global tokens (Longformer/BigBird, withGlobalTokens), and Linformer's k×n
 *    projection (Wang et al. 2020, linformerPooling) — with the nonzeros (countNonzero) of each.
 * 2. error: how far Linformer (segment-mean projections E = F = linformerPooling(k, n)) and the
 *    Performer (FAVOR+, performerAttention with randomProjection) are from exact softmax attention
 *    (scaledDotProductAttention) on the same random Q, K, V, as k and the number of features m grow.
 * 3. costs: FLOPs and extra memory against n for every method (attentionCost), log–log; the element
 *    adds the compute module's measured time per n in the reader's browser.
 *
 * The only arithmetic here is the relative error ‖A − B‖_F / ‖B‖_F, a read-out of compute outputs.
 */
import {
  attentionCost,
  countNonzero,
  fixedPattern,
  linformerAttention,
  linformerPooling,
  linformerProjection,
  performerAttention,
  randomProjection,
  scaledDotProductAttention,
  slidingWindowMask,
  stridedPattern,
  withGlobalTokens,
  type AttentionMethod,
  type Matrix,
} from '../../compute/index.ts';
import { formatNumber } from '../shared/format.ts';
import { heatmapSvg, tableInDetails, type HeatmapSpec, type TableModes } from '../shared/heatmap.ts';
import { escapeHtml, scrollBox } from '../shared/html.ts';
import { LIMITS, parseVectorField, type Parsed } from '../shared/input.ts';
import { formatBig, formatCount, logChart } from '../shared/log-chart.ts';
import { randomMatrix } from '../shared/tokens.ts';
import { pickParts } from '../shared/parts.ts';

export type Part = 'gallery' | 'error' | 'costs';
export const PARTS: readonly Part[] = ['gallery', 'error', 'costs'];

export function partsFor(show: string | undefined): Part[] {
  return pickParts(show, PARTS);
}

export const PART_TITLES: Record<Part, string> = {
  gallery: 'Attention patterns: which query–key pairs each method scores',
  error: 'Approximation error against exact softmax attention',
  costs: 'FLOPs and memory against sequence length, per method',
};

// ---------------------------------------------------------------------------------------------
// 1. Gallery

export interface GalleryState {
  /** Sequence length n. */
  readonly n: number;
  /** Sliding-window width w. */
  readonly window: number;
  readonly windowMode: 'causal' | 'symmetric';
  /** Sparse Transformer stride l. */
  readonly stride: number;
  /** Fixed pattern: summary cells c per block. */
  readonly summary: number;
  /** Global token positions, 0-based. */
  readonly globals: readonly number[];
  /** Linformer projected length k. */
  readonly k: number;
}

export const GALLERY_DEFAULTS: GalleryState = { n: 16, window: 2, windowMode: 'symmetric', stride: 4, summary: 1, globals: [0], k: 4 };

export const GALLERY_RULES = {
  n: { label: 'n', min: 2, max: LIMITS.tokens, integer: true },
  window: { label: 'Window w', min: 0, max: LIMITS.tokens, integer: true },
  stride: { label: 'Stride l', min: 1, max: LIMITS.tokens, integer: true },
  summary: { label: 'Summary cells c', min: 1, max: LIMITS.tokens, integer: true },
  k: { label: 'Linformer k', min: 1, max: LIMITS.tokens, integer: true },
} as const;

/** Parses "1, 9" (1-based positions) into 0-based global positions within [0, n). */
export function parseGlobals(raw: string, n: number, last: readonly number[]): Parsed<number[]> {
  if (raw.trim() === '') return { status: 'ok', value: [], message: '' };
  const parsed = parseVectorField(
    raw,
    { label: 'Global positions', minLength: 1, maxLength: 8, limit: 1e6 },
    last.map((g) => g + 1),
  );
  if (parsed.status === 'rejected') return { status: 'rejected', value: last.filter((g) => g < n), message: parsed.message };
  const notes: string[] = parsed.message ? [parsed.message.replace(/\.$/, '')] : [];
  const out: number[] = [];
  for (const x of parsed.value) {
    const p = Math.round(x);
    if (p !== x) notes.push(`${formatNumber(x)} is not a whole position`);
    if (p < 1 || p > n) {
      notes.push(`position ${Number.isInteger(x) ? String(x) : formatNumber(x)} is outside 1 … ${n}`);
      continue;
    }
    if (!out.includes(p - 1)) out.push(p - 1);
  }
  out.sort((a, b) => a - b);
  if (notes.length === 0) return { status: 'ok', value: out, message: '' };
  const text = notes.join('; ');
  return {
    status: 'adjusted',
    value: out,
    message: `${text.charAt(0).toUpperCase()}${text.slice(1)}; using ${out.length > 0 ? out.map((g) => g + 1).join(', ') : 'none'}.`,
  };
}

/** One pattern of the gallery. */
export interface Pattern {
  readonly key: string;
  readonly name: string;
  /** What the pattern keeps, in words. */
  readonly rule: string;
  /** The matrix drawn: an n×n 0/1 mask, or Linformer's k×n projection. */
  readonly matrix: Matrix;
  /** Scores computed: nonzeros of the mask, or n·k for Linformer. */
  readonly nonzeros: number;
  /** Whether `matrix` is the k×n projection rather than a mask. */
  readonly projection: boolean;
}

export interface GalleryResult {
  readonly patterns: readonly Pattern[];
  /** n² (scores of full attention). */
  readonly full: number;
}

export function computeGallery(s: GalleryState): GalleryResult {
  const n = s.n;
  const full = slidingWindowMask(n, n, 'symmetric'); // n×n, all ones
  const causal = slidingWindowMask(n, n, 'causal'); // n×n, j ≤ i
  const window = slidingWindowMask(n, s.window, s.windowMode); // n×n band
  const strided = stridedPattern(n, s.stride); // n×n
  const fixed = fixedPattern(n, s.stride, s.summary); // n×n
  const global = withGlobalTokens(slidingWindowMask(n, s.window, 'symmetric'), s.globals); // n×n
  const k = Math.min(s.k, n);
  const e = linformerPooling(k, n); // k×n
  const g = s.globals.map((x) => x + 1).join(', ');
  const patterns: Pattern[] = [
    { key: 'full', name: 'Full', rule: 'every query scores every key', matrix: full, nonzeros: countNonzero(full), projection: false },
    { key: 'causal', name: 'Causal', rule: 'key j ≤ query i', matrix: causal, nonzeros: countNonzero(causal), projection: false },
    {
      key: 'window',
      name: `Sliding window (w = ${s.window}, ${s.windowMode})`,
      rule: s.windowMode === 'causal' ? `i − ${s.window} ≤ j ≤ i` : `|i − j| ≤ ${s.window}`,
      matrix: window,
      nonzeros: countNonzero(window),
      projection: false,
    },
    {
      key: 'strided',
      name: `Strided (l = ${s.stride})`,
      rule: `the previous ${s.stride} keys, and every ${s.stride}-th key before them (j ≤ i)`,
      matrix: strided,
      nonzeros: countNonzero(strided),
      projection: false,
    },
    {
      key: 'fixed',
      name: `Fixed (l = ${s.stride}, c = ${s.summary})`,
      rule: `the query's own block of ${s.stride}, and the last ${s.summary === 1 ? 'cell' : `${s.summary} cells`} of every block (j ≤ i)`,
      matrix: fixed,
      nonzeros: countNonzero(fixed),
      projection: false,
    },
    {
      key: 'global',
      name: `Window + global tokens`,
      rule: `|i − j| ≤ ${s.window}, plus full rows and columns for ${g === '' ? 'no position' : `position${s.globals.length > 1 ? 's' : ''} ${g}`}`,
      matrix: global,
      nonzeros: countNonzero(global),
      projection: false,
    },
    {
      key: 'linformer',
      name: `Linformer projection E (k = ${k})`,
      rule: `each of k = ${k} rows averages a run of positions; queries score the ${k} projected keys`,
      matrix: e,
      nonzeros: n * k,
      projection: true,
    },
  ];
  return { patterns, full: n * n };
}

const labels = (count: number): string[] => Array.from({ length: count }, (_x, i) => String(i + 1));

function patternSpec(idPrefix: string, s: GalleryState, p: Pattern): HeatmapSpec {
  return {
    key: `pat-${p.key}`,
    idPrefix,
    caption: p.projection
      ? `${p.name}: a ${p.matrix.rows}×${p.matrix.cols} matrix; row r averages the keys it covers (entries 1/run length). Attention weights are n×k = ${formatCount(p.nonzeros)} scores instead of n² = ${formatCount(s.n * s.n)}.`
      : `${p.name}: ${p.rule}. ${formatCount(p.nonzeros)} of ${formatCount(s.n * s.n)} query–key pairs scored.`,
    rowLabels: labels(p.matrix.rows),
    colLabels: labels(p.matrix.cols),
    corner: p.projection ? 'row ↓ key →' : 'q ↓ k →',
    values: p.matrix,
    scale: 'sequential',
    ...(p.projection ? {} : { range: { min: 0, max: 1 } }),
    digits: p.projection ? 3 : 0,
    detail: 'Arrow keys read a cell.',
  };
}

export function galleryFigure(idPrefix: string, s: GalleryState, r: GalleryResult, tables: TableModes = () => 'static'): string {
  let html = '<div class="ea-gallery">';
  for (const p of r.patterns) {
    const spec = patternSpec(idPrefix, s, p);
    html += `<figure class="ea-card" data-pattern="${p.key}"><figcaption><strong>${escapeHtml(p.name)}</strong><br><span class="ea-count" data-count="${p.key}" data-value="${p.nonzeros}">${formatCount(p.nonzeros)}</span> ${p.projection ? 'scores (n·k)' : 'nonzeros'} · ${formatNumber((100 * p.nonzeros) / r.full, 1)}% of n²</figcaption>`;
    html += heatmapSvg({ ...spec, rowAxis: p.projection ? 'r' : 'q', colAxis: 'k' });
    html += '</figure>';
  }
  html += '</div>';
  let table = `${scrollBox('Scores per pattern table')}<table class="demo-table" data-matrix="counts"><caption>Query–key scores computed per pattern at n = ${s.n} (full attention: n² = ${formatCount(r.full)}).</caption><thead><tr><th scope="col">pattern</th><th scope="col">rule</th><th scope="col">scores</th><th scope="col">share of n²</th><th scope="col">mean per query</th></tr></thead><tbody>`;
  for (const p of r.patterns) {
    table += `<tr data-row="${p.key}"><th scope="row">${escapeHtml(p.name)}</th><td class="ea-rule">${escapeHtml(p.rule)}</td><td data-cell="nnz-${p.key}" data-value="${p.nonzeros}">${formatCount(p.nonzeros)}</td><td>${formatNumber((100 * p.nonzeros) / r.full, 1)}%</td><td>${formatNumber(p.nonzeros / s.n, 2)}</td></tr>`;
  }
  table += '</tbody></table></div>';
  const projection = r.patterns.find((p) => p.projection)!;
  return (
    html +
    table +
    tableInDetails('Linformer projection E as a table', patternSpec(idPrefix, s, projection), tables(`pat-${projection.key}`))
  );
}

export function describePattern(_s: GalleryState, r: GalleryResult, matrix: string, i: number, j: number): string {
  const p = r.patterns.find((x) => `pat-${x.key}` === matrix);
  if (!p) return '';
  const v = p.matrix.data[i * p.matrix.cols + j]!;
  if (p.projection)
    return `E[${i + 1}][${j + 1}] = ${formatNumber(v, 3)}: projected key ${i + 1} ${v > 0 ? `averages key ${j + 1} with weight ${formatNumber(v, 3)}` : `does not use key ${j + 1}`}.`;
  return `${p.name}: query ${i + 1} → key ${j + 1}: ${v !== 0 ? 'scored' : 'not scored'}.`;
}

export function gallerySummary(s: GalleryState, r: GalleryResult): string {
  const parts = r.patterns
    .filter((p) => p.key !== 'full')
    .map((p) => `${p.key === 'linformer' ? 'Linformer' : p.name.split(' (')[0]!.toLowerCase()} ${formatCount(p.nonzeros)}`);
  return `At n = ${s.n}, full attention scores ${formatCount(r.full)} pairs; ${parts.join(', ')}.`;
}

// ---------------------------------------------------------------------------------------------
// 2. Approximation error

export type InputKind = 'smooth' | 'random';

export const INPUT_KINDS: readonly { value: InputKind; label: string }[] = [
  { value: 'smooth', label: 'smooth (random walk)' },
  { value: 'random', label: 'independent random' },
];

export interface ErrorState {
  /** Smooth sequences (a random walk: neighbours are similar) or independent N(0, 1) rows. */
  readonly inputs: InputKind;
  readonly n: number;
  readonly d: number;
  readonly seed: number;
  /** Orthogonal random features (FAVOR+) or i.i.d. */
  readonly orthogonal: boolean;
  /** Projections averaged per Performer point. */
  readonly draws: number;
}

export const ERROR_DEFAULTS: ErrorState = { inputs: 'smooth', n: 32, d: 8, seed: 1, orthogonal: true, draws: 3 };

export const ERROR_RULES = {
  n: { label: 'n', min: 2, max: LIMITS.tokens, integer: true },
  d: { label: 'd', min: 1, max: 32, integer: true },
  seed: { label: 'Seed', min: 0, max: 1_000_000, integer: true },
  draws: { label: 'Draws', min: 1, max: 8, integer: true },
} as const;

/** Performer feature counts m of the curve. */
export const PERFORMER_MS: readonly number[] = [1, 2, 4, 8, 16, 32, 64, 128, 256];

/** Linformer lengths k: powers of two below n, and n itself. */
export function linformerKs(n: number): number[] {
  const out: number[] = [];
  for (let k = 1; k < n; k *= 2) out.push(k);
  out.push(n);
  return out;
}

/** ‖a − b‖_F / ‖b‖_F (0 when both are 0). */
export function relativeError(a: Matrix, b: Matrix): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < b.data.length; i++) {
    const diff = a.data[i]! - b.data[i]!;
    num += diff * diff;
    den += b.data[i]! * b.data[i]!;
  }
  return den === 0 ? Math.sqrt(num) : Math.sqrt(num / den);
}

export interface ErrorResult {
  readonly linformer: readonly { k: number; error: number }[];
  /** Linformer with untrained random Gaussian E, F (entries N(0, 1/k)), as in its Theorem 1. */
  readonly gaussian: readonly { k: number; error: number }[];
  readonly performer: readonly { m: number; error: number; errors: readonly number[] }[];
}

/** Step size of the random walk behind smooth inputs. */
export const WALK_STEP = 0.2;

/** An n×d input: independent N(0, 1) rows, or a random walk x_i = x_(i−1) + N(0, 0.2²) per entry. */
export function inputMatrix(kind: InputKind, n: number, d: number, seed: number): Matrix {
  if (kind === 'random') return randomMatrix(n, d, seed); // n×d
  const x = randomMatrix(n, d, seed, WALK_STEP); // n×d steps
  for (let i = 1; i < n; i++) for (let a = 0; a < d; a++) x.data[i * d + a]! += x.data[(i - 1) * d + a]!; // prefix sums
  return x;
}

/** Q, K, V of the error panel (n×d each). */
export function errorInputs(s: ErrorState): { q: Matrix; k: Matrix; v: Matrix } {
  return {
    q: inputMatrix(s.inputs, s.n, s.d, s.seed * 3 + 101),
    k: inputMatrix(s.inputs, s.n, s.d, s.seed * 3 + 102),
    v: inputMatrix(s.inputs, s.n, s.d, s.seed * 3 + 103),
  };
}

/** The seed of Performer draw t at m features. */
export function performerSeed(s: ErrorState, m: number, t: number): number {
  return s.seed * 10_000 + m * 10 + t;
}

export function computeError(s: ErrorState): ErrorResult {
  const { q, k, v } = errorInputs(s);
  const exact = scaledDotProductAttention(q, k, v).output; // n×d
  const linformer = linformerKs(s.n).map((kk) => {
    const e = linformerPooling(kk, s.n); // k×n, also used as F
    return { k: kk, error: relativeError(linformerAttention(q, k, v, e, e).output, exact) };
  });
  const gaussian = linformerKs(s.n).map((kk) => {
    const e = linformerProjection(kk, s.n, s.seed * 2 + 501); // k×n
    const f = linformerProjection(kk, s.n, s.seed * 2 + 502); // k×n
    return { k: kk, error: relativeError(linformerAttention(q, k, v, e, f).output, exact) };
  });
  const performer = PERFORMER_MS.map((m) => {
    const errors = Array.from({ length: s.draws }, (_x, t) =>
      relativeError(performerAttention(q, k, v, randomProjection(m, s.d, performerSeed(s, m, t), s.orthogonal)).output, exact),
    );
    return { m, error: errors.reduce((a, b) => a + b, 0) / errors.length, errors };
  });
  return { linformer, gaussian, performer };
}

export function errorFigure(idPrefix: string, s: ErrorState, r: ErrorResult): string {
  const lin = r.linformer;
  const perf = r.performer;
  const chart = logChart({
    idPrefix,
    key: 'ea-error',
    title: 'Relative error against exact softmax attention',
    desc: `‖approx − exact‖ / ‖exact‖ on the same ${s.inputs === 'smooth' ? 'smooth (random-walk)' : 'independent random'} Q, K, V (n = ${s.n}, d = ${s.d}). Linformer with segment-mean projections: ${formatNumber(lin[0]!.error, 3)} at k = 1, ${formatNumber(lin.at(-1)!.error, 3)} at k = n; with untrained random Gaussian projections: ${formatNumber(r.gaussian.at(-1)!.error, 3)} even at k = n. Performer (${s.orthogonal ? 'orthogonal' : 'i.i.d.'} features, mean of ${s.draws} draws): ${formatNumber(perf[0]!.error, 3)} at m = 1, ${formatNumber(perf.at(-1)!.error, 3)} at m = ${perf.at(-1)!.m}.`,
    xLabel: 'projected length k (Linformer) or random features m (Performer)',
    yLabel: 'relative error',
    xAxis: 'log2',
    yAxis: 'log10',
    series: [
      { name: 'Linformer, E = F = segment means', colour: 0, markers: true, points: lin.map((x) => [x.k, x.error] as const) },
      {
        name: 'Linformer, random Gaussian E, F (untrained)',
        colour: 2,
        markers: true,
        points: r.gaussian.map((x) => [x.k, x.error] as const),
      },
      {
        name: `Performer FAVOR+ (${s.orthogonal ? 'orthogonal' : 'i.i.d.'})`,
        colour: 1,
        markers: true,
        points: perf.map((x) => [x.m, x.error] as const),
      },
    ],
  });
  let table = `<div class="ea-tables">${scrollBox('Linformer error table')}<table class="demo-table" data-matrix="lin-error"><caption>Linformer error by k.</caption><thead><tr><th scope="col">k</th><th scope="col">segment means</th><th scope="col">random Gaussian</th></tr></thead><tbody>`;
  lin.forEach((x, i) => {
    const g = r.gaussian[i]!;
    table += `<tr><th scope="row">${x.k}</th><td data-cell="lin-${x.k}" data-value="${x.error}">${formatNumber(x.error, 4)}</td><td data-cell="gauss-${g.k}" data-value="${g.error}">${formatNumber(g.error, 4)}</td></tr>`;
  });
  table += `</tbody></table></div>${scrollBox('Performer error table')}<table class="demo-table" data-matrix="perf-error"><caption>Performer error by m (mean of ${s.draws} draws).</caption><thead><tr><th scope="col">m</th><th scope="col">relative error</th></tr></thead><tbody>`;
  for (const x of perf)
    table += `<tr><th scope="row">${x.m}</th><td data-cell="perf-${x.m}" data-value="${x.error}">${formatNumber(x.error, 4)}</td></tr>`;
  table += '</tbody></table></div></div>';
  const zero =
    lin.at(-1)!.error === 0
      ? `<p class="demo__note">At k = n = ${s.n} the segment-mean projection is the identity and the error is exactly 0, which a logarithmic axis cannot show.</p>`
      : '';
  return `${chart}${zero}<details class="hm-details" data-table-for="ea-error"><summary>The numbers</summary>${table}</details>`;
}

export function errorSummary(s: ErrorState, r: ErrorResult): string {
  const half = r.linformer.find((x) => x.k >= s.n / 2) ?? r.linformer.at(-1)!;
  const p64 = r.performer.find((x) => x.m === 64)!;
  const p256 = r.performer.at(-1)!;
  return `On ${s.inputs === 'smooth' ? 'smooth' : 'independent random'} inputs, Linformer's relative error is ${formatNumber(r.linformer[0]!.error, 3)} at k = 1, ${formatNumber(half.error, 3)} at k = ${half.k} and ${formatNumber(r.linformer.at(-1)!.error, 3)} at k = n = ${s.n} (untrained random Gaussian projections: ${formatNumber(r.gaussian.at(-1)!.error, 3)} at k = n); the Performer's is ${formatNumber(r.performer[0]!.error, 3)} with m = 1 feature, ${formatNumber(p64.error, 3)} with 64 and ${formatNumber(p256.error, 3)} with 256.`;
}

// ---------------------------------------------------------------------------------------------
// 3. Costs against n

export interface CostState {
  readonly d: number;
  readonly window: number;
  readonly k: number;
  readonly features: number;
  readonly block: number;
}

export const COST_DEFAULTS: CostState = { d: 64, window: 128, k: 256, features: 256, block: 64 };

export const COST_RULES = {
  d: { label: 'd', min: 1, max: 128, integer: true },
  window: { label: 'Window w', min: 0, max: 65_536, integer: true },
  k: { label: 'Linformer k', min: 1, max: 65_536, integer: true },
  features: { label: 'Performer m', min: 1, max: 65_536, integer: true },
  block: { label: 'Block size B', min: 1, max: 1024, integer: true },
} as const;

export const METHODS: readonly { method: AttentionMethod; name: string }[] = [
  { method: 'full', name: 'full softmax' },
  { method: 'flash', name: 'FlashAttention' },
  { method: 'sliding-window', name: 'sliding window' },
  { method: 'strided-sparse', name: 'strided sparse (l = ⌈√n⌉)' },
  { method: 'linformer', name: 'Linformer' },
  { method: 'linear', name: 'linear attention' },
  { method: 'performer', name: 'Performer' },
];

/** Sequence lengths of the cost curves: 256 … 131,072. */
export const COST_NS: readonly number[] = Array.from({ length: 10 }, (_x, i) => 2 ** (i + 8));
/** The n quoted in the summary. */
export const COST_MARK = 16_384;

export interface CostResult {
  /** Per method, per n: FLOPs and memory. */
  readonly rows: readonly { method: AttentionMethod; name: string; points: readonly { n: number; flops: number; memory: number }[] }[];
}

export function computeCosts(s: CostState): CostResult {
  return {
    rows: METHODS.map(({ method, name }) => ({
      method,
      name,
      points: COST_NS.map((n) => ({
        n,
        ...attentionCost(method, n, s.d, { window: s.window, k: s.k, features: s.features, blockSize: s.block }),
      })),
    })),
  };
}

/** Measured milliseconds per call, per method and n (filled in by the element in the browser). */
export interface Timing {
  readonly method: AttentionMethod;
  readonly name: string;
  readonly points: readonly { n: number; ms: number }[];
}

/** The sequence lengths and head width at which the browser times the compute module. */
export const TIMING_NS: readonly number[] = [64, 128, 256, 512];
export const TIMING_D = 32;

export function costsFigure(idPrefix: string, s: CostState, r: CostResult, timings: readonly Timing[] | null = null): string {
  const chart = (key: 'flops' | 'memory', title: string, yLabel: string): string =>
    logChart({
      idPrefix,
      key: `ea-${key}`,
      title,
      desc: `${title} for one head (d = ${s.d}), log–log, n = 256 … 131,072. At n = ${formatCount(COST_MARK)}: ${r.rows.map((row) => `${row.name} ${formatBig(row.points.find((p) => p.n === COST_MARK)![key])}`).join('; ')}.`,
      xLabel: 'sequence length n',
      yLabel,
      xAxis: 'log2',
      yAxis: 'log10',
      series: r.rows.map((row, i) => ({
        name: row.name,
        colour: i,
        markers: i >= 4,
        points: row.points.map((p) => [p.n, p[key]] as const),
      })),
      vlines: [{ x: COST_MARK, label: `n = ${compact(COST_MARK)}` }],
      height: 270,
    });
  let table = `<details class="hm-details" data-table-for="ea-costs"><summary>The numbers</summary>${scrollBox('FLOPs and memory table')}<table class="demo-table" data-matrix="ea-costs"><caption>FLOPs and extra memory (numbers held besides Q, K, V and the output) per method, d = ${s.d}, w = ${s.window}, k = ${s.k}, m = ${s.features}, B = ${s.block}.</caption><thead><tr><th scope="col">method</th>`;
  for (const n of COST_NS) table += `<th scope="col">n = ${compact(n)}</th>`;
  table += '</tr></thead><tbody>';
  for (const row of r.rows) {
    table += `<tr data-method="${row.method}"><th scope="row">${escapeHtml(row.name)}</th>`;
    for (const p of row.points)
      table += `<td data-cell="${row.method}-${p.n}" data-flops="${p.flops}" data-memory="${p.memory}">${formatBig(p.flops)}<br><span class="muted">${formatBig(p.memory)}</span></td>`;
    table += '</tr>';
  }
  table += '</tbody></table></div><p class="demo__note">Each cell: FLOPs, then memory.</p></details>';
  return `<div class="demo__row demo__row--pair"><div>${chart('flops', 'Arithmetic per attention head', 'FLOPs')}</div><div>${chart('memory', 'Extra memory per attention head', 'numbers held')}</div></div>${table}<div data-timing>${timingFigure(idPrefix, timings)}</div>`;
}

function compact(n: number): string {
  return n >= 1024 ? `${n / 1024}k` : String(n);
}

/** The measured-time chart and table, or the note asking the reader to measure. */
export function timingFigure(idPrefix: string, timings: readonly Timing[] | null, status = ''): string {
  if (timings === null || timings.length === 0) {
    return `<p class="demo__note ea-timing-note">${escapeHtml(status || `Time measured in your browser appears here: press “Measure in this browser” to run each compute function at n = ${TIMING_NS.join(', ')} (d = ${TIMING_D}).`)}</p>`;
  }
  const complete = timings.filter((t) => t.points.length > 0);
  const chart = logChart({
    idPrefix,
    key: 'ea-time',
    title: 'Measured time per call in this browser',
    desc: `Milliseconds per call of each src/compute function at d = ${TIMING_D}: ${complete.map((t) => `${t.name} ${t.points.map((p) => `${formatNumber(p.ms, 2)} ms at n = ${p.n}`).join(', ')}`).join('; ')}.`,
    xLabel: 'sequence length n',
    yLabel: 'ms per call',
    xAxis: 'log2',
    yAxis: 'log10',
    series: complete.map((t) => {
      const i = METHODS.findIndex((m) => m.method === t.method);
      return { name: t.name, colour: i, markers: true, points: t.points.map((p) => [p.n, p.ms] as const) };
    }),
    height: 250,
  });
  let table = `${scrollBox('Timing table')}<table class="demo-table" data-matrix="ea-time"><caption>Milliseconds per call measured in this browser (d = ${TIMING_D}).${status ? ` ${escapeHtml(status)}` : ''}</caption><thead><tr><th scope="col">method</th>`;
  for (const n of TIMING_NS) table += `<th scope="col">n = ${n}</th>`;
  table += '</tr></thead><tbody>';
  for (const t of timings) {
    table += `<tr data-method="${t.method}"><th scope="row">${escapeHtml(t.name)}</th>`;
    for (const n of TIMING_NS) {
      const p = t.points.find((x) => x.n === n);
      table += p ? `<td data-cell="time-${t.method}-${n}" data-value="${p.ms}">${formatNumber(p.ms, 2)}</td>` : '<td>…</td>';
    }
    table += '</tr>';
  }
  table += '</tbody></table></div>';
  return `${chart}${table}`;
}

export function costsSummary(s: CostState, r: CostResult): string {
  const at = (m: AttentionMethod): { flops: number; memory: number } =>
    r.rows.find((row) => row.method === m)!.points.find((p) => p.n === COST_MARK)!;
  return `At n = ${formatCount(COST_MARK)} and d = ${s.d}, full attention needs ${formatBig(at('full').flops)} FLOPs and holds ${formatBig(at('full').memory)} scores; FlashAttention does the same arithmetic holding ${formatBig(at('flash').memory)}; linear attention needs ${formatBig(at('linear').flops)} FLOPs, Linformer ${formatBig(at('linformer').flops)} and the Performer ${formatBig(at('performer').flops)}.`;
}
