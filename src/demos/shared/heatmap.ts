/**
 * Heatmap builders shared by every demo: one function renders a matrix as
 *
 * - heatmapTable: an HTML <table> with a <caption>, row and column headers and one coloured cell per
 *   entry showing its number. Cells use a roving tabindex (one Tab stop per table; arrow keys move,
 *   see demo-element.ts), so every number can be reached and read from the keyboard;
 * - heatmapSvg: an inline SVG for matrices too large to print every number (e.g. 32×32 encodings).
 *   It is keyboard-focusable; arrow keys move a cursor and the cell's value is read out in the
 *   detail line. Pair it with heatmapTable inside <details> when the numbers must be available.
 *
 * Both return plain strings, so the Astro component (build time) and the custom element (browser)
 * produce identical markup from the same inputs.
 */
import type { Matrix } from '../../compute/index.ts';
import { cellColour, valueRange, type ColourRange, type ColourScale } from './colour.ts';
import { formatNumber } from './format.ts';
import { attrs, escapeHtml, px } from './html.ts';

/** A matrix given either as a compute Matrix or as nested rows. */
export type MatrixLike = Matrix | readonly (readonly number[])[];

function dims(m: MatrixLike): { rows: number; cols: number; at: (i: number, j: number) => number } {
  if ('data' in m) return { rows: m.rows, cols: m.cols, at: (i, j) => m.data[i * m.cols + j]! };
  return { rows: m.length, cols: m.length === 0 ? 0 : m[0]!.length, at: (i, j) => m[i]![j]! };
}

function allValues(m: MatrixLike, masked?: (i: number, j: number) => boolean): number[] {
  const { rows, cols, at } = dims(m);
  const out: number[] = [];
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (!masked?.(i, j)) out.push(at(i, j));
  return out;
}

/** Row or column labels "0", "1", … "n − 1" (positions, dimensions). */
export function indexLabels(n: number, from = 0): string[] {
  return Array.from({ length: n }, (_x, i) => String(i + from));
}

/** What a heatmap shows. */
export interface HeatmapSpec {
  /** Identifies the matrix inside its demo (data-matrix); the element's describeCell receives it. */
  readonly key: string;
  /** Prefix for element ids, unique on the page (the demo instance id). */
  readonly idPrefix: string;
  /** The caption (tables) or title (SVG): what the matrix is, with its shape. */
  readonly caption: string;
  readonly rowLabels: readonly string[];
  readonly colLabels: readonly string[];
  /** Text of the top-left header cell, e.g. "query ↓ key →". */
  readonly corner?: string;
  readonly values: MatrixLike;
  /** Decimals shown (default 2). */
  readonly digits?: number;
  readonly scale: ColourScale;
  /** Fixed colour range; by default the range of the shown values. */
  readonly range?: ColourRange;
  /** Entries to draw as masked (hatched, showing maskedText). */
  readonly masked?: (i: number, j: number) => boolean;
  /** What a masked entry shows (default "−∞"); screen readers hear "masked". */
  readonly maskedText?: string;
  /** Rows to dim (e.g. padding tokens). */
  readonly dimRow?: (i: number) => boolean;
  /** Adds a detail line under the heatmap that shows the term behind the hovered or focused cell. */
  readonly detail?: string;
}

/** The id of a heatmap's detail line. */
export function detailId(spec: Pick<HeatmapSpec, 'idPrefix' | 'key'>): string {
  return `${spec.idPrefix}-${spec.key}-detail`;
}

function detailLine(spec: HeatmapSpec): string {
  if (spec.detail === undefined) return '';
  return `<p class="hm-detail" id="${detailId(spec)}" data-detail-for="${escapeHtml(spec.key)}" aria-live="polite">${escapeHtml(spec.detail)}</p>`;
}

/** An HTML table heatmap with every number printed. */
export function heatmapTable(spec: HeatmapSpec): string {
  const { rows, cols, at } = dims(spec.values);
  const digits = spec.digits ?? 2;
  const range = spec.range ?? valueRange(allValues(spec.values, spec.masked), spec.scale);
  const maskedText = spec.maskedText ?? '\u2212∞';
  let html = `<div class="hm-scroll"><table class="hm" data-matrix="${escapeHtml(spec.key)}" data-grid${spec.detail !== undefined ? ` aria-describedby="${detailId(spec)}"` : ''}>`;
  html += `<caption>${escapeHtml(spec.caption)}</caption><thead><tr><th scope="col" class="hm-corner">${escapeHtml(spec.corner ?? '')}</th>`;
  for (let j = 0; j < cols; j++) html += `<th scope="col">${escapeHtml(spec.colLabels[j] ?? String(j + 1))}</th>`;
  html += '</tr></thead><tbody>';
  for (let i = 0; i < rows; i++) {
    html += `<tr${spec.dimRow?.(i) ? ' class="hm-dim"' : ''}><th scope="row">${escapeHtml(spec.rowLabels[i] ?? String(i + 1))}</th>`;
    for (let j = 0; j < cols; j++) {
      const v = at(i, j);
      const tabindex = i === 0 && j === 0 ? '0' : '-1';
      if (spec.masked?.(i, j)) {
        html += `<td class="hm-cell hm-masked" data-i="${i}" data-j="${j}" data-masked tabindex="${tabindex}"><span aria-hidden="true">${escapeHtml(maskedText)}</span><span class="visually-hidden">masked</span></td>`;
        continue;
      }
      const c = cellColour(v, spec.scale, range);
      html += `<td class="hm-cell ${c.className}" data-i="${i}" data-j="${j}" data-value="${v}" tabindex="${tabindex}">${formatNumber(v, digits)}</td>`;
    }
    html += '</tr>';
  }
  html += '</tbody></table></div>';
  return html + detailLine(spec);
}

/** Geometry of an SVG heatmap: cell size and margins in viewBox units. */
export interface SvgGrid {
  readonly cell: number;
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Room for labels: `words` leaves space for every row and column label (rotated column labels). */
export interface SvgLabels {
  readonly words?: boolean;
}

function labelWidth(labels: readonly string[]): number {
  return Math.max(0, ...labels.map((l) => l.length)) * 6.2 + 8;
}

/** The SVG layout for a rows×cols heatmap: square cells about 320 units wide in all, room for labels. */
export function svgGrid(
  rows: number,
  cols: number,
  rowLabels: readonly string[] = [],
  colLabels: readonly string[] = [],
  words = false,
): SvgGrid {
  const cell = Math.max(4, Math.min(24, Math.floor(320 / Math.max(cols, 1))));
  const left = words ? Math.max(26, labelWidth(rowLabels)) : 26;
  const top = words ? Math.max(16, labelWidth(colLabels) * 0.87) : 16;
  return { cell, left, top, width: Math.ceil(left + cols * cell + 4), height: Math.ceil(top + rows * cell + (words ? 4 : 14)) };
}

function tickStep(n: number): number {
  return n <= 10 ? 1 : n <= 24 ? 4 : n <= 48 ? 8 : 16;
}

/** An SVG heatmap (numbers via the cursor read-out, or a companion table). */
export function heatmapSvg(spec: HeatmapSpec & SvgLabels & { readonly rowAxis: string; readonly colAxis: string }): string {
  const { rows, cols, at } = dims(spec.values);
  const words = spec.words === true;
  const g = svgGrid(rows, cols, spec.rowLabels, spec.colLabels, words);
  const range = spec.range ?? valueRange(allValues(spec.values, spec.masked), spec.scale);
  const titleId = `${spec.idPrefix}-${spec.key}-title`;
  const label = `${spec.caption} Arrow keys move between cells; the value of the current cell is read out below the heatmap.`;
  let svg = `<svg class="hm-svg${words ? ' hm-svg--words' : ''}" viewBox="0 0 ${g.width} ${g.height}" width="${g.width}" height="${g.height}"${attrs(
    {
      role: 'application',
      'aria-roledescription': 'heatmap',
      'aria-label': label,
      'aria-describedby': spec.detail !== undefined ? detailId(spec) : undefined,
      tabindex: 0,
      'data-matrix': spec.key,
      'data-grid': true,
      'data-rows': rows,
      'data-cols': cols,
      'data-cell': g.cell,
      'data-left': g.left,
      'data-top': g.top,
    },
  )}><title id="${titleId}">${escapeHtml(spec.caption)}</title>`;
  // One path per colour class: a few elements instead of rows·cols rects keeps redraws within a frame.
  const paths = new Map<string, string>();
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const cls = spec.masked?.(i, j) ? 'hm-masked' : cellColour(at(i, j), spec.scale, range).className;
      paths.set(cls, `${paths.get(cls) ?? ''}M${px(g.left + j * g.cell)} ${px(g.top + i * g.cell)}h${g.cell}v${g.cell}h-${g.cell}z`);
    }
  }
  svg += '<g class="hm-rects" shape-rendering="crispEdges">';
  for (const [cls, d] of paths) svg += `<path class="${cls}" d="${d}"/>`;
  svg += '</g>';
  const rs = words ? 1 : tickStep(rows);
  const cs = words ? 1 : tickStep(cols);
  svg += '<g class="hm-ticks" aria-hidden="true">';
  for (let i = 0; i < rows; i += rs)
    svg += `<text x="${px(g.left - 3)}" y="${px(g.top + (i + 0.5) * g.cell)}" text-anchor="end" dominant-baseline="central">${escapeHtml(spec.rowLabels[i] ?? String(i))}</text>`;
  for (let j = 0; j < cols; j += cs) {
    const x = px(g.left + (j + 0.5) * g.cell);
    svg += words
      ? `<text transform="translate(${x} ${px(g.top - 4)}) rotate(-60)" dominant-baseline="central">${escapeHtml(spec.colLabels[j] ?? String(j))}</text>`
      : `<text x="${x}" y="${px(g.top - 4)}" text-anchor="middle">${escapeHtml(spec.colLabels[j] ?? String(j))}</text>`;
  }
  svg += '</g>';
  if (!words)
    svg += `<text class="hm-axis" x="${px(g.left)}" y="${px(g.height - 3)}" aria-hidden="true">rows: ${escapeHtml(spec.rowAxis)} ↓   columns: ${escapeHtml(spec.colAxis)} →</text>`;
  svg += `<rect class="hm-cursor" x="${px(g.left)}" y="${px(g.top)}" width="${g.cell}" height="${g.cell}" visibility="hidden"/></svg>`;
  return `<div class="hm-svg-wrap">${svg}</div>${detailLine(spec)}`;
}

/**
 * How a table in <details> is rendered: 'static' (build time: closed, full table, so readers without
 * JavaScript can open it), 'open' (live, open, full table) or 'closed' (live, closed, empty until the
 * reader opens it; the element then redraws with 'open'). Keeps redraws of big matrices cheap.
 */
export type TableMode = 'static' | 'open' | 'closed';

/** Decides the mode of each table by its matrix key (the element passes its open set). */
export type TableModes = (key: string) => TableMode;

/** A numbers table for a large heatmap, inside <details> (open it to read every value). */
export function tableInDetails(summary: string, spec: HeatmapSpec, mode: TableMode = 'static'): string {
  const { detail: _detail, ...rest } = spec;
  const body = mode === 'closed' ? '<p class="muted small">Open to show every number.</p>' : heatmapTable(rest);
  return `<details class="hm-details" data-table-for="${escapeHtml(spec.key)}"${mode === 'open' ? ' open' : ''}><summary>${escapeHtml(summary)}</summary>${body}</details>`;
}
