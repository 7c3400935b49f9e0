/**
 * Attention playground: one 2-D query against three 2-D keys (values = keys), so every number of
 * Eq. (1) of Vaswani et al. (2017) fits on a plane:
 *
 *     s_j = q·k_j / (T·√d),   w = softmax(s),   o = Σ_j w_j k_j      (d = 2, temperature T)
 *
 * Pure: computes with src/compute and returns markup strings; used by the Astro component at build
 * time and by the custom element in the browser.
 */
import { matrix, scaledDotProductAttention, temperatureScale, toRows } from '../../compute/index.ts';
import { scrollBox } from '../shared/html.ts';
import { matmul, transpose } from '../../compute/matrix.ts';
import { planeSvg, type PlaneVector } from '../shared/chart.ts';
import { cellColour } from '../shared/colour.ts';
import { formatNumber, formatVector, subscript } from '../shared/format.ts';
import { argmax } from '../shared/stats.ts';

/** The inputs: a query, the keys and the softmax temperature. */
export interface PlaygroundState {
  readonly q: readonly [number, number];
  readonly keys: readonly (readonly [number, number])[];
  readonly temperature: number;
}

/** Coordinates stay within ±EXTENT (the plane's edge). */
export const EXTENT = 3;
/** Temperature bounds of the slider. */
export const TEMPERATURE = { min: 0.1, max: 5, step: 0.1 } as const;

export const DEFAULTS: PlaygroundState = {
  q: [1.5, 1],
  keys: [
    [2, 0.5],
    [-1, 2],
    [0.5, -1.5],
  ],
  temperature: 1,
};

/** Everything the figure shows. */
export interface PlaygroundResult {
  /** q·k_j. */
  readonly dots: number[];
  /** 1/(T·√d). */
  readonly scale: number;
  /** s_j = scale · q·k_j. */
  readonly scores: number[];
  /** softmax(s). */
  readonly weights: number[];
  /** o = Σ_j w_j k_j. */
  readonly output: [number, number];
}

/** Runs the state through src/compute. */
export function computePlayground(s: PlaygroundState): PlaygroundResult {
  const q = matrix([[...s.q]]); // 1×2
  const k = matrix(s.keys.map((key) => [...key])); // m×2
  const scale = temperatureScale(s.temperature, 2);
  const { weights, output } = scaledDotProductAttention(q, k, k, { scale }); // 1×m, 1×2 (values = keys)
  const dots = toRows(matmul(q, transpose(k)))[0]!; // 1×m: q·k_j
  return {
    dots,
    scale,
    scores: dots.map((d) => d * scale),
    weights: Array.from(weights.data),
    output: [output.data[0]!, output.data[1]!],
  };
}

/** The plane: keys (thicker when they get more weight), the query (draggable) and the output. */
export function planeFigure(idPrefix: string, s: PlaygroundState, r: PlaygroundResult): string {
  const vectors: PlaneVector[] = [
    ...s.keys.map((k, j) => ({
      key: `k${j + 1}`,
      x: k[0],
      y: k[1],
      colour: j + 1,
      label: `k${subscript(j + 1)}`,
      handle: `Key k${j + 1}`,
    })),
    { key: 'o', x: r.output[0], y: r.output[1], colour: 5, label: 'o', dashed: true },
    { key: 'q', x: s.q[0], y: s.q[1], colour: 0, label: 'q', handle: 'Query q' },
  ];
  const svg = planeSvg({
    idPrefix,
    key: 'plane',
    title: 'Query and keys on a plane',
    desc: planeDescription(s, r),
    extent: EXTENT,
    vectors,
    handleHint: `${idPrefix}-hint`,
  });
  return weightStyles(svg, r.weights);
}

/** The SVG's <desc>: every vector in words. */
export function planeDescription(s: PlaygroundState, r: PlaygroundResult): string {
  return `The query q = ${formatVector(s.q)} and keys ${s.keys.map((k, j) => `k${j + 1} = ${formatVector(k)}`).join(', ')}. The dashed arrow is the output o = ${formatVector(r.output)}, the weighted average of the keys (values equal keys here).`;
}

/** Adds each key's weight as --w to its group, so its arrow thickens with the weight. */
function weightStyles(svg: string, weights: readonly number[]): string {
  return svg.replace(
    /data-vec="k(\d+)" style="([^"]*)"/g,
    (_m, j: string, style: string) => `data-vec="k${j}" style="${style};--w:${Math.round((weights[Number(j) - 1] ?? 0) * 1000) / 1000}"`,
  );
}

/** The numbers: per key its coordinates, dot product, scaled score and weight, then the output. */
export function numbersTable(s: PlaygroundState, r: PlaygroundResult): string {
  let html = `${scrollBox('Scores and weights table')}<table class="demo-table" data-matrix="playground"><caption>Scores and weights for q = ${formatVector(s.q)} at temperature T = ${formatNumber(s.temperature)}; d = 2, so each score is q·k / (T·√2) = q·k × ${formatNumber(r.scale, 3)}.</caption>`;
  html +=
    '<thead><tr><th scope="col">key</th><th scope="col">k<sub>j</sub></th><th scope="col">q·k<sub>j</sub></th><th scope="col">score s<sub>j</sub></th><th scope="col">weight w<sub>j</sub></th></tr></thead><tbody>';
  s.keys.forEach((k, j) => {
    const c = cellColour(r.weights[j]!, 'sequential', { min: 0, max: 1 });
    html += `<tr><th scope="row">k${subscript(j + 1)}</th><td data-cell="key-${j}">${formatVector(k)}</td><td data-cell="dot-${j}" data-value="${r.dots[j]}">${formatNumber(r.dots[j]!)}</td>`;
    html += `<td data-cell="score-${j}" data-value="${r.scores[j]}">${formatNumber(r.scores[j]!)}</td><td class="hm-cell ${c.className}" data-cell="weight-${j}" data-value="${r.weights[j]}">${formatNumber(r.weights[j]!, 3)}</td></tr>`;
  });
  html += `</tbody><tfoot><tr><th scope="row">output o</th><td colspan="4" data-cell="output" data-value="${r.output.join(',')}">Σ w<sub>j</sub> k<sub>j</sub> = ${formatVector(r.output)}</td></tr></tfoot></table></div>`;
  return html;
}

/** The aria-live sentence. */
export function summary(s: PlaygroundState, r: PlaygroundResult): string {
  const j = argmax(r.weights);
  const w = r.weights[j] ?? 0;
  const lead =
    w > 0.9
      ? `Query q puts almost all its attention on key k${j + 1} (weight ${formatNumber(w, 3)})`
      : w < 1 / r.weights.length + 0.1
        ? `Query q spreads its attention almost evenly; key k${j + 1} gets the most (weight ${formatNumber(w, 3)})`
        : `Query q attends most to key k${j + 1} (weight ${formatNumber(w, 3)})`;
  return `${lead} at temperature ${formatNumber(s.temperature)}; the output is ${formatVector(r.output)}.`;
}
